// The playground page (www/), end to end: www/serve.mjs on 127.0.0.1 and
// Debian's headless Chromium. The page's own checks are compared with the wasm
// package run here in Node. Every request the browser makes is recorded: after
// a page has loaded, it must make none.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import init, { PhiGuard } from "../../www/pkg/phi_guard.js";
import { serve, CSP } from "../../www/serve.mjs";
import { SAMPLES } from "../../www/samples.js";
import { CHROMIUM, started } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "out");
const DOCS = join(here, "..", "..", "www", "docs");

// Synthetic: no real person has these names or numbers.
const PHI = "🙂 Patient Nguyễn Văn An, DOB 03/14/1962, MRN 00482913, SSN 536-22-8142";
const EXPECTED = [["Nguyễn Văn An", "person_name"], ["03/14/1962", "date"], ["00482913", "mrn"], ["536-22-8142", "ssn"]];
const RAW = EXPECTED.map(([text]) => text);
const HL7_FILE = "MSH|^~\\&|ADT|HOSP|EHR|HOSP|20261120101532||ADT^A01|MSG00001|P|2.5\rPID|1||00482913^^^HOSP^MR||GONZALEZ^MARIA^L||19620314|F|||12 Oak Street^^Springfield^IL^62704||(217)555-0143\r";

// The files a page load may fetch, and nothing else.
const PAGE_FILES = ["/", "/playground.css", "/playground.js", "/samples.js", "/pkg/phi_guard.js", "/pkg/phi_guard_core.js", "/pkg/phi_guard_files.js", "/pkg/wrap.js", "/pkg/phi_guard_core_bg.wasm", "/pkg/phi_guard_files_bg.wasm"];

await init({
  module_or_path: readFileSync(new URL("../../www/pkg/phi_guard_core_bg.wasm", import.meta.url)),
  files: { module_or_path: readFileSync(new URL("../../www/pkg/phi_guard_files_bg.wasm", import.meta.url)) },
});
const reference = new PhiGuard({ mode: "warn" });

let site, browser, context;
let loading = false;
const loadRequests = [];
const lateRequests = [];
const problems = [];

