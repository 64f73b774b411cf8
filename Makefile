# PHI Guard: `make run` sets up and runs the main job, `make test` sets up and runs every test.
# Set-up is idempotent: each step is skipped when its result is already present.

CARGO   ?= cargo
RELEASE := target/release
CLI     := $(RELEASE)/phi-guard
SAMPLES := tests/corpus/samples

# The wasm package: wasm-bindgen CLI at exactly the crate's pinned version, in a
# project-local folder; wasm-opt from npm's binaryen (never Debian's /usr/bin/wasm-opt,
# which corrupts wasm-bindgen output).
WASM_TARGET  := wasm32-unknown-unknown
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
TOOLS        := .tools
WASM_BINDGEN := $(TOOLS)/bin/wasm-bindgen
WASM_OPT     := tests/node_modules/.bin/wasm-opt
# Smallest code, run to a fixed point (--converge, 0.4 KB gzipped), except that a
# function with one caller is inlined only when small (-ocimfs 20; binaryen inlines
# such functions at any size by default, and V8 ran the giant results about 14%
# slower, see README; 20 rather than 200 is 0.6 KB smaller, no slower); the producers
# and target-features sections only name tools (260 bytes). --low-memory-unused
# (as Emscripten passes by default): Rust lays the 1 MB stack out first, so the
# low 1 KB is touched only by a stack about to overflow; constant offsets fold
# into loads and stores (2.4 KB smaller, no slower).
WASM_OPT_FLAGS := -Oz --converge --one-caller-inline-max-function-size 20 --low-memory-unused --strip-producers --strip-target-features
# The core, after -Oz: flattened and its control flow rebuilt by the relooper, then -Oz again
# (1.3 KB gzipped smaller, the same speed in Node; README, WebAssembly size); two more -Oz
# at the end, 0.4 KB.
WASM_OPT_CORE_FLAGS := -Oz --converge --flatten --rereloop -Oz --one-caller-inline-max-function-size 20 --low-memory-unused --strip-producers --strip-target-features -Oz -Oz
PKG          := www/pkg
WASM_OUT     := target/$(WASM_TARGET)/wasm/phi_guard.wasm
WASM_FILES_DIR := target/wasm-files
WASM_FILES_OUT := $(WASM_FILES_DIR)/$(WASM_TARGET)/wasm/phi_guard.wasm
NPM_STAMP    := tests/node_modules/.package-lock.json
EXT_DIST     := extension/dist
WWW_DIST     := www/dist
PORT         ?= 8080
CHROMIUM     := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
FIREFOX      := /usr/bin/firefox-esr
WASM_TEST    := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$(CURDIR)/$(WASM_BINDGEN)-test-runner \
                $(CARGO) test --release --target $(WASM_TARGET) --no-default-features --test wasm

.PHONY: all setup setup-rust setup-wasm setup-browser build wasm www extension dist run test test-native test-wasm test-js test-e2e test-fuzz fixtures fuzz eval bench clean help

all: run

help:
	@echo "make run    set up, build everything, scan the sample documents, serve the playground on http://127.0.0.1:8080"
	@echo "make test   set up and run every test"
	@echo "make eval   accuracy on the labelled corpora (dev, holdout, fresh ... fresh25)"
	@echo "make bench  throughput of the core (native, wasm) and the paste delay the extension adds"
	@echo "make wasm   build the wasm package into $(PKG)/"
	@echo "make www    build the embeddable editor script into $(WWW_DIST)/"
	@echo "make extension  build the unpacked extension into $(EXT_DIST)/chrome and $(EXT_DIST)/firefox"
	@echo "make dist   release packages into $(EXT_DIST)/release: zip, signed CRX (key: PHI_GUARD_CRX_KEY), XPI,"
	@echo "            update.xml (served from PHI_GUARD_UPDATE_BASE_URL), filled-in admin templates, SHA256SUMS"

setup: setup-rust setup-wasm $(NPM_STAMP) setup-browser

# The Rust toolchain comes from rustup (the machine's one toolchain); crates from crates.io.
setup-rust:
	@command -v $(CARGO) >/dev/null || { echo "cargo not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
	@$(CARGO) fetch --quiet

setup-wasm:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@$(WASM_BINDGEN) --version 2>/dev/null | grep -qF " $(WASM_BINDGEN_VERSION)" || \
	  $(CARGO) install --quiet wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS)

# npm packages at the versions in the lock file.
$(NPM_STAMP): tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error

# Debian's browsers for the browser tests: chromium and its driver, firefox-esr.
setup-browser:
	@test -x $(CHROMIUM) -a -x $(CHROMEDRIVER) -a -x $(FIREFOX) || { \
	  if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver firefox-esr; \
	  else echo "install Debian's browsers: sudo apt-get install chromium chromium-driver firefox-esr" >&2; exit 1; fi; }

