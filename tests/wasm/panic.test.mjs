// A Rust panic inside the module surfaces as a readable Error, without the
// text it was holding, and the module then says it is stopped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { PhiGuard, panicForTests } from "../../www/pkg/phi_guard.js";

await init({ module_or_path: readFileSync(new URL("../../www/pkg/phi_guard_core_bg.wasm", import.meta.url)), files: false });

test("a panic becomes an Error and the guard says it is stopped", () => {
  const guard = new PhiGuard();
  assert.equal(guard.scanText("SSN 536-22-8471").verdict, "block");
  let error;
  try { panicForTests(); } catch (e) { error = e; }
  assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError));
  assert.match(error.message, /internal error: deliberate panic for tests/);
  assert.match(error.message, /src\/wasm\.rs:\d+/);
  assert.ok(!error.message.includes("Gonzalez"), error.message);
  assert.equal(guard.usable, false);
  assert.throws(() => guard.scanText("hello"), /stopped after an internal error/);
});
