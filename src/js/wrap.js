// The PhiGuard class of CONTRACTS.md section 5 over the wasm-bindgen glue
// of the two modules: `core` (texts, redaction, the scan of a file's parts)
// and `files` (the attachment readers, `extractFile`). It adds what the glue
// cannot: loading the attachment readers only when asked, argument checks
// with clear errors, and panics turned into readable errors. A Rust panic
// traps the wasm instance, so after one the module is stopped and says so,
// rather than scanning on in an unknown state.
//
// `loaders` holds each module's init functions: { initCore, initCoreSync,
// initFiles, initFilesSync }.
export function wrap(core, files, loaders) {
  let stopped = null;
  let filesLoading = null;
  let filesLoaded = false;

  function guarded(call, module = core) {
    if (stopped !== null) {
      throw new Error(`PHI Guard stopped after an internal error (${stopped}); reload to scan again`);
    }
    try {
      return call();
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        let message = null;
        try { message = module.takePanicMessage(); } catch { /* the instance may be unusable */ }
        stopped = message || e.message;
        throw new Error(`PHI Guard internal error: ${stopped}`, { cause: e });
      }
      throw e;
    }
  }

  /** Loads the attachment readers (once); `scanFile` needs them. */
  function loadFiles(input) {
    filesLoading ||= loaders.initFiles(input).then(
      () => { filesLoaded = true; },
      (e) => { filesLoading = null; throw e; },
    );
    return filesLoading;
  }

  /**
   * Loads the core module, and the attachment readers too unless
   * `options.files` is false (then `loadFiles()` before the first file).
   * `options.files` may also be the readers' own `{ module_or_path }`.
   */
  async function init(options) {
    const { files: filesInput, ...coreInput } = options ?? {};
    const exports = await loaders.initCore(Object.keys(coreInput).length ? coreInput : undefined);
    if (filesInput !== false) await loadFiles(filesInput === undefined || filesInput === true ? undefined : filesInput);
    return exports;
  }

  /** As `init`, from compiled modules or bytes: `{ module, files?: { module } }`. */
  function initSync(options) {
    const { files: filesInput, ...coreInput } = options ?? {};
    const exports = loaders.initCoreSync(coreInput);
    if (filesInput) {
      loaders.initFilesSync(filesInput);
      filesLoaded = true;
    }
    return exports;
  }

  function text(value, what) {
    if (typeof value !== "string") throw new TypeError(`${what} must be a string, not ${value === null ? "null" : typeof value}`);
    return value;
  }

  function bytes(value) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    throw new TypeError("scanFile: bytes must be a Uint8Array or an ArrayBuffer");
  }

  // A report's findings cross from wasm packed (`pack` in src/wasm.rs):
  // seven numbers per finding (start, end, score, then the lengths of its
  // kind, preview, reason and source, which follow one another in `strings`).
  function unpacked(report) {
    const [numbers, strings] = report.findings;
    const findings = new Array(numbers.length / 7);
    let at = 0;
    const next = (length) => strings.slice(at, (at += length));
    for (let i = 0; i < numbers.length; i += 7) {
      const f = { kind: next(numbers[i + 3]), start: numbers[i], end: numbers[i + 1], score: numbers[i + 2], preview: next(numbers[i + 4]), reason: next(numbers[i + 5]) };
      if (numbers[i + 6]) f.source = next(numbers[i + 6]);
      findings[i / 7] = f;
    }
    report.findings = findings;
    return report;
  }

  class PhiGuard {
    #inner;
    #limits;

    constructor(policy) {
      this.#inner = guarded(() => new core.PhiGuard(policy));
    }

    #live() {
      if (!this.#inner) throw new Error("PhiGuard was freed");
      return this.#inner;
    }

    scanText(value) {
      return unpacked(guarded(() => this.#live().scanText(text(value, "scanText: text"))));
    }

    scanFile(name, data) {
      const fileName = text(name, "scanFile: name");
      const fileBytes = bytes(data);
      if (!filesLoaded) {
        throw new Error("scanFile needs the attachment readers: init() loads them unless given { files: false }; then await loadFiles() first");
      }
      const inner = this.#live();
      this.#limits ??= guarded(() => inner.policy.files);
      const extraction = guarded(() => files.extractFile(fileName, fileBytes, this.#limits), files);
      return unpacked(guarded(() => inner.scanExtracted(extraction)));
    }

    redact(value, options) {
      if (options !== undefined && options !== null && (typeof options !== "object" || Array.isArray(options))) {
        throw new TypeError(`redact: options must be an object such as { style: "label" }, not ${Array.isArray(options) ? "an array" : typeof options}`);
      }
      return guarded(() => this.#live().redact(text(value, "redact: text"), options));
    }

    get policy() {
      return guarded(() => this.#live().policy);
    }

    /** False once an internal error has stopped the module. */
    get usable() {
      return stopped === null && this.#inner !== undefined;
    }

    free() {
      this.#inner?.free();
      this.#inner = undefined;
    }
  }

  return { init, initSync, loadFiles, PhiGuard, panicForTests: () => guarded(() => core.__panicForTests()) };
}