build: setup
	$(CARGO) build --release --quiet

# The main job: scan the sample documents. Exit status 1 means "PHI found", which is
# what the samples are for; only 2 (an error) fails the run.
run: build extension www
	@$(CLI) scan $(SAMPLES); status=$$?; \
	  if [ $$status -ge 2 ]; then exit $$status; fi; \
	  echo "(phi-guard exit status $$status: 0 allow, 1 warn/block, 2 error)"
	@echo "The extension is built: load $(EXT_DIST)/chrome (chrome://extensions, Load unpacked) or $(EXT_DIST)/firefox;"
	@echo "packages: $(EXT_DIST)/phi-guard-{chrome,firefox}-*.zip. The embeddable script: $(WWW_DIST)/phi-guard-embed.js."
	@echo "Serving the playground until Ctrl+C:"
	node www/serve.mjs --host 127.0.0.1 --port $(PORT)

# The wasm package, rebuilt when the Rust or JS sources change: two modules from
# the crate as cdylibs. The core (PhiGuard: texts, redaction, a file's parts) and
# the attachment readers (extractFile, feature wasm-files, in its own target dir so
# the two builds do not undo each other), in the `wasm` profile of Cargo.toml, each with glue for ES modules (--target
# web) and classic scripts (--target no-modules: the globals `phiGuard` and
# `phiGuardFiles`), then wasm-opt -Oz.
wasm: setup $(PKG)/phi_guard_core_bg.wasm

# The core crate inlines less than the native build (LLVM's threshold 5 instead of 225):
# about 20 KB gzipped smaller, for a few per cent of the wasm speed (README, WebAssembly size).
CORE_WASM_FLAGS = -C llvm-args=-inline-threshold=5

$(PKG)/phi_guard_core_bg.wasm: Makefile Cargo.toml Cargo.lock $(shell find src -type f)
	$(CARGO) rustc --profile wasm --quiet --lib --target $(WASM_TARGET) --no-default-features --crate-type cdylib -- $(CORE_WASM_FLAGS)
	$(CARGO) rustc --profile wasm --quiet --lib --target $(WASM_TARGET) --no-default-features --features wasm-files --target-dir $(WASM_FILES_DIR) --crate-type cdylib
	rm -rf $(PKG) $(PKG).tmp && mkdir -p $(PKG).tmp
	$(WASM_BINDGEN) $(WASM_OUT) --target web --out-dir $(PKG).tmp/web --out-name phi_guard_core
	$(WASM_BINDGEN) $(WASM_OUT) --target no-modules --out-dir $(PKG).tmp/classic --out-name phi_guard_core
	$(WASM_BINDGEN) $(WASM_FILES_OUT) --target web --out-dir $(PKG).tmp/web --out-name phi_guard_files
	$(WASM_BINDGEN) $(WASM_FILES_OUT) --target no-modules --no-modules-global phiGuardFiles --out-dir $(PKG).tmp/classic --out-name phi_guard_files
	mkdir -p $(PKG) && cp $(PKG).tmp/web/phi_guard_core.js $(PKG).tmp/web/phi_guard_core.d.ts $(PKG).tmp/web/phi_guard_files.js src/js/phi_guard.js src/js/wrap.js src/js/phi_guard.d.ts $(PKG)/
	{ echo '// PHI Guard for classic scripts: the global phiGuard = { init, initSync, loadFiles, PhiGuard }.'; \
	  cat $(PKG).tmp/classic/phi_guard_core.js $(PKG).tmp/classic/phi_guard_files.js; echo '(function () {'; sed 's/^export function/function/' src/js/wrap.js; \
	  echo 'self.phiGuard = wrap(wasm_bindgen, phiGuardFiles, { initCore: wasm_bindgen, initCoreSync: wasm_bindgen.initSync, initFiles: phiGuardFiles, initFilesSync: phiGuardFiles.initSync });'; \
	  echo '})();'; } > $(PKG)/phi_guard.classic.js
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(PKG).tmp/web/phi_guard_files_bg.wasm -o $(PKG)/phi_guard_files_bg.wasm
	$(WASM_OPT) $(WASM_OPT_CORE_FLAGS) $(PKG).tmp/web/phi_guard_core_bg.wasm -o $(PKG)/phi_guard_core_bg.wasm
	rm -rf $(PKG).tmp

# The embeddable editor script: the extension's panel and interception, the
# classic wasm glue and www/embed.js in one file, with the wasm beside it.
www: wasm $(WWW_DIST)/phi-guard-embed.js

