# PHI Guard: `make run` sets up and runs the main job, `make test` sets up and runs every test.
# Set-up is idempotent: each step is skipped when its result is already present.

CARGO   ?= cargo
RELEASE := target/release
CLI     := $(RELEASE)/phi-guard
SAMPLES := tests/corpus/samples

.PHONY: all setup setup-rust build run test eval bench clean help

all: run

help:
	@echo "make run    set up, build, scan the sample documents and print the reports"
	@echo "make test   set up and run every test"
	@echo "make eval   accuracy on the labelled corpus (dev and holdout)"
	@echo "make bench  single-thread throughput of the core"

setup: setup-rust

# The Rust toolchain comes from rustup (the machine's one toolchain); crates from crates.io.
setup-rust:
	@command -v $(CARGO) >/dev/null || { echo "cargo not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
	@$(CARGO) fetch --quiet

build: setup
	$(CARGO) build --release --quiet

# The main job: scan the sample documents. Exit status 1 means "PHI found", which is
# what the samples are for; only 2 (an error) fails the run.
run: build
	@$(CLI) scan $(SAMPLES); status=$$?; \
	  if [ $$status -ge 2 ]; then exit $$status; fi; \
	  echo "(phi-guard exit status $$status: 0 allow, 1 warn/block, 2 error)"

test: setup
	$(CARGO) test --release

eval: setup
	$(CARGO) test --release --quiet --test eval -- --nocapture --exact eval_report
	PHI_GUARD_CORPUS=tests/corpus/holdout.jsonl $(CARGO) test --release --quiet --test eval -- --nocapture --exact eval_report

bench: setup
	$(CARGO) bench --bench core

clean:
	$(CARGO) clean
