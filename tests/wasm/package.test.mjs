// The built wasm package (www/pkg), loaded as the extension loads it: the
// ES module entry, initialised with the .wasm bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import init, { PhiGuard } from "../../www/pkg/phi_guard.js";

const root = new URL("../../", import.meta.url);
const wasm = await init({
  module_or_path: readFileSync(new URL("www/pkg/phi_guard_core_bg.wasm", root)),
  files: { module_or_path: readFileSync(new URL("www/pkg/phi_guard_files_bg.wasm", root)) },
});

function corpus(name) {
  return readFileSync(new URL(`tests/corpus/${name}`, root), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
}

/** Native findings (byte offsets) of every text, from the CLI in one run. */
function nativeReports(texts) {
  const dir = mkdtempSync(join(tmpdir(), "phi-guard-"));
  try {
    texts.forEach((t, i) => writeFileSync(join(dir, `${String(i).padStart(5, "0")}.txt`), t));
    const run = spawnSync(new URL("target/release/phi-guard", root).pathname, ["scan", "--format", "json", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const byIndex = new Map();
    for (const line of run.stdout.split("\n").filter(Boolean)) {
      const r = JSON.parse(line);
      byIndex.set(Number(r.path.slice(-9, -4)), r);
    }
    return texts.map((_, i) => byIndex.get(i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const utf16 = (text, byteOffset) => Buffer.from(text).subarray(0, byteOffset).toString("utf8").length;

test("same findings as the native core on the whole corpus, offsets in UTF-16", () => {
  const texts = [...corpus("corpus.jsonl"), ...corpus("holdout.jsonl")];
  const native = nativeReports(texts);
  const guard = new PhiGuard();
  let compared = 0;
  texts.forEach((text, i) => {
    const got = guard.scanText(text);
    const want = native[i];
    assert.equal(got.verdict, want.verdict, `document ${i}`);
    const expected = want.findings.map((f) => ({ ...f, start: utf16(text, f.start), end: utf16(text, f.end) }));
    assert.deepEqual(got.findings, expected, `document ${i}`);
    for (const f of got.findings) assert.ok(text.slice(f.start, f.end).length > 0);
    compared += got.findings.length;
  });
  assert.ok(compared > 5000, `only ${compared} findings compared`);
});

test("UTF-16 offsets around emoji and accented names", () => {
  const text = "🏥👩‍⚕️ Patient Ó Coisdeala, DOB 14-Mar-1962 🙂 MRN: 00412345, lives with daughter Đặng Thị Mai.";
  const report = new PhiGuard().scanText(text);
  const found = report.findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
  assert.deepEqual(found.filter(([k]) => k === "mrn"), [["mrn", "00412345"]]);
  assert.ok(found.some(([k, v]) => k === "date" && v === "14-Mar-1962"), JSON.stringify(found.map(([k]) => k)));
  assert.ok(found.some(([k, v]) => k === "person_name" && v === "Ó Coisdeala"), "name with a fada");
  assert.ok(found.some(([k, v]) => k === "person_name" && v === "Đặng Thị Mai"), "Vietnamese name");
});

test("bad arguments and policies throw clear errors", () => {
  assert.throws(() => new PhiGuard({ report_threshold: "high" }), /report_threshold/);
  assert.throws(() => new PhiGuard({ mood: "warn" }), /mood/);
  const guard = new PhiGuard();
  assert.throws(() => guard.scanText(42), { name: "TypeError", message: /string/ });
  assert.throws(() => guard.scanFile("a.txt", "not bytes"), /Uint8Array/);
  assert.throws(() => guard.redact("x", { style: "shred" }), /style/);
  assert.throws(() => guard.redact("x", "pseudonym"), (e) => e instanceof TypeError && /options must be an object/.test(e.message));
  assert.equal(guard.usable, true);
  guard.free();
  assert.equal(guard.usable, false);
  assert.throws(() => guard.scanText("x"), /freed/);
});

test("redaction keeps health context and pseudonyms are consistent", () => {
  const guard = new PhiGuard();
  const text = "Patient Maria Gonzalez (MRN 00412345) has type 2 diabetes. Maria Gonzalez takes metformin.";
  const out = guard.redact(text, { style: "pseudonym" });
  assert.equal(out.match(/\[PATIENT-1\]/g)?.length, 2, out);
  assert.ok(!out.includes("Gonzalez") && !out.includes("00412345") && out.includes("metformin"), out);
});

test("a file scan decodes bytes; binary files are not inspected", () => {
  const guard = new PhiGuard({ on_error: "block" });
  const csv = "mrn,last_name,first_name,dob\n00412345,Gonzalez,María,1962-03-14\n";
  const report = guard.scanFile("export.csv", new TextEncoder().encode(csv));
  assert.equal(report.verdict, "warn");
  assert.deepEqual(report.findings.map((f) => csv.slice(f.start, f.end)).sort(), ["00412345", "1962-03-14", "Gonzalez", "María"].sort());
  const binary = guard.scanFile("Main.class", new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34, 0, 0x1d]).buffer);
  assert.equal(binary.verdict, "block");
  assert.match(binary.notes[0], /could not inspect/);
});

test("attachments: Office, DICOM, PDF and zip files are read, with the part in source", () => {
  const guard = new PhiGuard();
  const dir = new URL("../fixtures/out/", import.meta.url);
  const sources = (name) => {
    const report = guard.scanFile(name, new Uint8Array(readFileSync(new URL(name, dir))));
    return { verdict: report.verdict, sources: report.findings.map((f) => `${f.kind} ${f.source}`) };
  };
  const docx = sources("patient.docx");
  assert.equal(docx.verdict, "warn");
  assert.ok(docx.sources.includes("person_name docx:word/document.xml"), docx.sources.join("\n"));
  assert.ok(sources("patient.dcm").sources.includes("person_name dicom:(0010,0010)"));
  assert.ok(sources("patient.pdf").sources.some((s) => s.startsWith("mrn pdf")));
  assert.ok(sources("exports.zip").sources.includes("date zip:claims/jan.csv > csv:dob"));
  for (const clean of ["clean.docx", "clean.dcm", "clean.pdf", "clean.zip"]) assert.equal(sources(clean).verdict, "allow", clean);
  // A zip bomb is stopped by the core's limits, not by running out of memory.
  const bomb = guard.scanFile("bomb.zip", new Uint8Array(readFileSync(new URL("bomb.zip", dir))));
  assert.equal(bomb.verdict, "warn");
  assert.match(bomb.notes.join(" "), /max_ratio/);
});

test("20 MB of text returns, and memory does not grow across 1,000 calls", () => {
  const guard = new PhiGuard();
  const line = "2026-11-20 10:15:32,123 INFO [main] c.a.ehr.PatientService - Request completed in 42 ms\n";
  const big = line.repeat(Math.ceil(20e6 / line.length));
  const report = guard.scanText(big);
  assert.equal(report.verdict, "allow");
  assert.ok(report.stats.bytes >= 20e6);
  const text = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00412345. ".repeat(40);
  for (let i = 0; i < 50; i++) guard.redact(guard.scanText(text).verdict + text);
  const before = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 1000; i++) {
    const g = new PhiGuard({ mode: i % 2 ? "block" : "warn" });
    g.scanText(text);
    g.scanFile("n.txt", new TextEncoder().encode(text));
    g.redact(text, { style: "label" });
    g.free();
  }
  assert.equal(wasm.memory.buffer.byteLength, before);
});
