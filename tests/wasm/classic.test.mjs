// The classic-script build (for pages without modules): the global
// `phiGuard` with init and PhiGuard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

test("the classic build defines phiGuard and scans", async () => {
  const pkg = new URL("../../www/pkg/", import.meta.url);
  globalThis.self = globalThis;
  vm.runInThisContext(readFileSync(new URL("phi_guard.classic.js", pkg), "utf8"));
  const { phiGuard } = globalThis;
  await phiGuard.init({ module_or_path: readFileSync(new URL("phi_guard_core_bg.wasm", pkg)), files: false });
  const guard = new phiGuard.PhiGuard();
  const report = guard.scanText("Patient Maria Gonzalez, DOB 03/14/1962");
  assert.equal(report.verdict, "warn");
  assert.deepEqual(report.findings.map((f) => f.kind), ["person_name", "date"]);
  // The attachment readers load on demand.
  const csv = new TextEncoder().encode("last_name,dob\nGonzalez,1962-03-14\n");
  assert.throws(() => guard.scanFile("a.csv", csv), /loadFiles/);
  await phiGuard.loadFiles({ module_or_path: readFileSync(new URL("phi_guard_files_bg.wasm", pkg)) });
  assert.equal(guard.scanFile("a.csv", csv).verdict, "warn");
});