$(WWW_DIST)/phi-guard-embed.js: $(PKG)/phi_guard_core_bg.wasm extension/ui/panel.js extension/ui/intercept.js www/embed.js
	mkdir -p $(WWW_DIST)
	{ echo '// PHI Guard embeddable editor script (built by make www; sources: extension/ui/panel.js, extension/ui/intercept.js, the classic wasm glue, www/embed.js).'; \
	  cat extension/ui/panel.js extension/ui/intercept.js $(PKG)/phi_guard.classic.js www/embed.js; } > $@.tmp
	cp $(PKG)/phi_guard_core_bg.wasm $(WWW_DIST)/phi-guard.wasm
	cp $(PKG)/phi_guard_files_bg.wasm $(WWW_DIST)/phi-guard-files.wasm
	mv $@.tmp $@

# The browser extension for Chrome and Firefox, with the wasm package inside.
extension: wasm $(EXT_DIST)/chrome/manifest.json

$(EXT_DIST)/chrome/manifest.json: $(PKG)/phi_guard_core_bg.wasm Cargo.toml $(shell find extension -type f -not -path '$(EXT_DIST)/*')
	node extension/build.mjs

# Release packages from the extension build: the Chrome zip, the same zip as a signed
# CRX3 (the key is the PEM file in PHI_GUARD_CRX_KEY; without it a throwaway key is made
# in $(EXT_DIST)/), the Firefox XPI, update.xml for files served from
# PHI_GUARD_UPDATE_BASE_URL, the admin templates of extension/policy/ filled in, SHA256SUMS.
dist: extension
	node extension/dist.mjs

test: setup test-native test-wasm test-js test-e2e test-fuzz

test-native:
	$(CARGO) test --release

# wasm-bindgen-test in Node, then in headless Chromium.
test-wasm: setup
	$(WASM_TEST)
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$(CHROMEDRIVER) $(WASM_TEST)

# The built package, loaded as the extension loads it.
test-js: wasm build fixtures
	node --test tests/wasm/

# The synthetic attachments of tests/fixtures/build.rs, written for the browser tests
# and as the fuzzers' seeds.
FIXTURES := tests/fixtures/out
fixtures: setup-rust
	$(CARGO) run --release --quiet --example fixtures -- $(FIXTURES)

# Coverage-guided fuzzing (libFuzzer, via libfuzzer-sys) of every attachment format, on
# stable Rust: sanitizer-coverage flags, the host target named so build scripts stay
# uninstrumented. `make test` runs each target for FUZZ_SECONDS; `make fuzz FUZZ_SECONDS=600`
# for longer. New crashes land in target/fuzz/crashes/; keep them in tests/fuzz/regressions/.
FUZZ_SECONDS ?= 10
FUZZ_TARGETS := zip pdf dicom image xml text
FUZZ_HOST    := $(shell rustc -vV | sed -n 's/^host: //p')
FUZZ_BIN     := target/fuzz/$(FUZZ_HOST)/release
FUZZ_FLAGS   := -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
                -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
                -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing
fuzz: fixtures
	@command -v g++ >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q g++; \
	  else echo "libFuzzer needs a C++ compiler: sudo apt-get install g++" >&2; exit 1; fi; }
	RUSTFLAGS="$(FUZZ_FLAGS)" $(CARGO) build --release --quiet --manifest-path tests/fuzz/Cargo.toml \
	  --target $(FUZZ_HOST) --target-dir target/fuzz
	@mkdir -p target/fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz/corpus/$$t; \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BIN)/$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
	    -artifact_prefix=target/fuzz/crashes/$$t- target/fuzz/corpus/$$t $(FIXTURES) tests/fuzz/regressions \
	    2>target/fuzz/$$t.log || { tail -30 target/fuzz/$$t.log; exit 1; }; \
	done
test-fuzz: fuzz

# The extension end to end in headless Chromium, the release packages and admin templates
# (with the CLI's policy check), and Mozilla's linter on the Firefox build.
test-e2e: build extension dist www fixtures
	node --test tests/e2e/
	cd tests && npx --no-install web-ext lint --warnings-as-errors --source-dir ../$(EXT_DIST)/firefox --output text

eval: setup
	@set -e; for c in corpus holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7 fresh8 fresh9 fresh10 fresh11 fresh12 fresh13 fresh14 fresh15 fresh16 fresh17 fresh18 fresh19 fresh20 fresh21 fresh22 fresh23 fresh24 fresh25; do \
	  echo "== tests/corpus/$$c.jsonl"; \
	  PHI_GUARD_CORPUS=tests/corpus/$$c.jsonl $(CARGO) test --release --quiet --test eval -- --nocapture --exact eval_report; \
	done

bench: setup extension
	$(CARGO) bench --bench core
	node tests/bench/wasm.mjs
	node tests/bench/extension.mjs

clean:
	$(CARGO) clean