before(async () => {
  site = await serve({ port: 0 });
  browser = await started(() => chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Any host but the server's resolves to nowhere, so nothing could leave the machine anyway.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  }));
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
  context.on("request", (r) => (loading ? loadRequests : lateRequests).push(r.url()));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

afterEach(async () => {
  for (const page of context.pages()) await page.close();
  assert.deepEqual(problems.splice(0), [], "no page errors, console errors or CSP violations");
});

// ---- helpers ----------------------------------------------------------------------

async function openPlayground() {
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  loading = true;
  try {
    await page.goto(site.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForLoadState("networkidle");
  } finally {
    loading = false;
  }
  return page;
}

const scanned = (page) => page.waitForSelector("#result[data-state=scanned]");
const marks = (page) => page.$$eval("#backdrop mark", (ms) => ms.map((m) => [m.textContent, m.dataset.kind]));
const verdict = (page) => page.getAttribute("#verdict", "data-verdict");

async function fillEditor(page, text) {
  await page.fill("#editor", text);
  await scanned(page);
}

/** Moves the mouse onto the middle of the highlight for `kind`, as a user pointing at the text would. */
async function hoverMark(page, kind) {
  const box = await page.locator(`#backdrop mark[data-kind=${kind}]`).first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

function get(path) {
  const { port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, path }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

// ---- the server ------------------------------------------------------------------------

test("serve.mjs: content types, the CSP on every response, 404s, no way out of www/", async () => {
  const cases = [["/", "text/html"], ["/playground.js", "text/javascript"], ["/playground.css", "text/css"], ["/pkg/phi_guard_core_bg.wasm", "application/wasm"], ["/serve.mjs", "text/javascript"]];
  for (const [path, type] of cases) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-type"].split(";")[0], type, path);
    assert.equal(res.headers["content-security-policy"], CSP, path);
  }
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'/);
  const missing = await get("/nope.html");
  assert.equal(missing.status, 404);
  assert.equal(missing.headers["content-security-policy"], CSP);
  for (const path of ["/../README.md", "/%2e%2e/README.md", "/pkg/..%2f..%2fREADME.md", "/..%5cREADME.md", "/%00", "//etc/passwd"]) {
    const res = await get(path);
    assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /PHI Guard|root:/, path);
  }
});

// ---- the editor --------------------------------------------------------------------------

test("typing highlights exactly the identifiers, emoji and accents included, and shows the verdict", async () => {
  const page = await openPlayground();
  await page.click("#editor");
  await page.keyboard.type(PHI);
  await scanned(page);
  await page.waitForFunction((n) => document.querySelectorAll("#backdrop mark").length === n, EXPECTED.length);
  assert.deepEqual(await marks(page), EXPECTED);
  // The backdrop draws the same text as the textarea, so the highlights sit on the right characters.
  assert.ok((await page.textContent("#backdrop")).startsWith(PHI));
  for (const f of reference.scanText(PHI).findings) {
    assert.equal(await page.getAttribute(`#backdrop mark[data-kind=${f.kind}]`, "data-preview"), f.preview);
  }

  assert.equal(await verdict(page), "block"); // the default policy blocks SSNs
  assert.match(await page.innerText("#verdict"), /block/i);
  assert.match(await page.innerText("#verdict"), /SSN/);
  const [r, g] = (await page.$eval("#verdict", (e) => getComputedStyle(e).backgroundColor)).match(/\d+/g).map(Number);
  assert.ok(r > g, "block is shown in red");
  assert.deepEqual(await page.$$eval("#counts li", (lis) => lis.map((li) => [li.dataset.kind, li.querySelector("b").textContent]).sort()),
    [["date", "1"], ["mrn", "1"], ["person_name", "1"], ["ssn", "1"]]);

  // The findings list: masked previews, scores, reasons; never the raw values.
  const table = await page.innerText("#findings");
  for (const f of reference.scanText(PHI).findings) assert.ok(table.includes(f.preview), f.preview);
  for (const raw of RAW) assert.ok(!table.includes(raw), `the findings list does not show ${raw}`);

  // Editing keeps the other highlights in place and rescans.
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Re: ");
  await scanned(page);
  assert.deepEqual(await marks(page), EXPECTED);
  await page.fill("#editor", "Build 4.12.7 deployed");
  await scanned(page);
  assert.equal(await verdict(page), "allow");
  assert.deepEqual(await marks(page), []);
});

test("a highlight shows its masked preview, score and reason on hover, and at the caret", async () => {
  const page = await openPlayground();
  await fillEditor(page, PHI);
  const tooltip = page.getByRole("tooltip");
  const shown = { mrn: "****2913", person_name: "N***** V** A*", ssn: "***-**-8142" };
  for (const [kind, preview] of Object.entries(shown)) {
    await hoverMark(page, kind);
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    assert.ok(text.includes(preview), `${kind}: ${text}`);
    assert.match(text, /score 0\.\d\d/);
    for (const raw of RAW) assert.ok(!text.includes(raw), `the tooltip does not show ${raw}`);
  }
  assert.match(await tooltip.innerText(), /valid SSN format/);
  await page.mouse.move(5, 5);
  await tooltip.waitFor({ state: "hidden" });

  // Keyboard: the caret at the end of the line sits on the SSN.
  await page.focus("#editor");
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("End");
  await tooltip.waitFor();
  assert.ok((await tooltip.innerText()).includes("***-**-8142"));
  await page.keyboard.press("Escape");
  await tooltip.waitFor({ state: "hidden" });

  // "Show" in the findings list selects the match in the editor.
  await page.getByRole("button", { name: "Show MRN ****2913 in the text" }).click();
  await tooltip.waitFor();
  assert.ok((await tooltip.innerText()).includes("****2913"));
  assert.equal(await page.$eval("#editor", (e) => e.value.slice(e.selectionStart, e.selectionEnd)), "00482913");
});

test("each copy button puts that redaction on the clipboard and shows it", async () => {
  const page = await openPlayground();
  await fillEditor(page, PHI);
  const buttons = { mask: "Copy masked", label: "Copy labelled", pseudonym: "Copy pseudonymised" };
  const copied = {};
  for (const [style, name] of Object.entries(buttons)) {
    await page.evaluate(() => navigator.clipboard.writeText("(empty)"));
    await page.getByRole("button", { name }).click();
    await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== "(empty)"));
    copied[style] = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied[style], reference.redact(PHI, { style }), style);
    assert.equal(await page.textContent("#redacted"), copied[style], `${style}: the copied text is shown`);
    for (const raw of RAW) assert.ok(!copied[style].includes(raw), `${style} copy has no ${raw}`);
    assert.ok(copied[style].startsWith("🙂 Patient "), style);
  }
  assert.match(copied.mask, /MRN \*{8}, SSN \*{3}-\*{2}-\*{4}/);
  assert.equal(copied.label, "🙂 Patient [NAME], DOB [DATE], MRN [MRN], SSN [SSN]");
  assert.match(copied.pseudonym, /\[PATIENT-1\].*\[MRN-1\].*\[SSN-1\]/);
  assert.match(await page.innerText("#copy-status"), /Copied the pseudonymised text/);
});

test("the policy editor reports a bad policy and invalid JSON, keeps the last valid guard, and applies a fixed one", async () => {
  const page = await openPlayground();
  await fillEditor(page, PHI);
  const alert = page.locator("#policy-error[role=alert]");
  assert.equal(await alert.textContent(), "");

  await page.fill("#policy", '{"mode": "loud"}');
  await page.waitForFunction(() => document.querySelector("#policy-error").textContent !== "");
  assert.match(await alert.textContent(), /`mode`/);
  assert.equal(await page.getAttribute("#policy", "aria-invalid"), "true");
  assert.match(await page.innerText("#policy-status"), /last valid policy is still in use/);
  // The previous guard still scans.
  await page.fill("#editor", `${PHI} `);
  await scanned(page);
  assert.deepEqual(await marks(page), EXPECTED);

  await page.fill("#policy", '{"mode": "warn",');
  await page.waitForFunction(() => /JSON/.test(document.querySelector("#policy-error").textContent));
  assert.match(await alert.textContent(), /^Invalid JSON/);

  await page.fill("#policy", '{"mode": "block", "frobnicate": 1}');
  await page.waitForFunction(() => /frobnicate/.test(document.querySelector("#policy-error").textContent));

  // Fixed: the error goes, and the new policy applies at once (SSNs no longer blocked: warn).
  await page.fill("#policy", '{"mode": "warn", "block_kinds": []}');
  await page.waitForFunction(() => document.querySelector("#policy-error").textContent === "");
  assert.equal(await page.getAttribute("#policy", "aria-invalid"), null);
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.verdict === "warn");
  assert.match(await page.innerText("#policy-status"), /mode warn.*blocks nothing/);

  // A policy that turns a kind off removes its highlight.
  await page.fill("#policy", '{"mode": "warn", "disabled_kinds": ["date"]}');
  await page.waitForFunction(() => !document.querySelector("#backdrop mark[data-kind=date]"));
  assert.deepEqual(await marks(page), EXPECTED.filter(([, kind]) => kind !== "date"));

  // "Show all fields" writes the filled-in policy, which is itself valid.
  await page.getByRole("button", { name: "Show all fields" }).click();
  const full = JSON.parse(await page.inputValue("#policy"));
  assert.deepEqual(full.disabled_kinds, ["date"]);
  assert.equal(full.report_threshold, 0.5);
  assert.equal(await alert.textContent(), "");
});

