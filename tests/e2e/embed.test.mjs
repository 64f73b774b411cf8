// The embeddable editor script (www/dist/phi-guard-embed.js, `make www`) on a
// page the extension does not reach, in headless Chromium without the
// extension: the page's CSP allows scripts from itself and 'wasm-unsafe-eval'
// only (no inline script or style), as the README tells hosts to set it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, editorBundle, started } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const WWW_DIST = join(here, "..", "..", "www", "dist");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
const PHI = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00482913, was admitted with pneumonia.";
const CLEAN = "Build 4.12.7 deployed to prod-ehr-03, see EHR-4821";

let server, browser, context, port;
const requests = [];

before(async () => {
  const files = {
    "/": ["text/html", readFileSync(join(here, "fixtures", "embed.html"))],
    "/recorder.js": ["text/javascript", readFileSync(join(here, "fixtures", "recorder.js"))],
    "/embed-page.js": ["text/javascript", readFileSync(join(here, "fixtures", "embed-page.js"))],
    "/prosemirror-editor.js": ["text/javascript", await editorBundle()],
    "/dist/phi-guard-embed.js": ["text/javascript", readFileSync(join(WWW_DIST, "phi-guard-embed.js"))],
    "/dist/phi-guard.wasm": ["application/wasm", readFileSync(join(WWW_DIST, "phi-guard.wasm"))],
    "/dist/phi-guard-files.wasm": ["application/wasm", readFileSync(join(WWW_DIST, "phi-guard-files.wasm"))],
  };
  server = createServer((req, res) => {
    requests.push(req.url);
    const file = files[req.url.split("?")[0]];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": file[0], "content-security-policy": CSP });
    res.end(file[1]);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  port = server.address().port;
  browser = await started(() => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] }));
  context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${port}` });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open() {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(() => window.PhiGuard.ready);
  return page;
}

async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+V");
}

const panel = (page) => page.getByRole("alertdialog");

test("a textarea: a clean paste goes in; a PHI paste is held, and Paste redacted inserts the redacted text", async () => {
  const page = await open();
  await page.click("#notes");
  await paste(page, CLEAN);
  await page.waitForFunction((t) => document.getElementById("notes").value === t, CLEAN);
  await page.fill("#notes", "");
  await paste(page, PHI);
  await panel(page).waitFor();
  const text = await panel(page).innerText();
  assert.match(text, /This paste may contain patient information[\s\S]*1 medical record number \(\*\*\*\*2913\)/);
  assert.ok(!text.includes("Gonzalez"));
  assert.equal(await panel(page).evaluate((e) => getComputedStyle(e).position), "fixed", "styled under a CSP without inline styles");
  await panel(page).getByRole("button", { name: "Paste redacted" }).click();
  await page.waitForFunction(() => document.getElementById("notes").value.includes("[NAME]"));
  assert.ok(!(await page.inputValue("#notes")).includes("Gonzalez"));
  const decisions = await page.evaluate(() => window.decisions);
  assert.deepEqual(decisions.map((d) => [d.action, d.verdict, d.decision]), [["paste", "warn", "redacted"]]);
  assert.ok(!JSON.stringify(decisions).includes("Gonzalez") && !JSON.stringify(decisions).includes("00482913"), "decision events are content-free");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "no CSP violation");
  await page.close();
});

test("a contenteditable: Cancel leaves it as it was; a text field is guarded too", async () => {
  const page = await open();
  await page.click("#rich");
  await paste(page, PHI);
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.evaluate(() => document.getElementById("rich").innerText.trim()), "Existing text.");
  assert.deepEqual(await page.evaluate(() => window.fixture.pastes), [], "the page never saw the paste");
  await page.click("#summary");
  await paste(page, "SSN 536-22-8142 for Maria Gonzalez");
  await panel(page).waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.inputValue("#summary"), "");
  await page.close();
});

test("a ProseMirror editor added after load is guarded; the redacted paste lands in its state", async () => {
  const page = await open();
  await page.evaluate(() => window.addEditor());
  await page.click("#ak-editor-textarea");
  await paste(page, PHI);
  await panel(page).getByRole("button", { name: "Paste redacted" }).click();
  await page.waitForFunction(() => window.pm.text().includes("[NAME]"));
  assert.ok(!(await page.evaluate(() => window.pm.text())).includes("Gonzalez"));
  // Typed PHI is caught on Save.
  await page.keyboard.type(" Call Maria Gonzalez at (217) 555-0143, MRN 00482913.");
  await page.click("#publish");
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  assert.deepEqual(await page.evaluate(() => window.pm.published), []);
  await page.close();
});

test("PhiGuard.attach gives an element its own policy, and a bad policy is refused by name", async () => {
  const page = await open();
  await page.evaluate(() => window.PhiGuard.attach(document.getElementById("strict-zone"), { mode: "block" }));
  await page.click("#strict");
  await paste(page, PHI);
  await panel(page).getByText("Pasting patient information is blocked here").waitFor();
  assert.equal(await panel(page).getByRole("button", { name: "Paste anyway" }).count(), 0);
  await panel(page).getByRole("button", { name: "Close" }).click();
  assert.equal(await page.inputValue("#strict"), "");
  const error = await page.evaluate(() => window.PhiGuard.attach(document.getElementById("notes"), { mode: "loud" }).then(() => null, (e) => e.message));
  assert.match(error, /mode/);
  await page.close();
});

test("until a file arrives, the embed loads only its own two files", () => {
  const own = requests.filter((r) => r.startsWith("/dist/"));
  assert.deepEqual([...new Set(own)].sort(), ["/dist/phi-guard-embed.js", "/dist/phi-guard.wasm"]);
  assert.ok(requests.every((r) => ["/", "/recorder.js", "/embed-page.js", "/prosemirror-editor.js", "/favicon.ico"].includes(r) || r.startsWith("/dist/")), requests.join(" "));
});

test("a PHI file dropped on a guarded field loads the attachment readers and is stopped", async () => {
  const page = await open();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["last_name,first_name,dob,member_id\nGonzalez,Maria,1962-03-14,XJH123456789\n"], "claims.csv", { type: "text/csv" }));
    document.getElementById("notes").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /patient information/);
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  assert.ok(requests.includes("/dist/phi-guard-files.wasm"), "the readers were fetched for the file");
  await page.close();
});
