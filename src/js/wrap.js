// The PhiGuard class of CONTRACTS.md section 5 over the wasm-bindgen glue
// (`core`). It adds what the glue cannot: argument checks with clear
// errors, and panics turned into readable errors. A Rust panic traps the
// wasm instance, so after one the module is stopped and says so, rather
// than scanning on in an unknown state.
export function wrap(core) {
  let stopped = null;

  function guarded(call) {
    if (stopped !== null) {
      throw new Error(`PHI Guard stopped after an internal error (${stopped}); reload to scan again`);
    }
    try {
      return call();
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        let message = null;
        try { message = core.takePanicMessage(); } catch { /* the instance may be unusable */ }
        stopped = message || e.message;
        throw new Error(`PHI Guard internal error: ${stopped}`, { cause: e });
      }
      throw e;
    }
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

  class PhiGuard {
    #inner;

    constructor(policy) {
      this.#inner = guarded(() => new core.PhiGuard(policy));
    }

    #live() {
      if (!this.#inner) throw new Error("PhiGuard was freed");
      return this.#inner;
    }

    scanText(value) {
      return guarded(() => this.#live().scanText(text(value, "scanText: text")));
    }

    scanFile(name, data) {
      return guarded(() => this.#live().scanFile(text(name, "scanFile: name"), bytes(data)));
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

  return { PhiGuard, panicForTests: () => guarded(() => core.__panicForTests()) };
}