test("samples: the PHI documents warn or block, the clean stack trace is allowed with nothing highlighted", async () => {
  const page = await openPlayground();
  assert.deepEqual(await page.$$eval(".samples button", (bs) => bs.map((b) => b.textContent)),
    ["HL7 ticket", "FHIR Patient", "Confluence table", "Clean stack trace"]);
  for (const sample of SAMPLES) {
    await page.click(`.samples button[data-sample=${sample.id}]`);
    await scanned(page);
    assert.equal(await page.inputValue("#editor"), sample.text);
    const expected = reference.scanText(sample.text);
    assert.equal(await verdict(page), expected.verdict, sample.id);
    const ids = await page.$$eval("#backdrop mark[data-class=identifier]", (ms) => ms.map((m) => m.dataset.kind));
    if (sample.phi) {
      assert.ok(["warn", "block"].includes(expected.verdict), sample.id);
      assert.ok(ids.includes("person_name") && ids.includes("mrn"), `${sample.id}: ${ids}`);
      assert.equal(await page.$$eval("#findings tbody tr", (rows) => rows.length), expected.findings.length);
    } else {
      assert.equal(expected.verdict, "allow");
      assert.deepEqual(ids, [], "no identifiers highlighted");
      assert.match(await page.innerText("#verdict"), /allow/i);
      assert.match(await page.innerText("#findings-empty"), /Nothing found/);
    }
  }
  // The samples are made up, and look it: the expected shapes, none with a real-looking e-mail domain.
  assert.match(SAMPLES[0].text, /^PID\|/m);
  assert.match(SAMPLES[1].text, /"resourceType": "Patient"/);
  assert.match(SAMPLES[2].text, /^\|\| Patient \|\| DOB \|\| MRN \|\|/m);
});

test("a chosen or dropped file gets its own report, read in the page", async () => {
  const page = await openPlayground();
  await page.setInputFiles("#file", { name: "adt-a01.hl7", mimeType: "text/plain", buffer: Buffer.from(HL7_FILE) });
  const card = page.locator("#file-report .file-card");
  await card.waitFor();
  const expected = reference.scanFile("adt-a01.hl7", Buffer.from(HL7_FILE));
  assert.ok(expected.findings.length >= 5);
  assert.equal(await card.getAttribute("data-verdict"), expected.verdict);
  const text = await card.innerText();
  assert.match(text, /adt-a01\.hl7/);
  for (const f of expected.findings) {
    assert.ok(text.includes(f.preview), f.preview);
    assert.ok(text.includes(f.source), f.source);
  }
  assert.equal(await card.locator("tbody tr").count(), expected.findings.length);
  const kinds = await card.locator(".counts li").evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  assert.deepEqual(kinds.sort(), [...new Set(expected.findings.map((f) => f.kind))].sort());
  assert.doesNotMatch(text, /GONZALEZ|00482913|19620314|Oak Street/);

  // Dropped anywhere on the page: a text file and a binary one, reported side by side.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["Patient Maria Gonzalez, SSN 536-22-8142"], "ticket.txt", { type: "text/plain" }));
    dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0])], "scan.bin"));
    const target = document.querySelector("#editor");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll("#file-report .file-card").length === 2);
  const [dropped, binary] = await card.evaluateAll((cs) => cs.map((c) => [c.dataset.verdict, c.innerText]));
  assert.equal(dropped[0], "block");
  assert.match(dropped[1], /ticket\.txt[\s\S]*\*\*\*-\*\*-8142/);
  assert.doesNotMatch(dropped[1], /536-22|Gonzalez/);
  assert.match(binary[1], /could not inspect: binary content/);
  assert.equal(await page.inputValue("#editor"), "", "a dropped file is not pasted into the editor");
});

test("keyboard: every control is reachable and labelled", async () => {
  const page = await openPlayground();
  const reached = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => {
      const e = document.activeElement;
      return e.id || e.dataset.sample || e.dataset.style || e.textContent.trim();
    }));
  }
  for (const id of ["hl7", "stacktrace", "editor", "mask", "pseudonym", "policy", "policy-reset", "file"]) {
    assert.ok(reached.includes(id), `${id} in ${reached}`);
  }
  // Focus is visible: the focused control draws an outline.
  await page.focus(".samples button");
  await page.keyboard.press("Tab");
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none");
  assert.equal(await page.getByRole("textbox", { name: "Text to scan", exact: true }).getAttribute("id"), "editor");
  assert.equal(await page.getByRole("textbox", { name: "Policy", exact: true }).getAttribute("id"), "policy");
  assert.equal(await page.getByLabel("Choose a file…").getAttribute("id"), "file");
  // Enter on a sample button loads it.
  await page.focus(".samples button[data-sample=confluence]");
  await page.keyboard.press("Enter");
  await scanned(page);
  assert.equal(await page.inputValue("#editor"), SAMPLES[2].text);
});

test("screenshot of the playground with the HL7 ticket loaded", async () => {
  const page = await openPlayground();
  await page.click(".samples button[data-sample=hl7]");
  await scanned(page);
  await page.setInputFiles("#file", { name: "adt-a01.hl7", mimeType: "text/plain", buffer: Buffer.from(HL7_FILE) });
  await page.locator("#file-report .file-card").waitFor();
  await hoverMark(page, "person_name");
  await page.getByRole("tooltip").waitFor();
  mkdirSync(OUT, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
  const file = join(OUT, "playground.png");
  await page.screenshot({ path: file });
  copyFileSync(file, join(DOCS, "playground.png"));
  assert.ok(readFileSync(file).length > 10_000);
});

// Last: everything above ran in this browser context.
test("no request after load, and none to another host", () => {
  const origin = new URL(site.url).origin;
  assert.deepEqual(lateRequests, [], "nothing requested after the page had loaded");
  assert.ok(loadRequests.length >= PAGE_FILES.length);
  for (const url of loadRequests) {
    assert.equal(new URL(url).origin, origin, url);
    assert.ok(PAGE_FILES.includes(new URL(url).pathname), `only the page's own files: ${url}`);
  }
});
