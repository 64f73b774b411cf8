// The extension, end to end: Debian's headless Chromium with extension/dist/chrome
// loaded, against fixture pages that reproduce Confluence Cloud (a real
// ProseMirror editor under a CSP that forbids wasm), Bitbucket (a textarea
// form), Confluence Data Center (an iframe editor) and an unguarded site.
// Pastes go through the real clipboard (Ctrl+V); file inputs through
// Playwright's setInputFiles; drops are synthetic DragEvents.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, stopWorker, workers, HOSTS } from "./harness.mjs";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "out");
// Synthetic attachments written by `make fixtures` (tests/fixtures/build.rs).
const ATTACHMENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "out");
// Synthetic: names from no real record, an SSN in a valid range, a made-up MRN.
const PHI = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00482913, was admitted with pneumonia.";
const PHI_SSN = "Patient Maria Gonzalez, SSN 536-22-8142, DOB 03/14/1962.";
const CLEAN = "2026-11-20 10:15:32,114 ERROR [http-nio-8443-exec-7] c.a.ehr.PatientService - Timeout after 30000 ms, see EHR-4821";
const HL7_FILE = "MSH|^~\\&|ADT|HOSP|EHR|HOSP|20261120101532||ADT^A01|MSG00001|P|2.5\rPID|1||00482913^^^HOSP^MR||GONZALEZ^MARIA^L||19620314|F|||12 Oak Street^^Springfield^IL^62704||(217)555-0143\r";

let server, browser;
const requests = [];

before(async () => {
  server = await startServer();
  browser = await launch(server.port);
  browser.context.on("request", (r) => requests.push(r.url()));
  browser.context.on("requestfailed", (r) => requests.push(`FAILED ${r.url()}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  await setPolicy(null, { disabledSites: [] });
});

// ---- helpers ------------------------------------------------------------------

async function extensionPage(path) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Sets the user's policy (null: none) and waits until the background uses it. */
async function setPolicy(policy, extra = {}) {
  const page = await extensionPage("options/options.html");
  await page.evaluate(async ({ policy, extra }) => {
    if (policy) await chrome.storage.local.set({ policy, ...extra });
    else {
      await chrome.storage.local.remove("policy");
      await chrome.storage.local.set(extra);
    }
  }, { policy, extra });
  const want = policy ? "user" : "default";
  for (let i = 0; i < 100; i++) {
    const state = await page.evaluate(() => chrome.runtime.sendMessage({ type: "get-state" }).then((r) => r.state));
    if (state.source === want && (!policy || !policy.mode || state.policy.mode === policy.mode || state.error)) break;
    await page.waitForTimeout(50);
  }
  await page.close();
}

async function open(host) {
  const page = await browser.context.newPage();
  await page.goto(server.url(host));
  return page;
}

async function paste(page, text, html) {
  await page.evaluate(async ({ text, html }) => {
    const parts = { "text/plain": new Blob([text], { type: "text/plain" }) };
    if (html) parts["text/html"] = new Blob([html], { type: "text/html" });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, { text, html });
  await page.keyboard.press("Control+V");
}

const panel = (page) => page.getByRole("alertdialog");
const pmText = (page) => page.evaluate(() => window.pm.text());
const fixture = (page) => page.evaluate(() => window.fixture);

/** Waits long enough for a round trip to the background to have shown a panel, then checks there is none. */
async function assertNoPanel(page) {
  await page.waitForTimeout(400);
  assert.equal(await panel(page).count(), 0, "no warning panel");
}

async function confluence() {
  const page = await open("acme.atlassian.net");
  await page.click("#ak-editor-textarea");
  return page;
}

// ---- paste into the Atlassian editor (ProseMirror) ----------------------------

test("a clean paste goes straight into the ProseMirror editor, formatting kept", async () => {
  const page = await confluence();
  await paste(page, CLEAN);
  await page.waitForFunction((t) => window.pm.text().includes(t), CLEAN);
  await paste(page, "Build 4.12.7 deployed", "<p><strong>Build 4.12.7</strong> deployed</p>");
  await page.waitForFunction(() => window.pm.text().includes("Build 4.12.7 deployed"));
  assert.match(await page.evaluate(() => window.pm.html()), /<strong>Build 4\.12\.7<\/strong>/);
  await assertNoPanel(page);
});

test("a PHI paste is held and the panel says what was found, masked", async () => {
  const page = await confluence();
  await page.keyboard.type("ADT feed bug: ");
  await paste(page, PHI);
  const dialog = panel(page);
  await dialog.waitFor();
  const text = await dialog.innerText();
  assert.match(text, /This paste may contain patient information/);
  assert.match(text, /1 name \(M\*\*\*\* G\*\*\*\*\*\*\*\)/);
  assert.match(text, /1 medical record number \(\*\*\*\*2913\)/);
  assert.match(text, /Health information: 1 condition/);
  for (const raw of ["Gonzalez", "00482913", "03/14/1962"]) assert.ok(!text.includes(raw), `panel never shows ${raw}`);
  assert.equal(await pmText(page), "ADT feed bug: ", "nothing reached the editor yet");
  assert.equal((await fixture(page)).pastes.length, 0, "the page never saw the paste");
  // Accessible: named by its title, focus on the default choice, kept inside.
  assert.equal(await page.getByRole("alertdialog", { name: "This paste may contain patient information" }).count(), 1);
  const focused = () => page.evaluate(() => document.querySelector("phi-guard-panel").shadowRoot.activeElement?.textContent);
  assert.equal(await focused(), "Paste redacted");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Cancel", "Paste anyway is disabled until a reason is chosen");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.querySelector("phi-guard-panel").shadowRoot.activeElement?.localName), "select");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Paste redacted", "Tab cycles inside the panel");
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, "warning-panel.png") });
});

test("Paste redacted inserts the redacted text into the editor's state; undo takes it out", async () => {
  const page = await confluence();
  await paste(page, PHI);
  await panel(page).getByRole("button", { name: "Paste redacted" }).click();
  await page.waitForFunction(() => window.pm.text().includes("[NAME]"));
  const text = await pmText(page);
  assert.match(text, /^Patient \[NAME\], DOB \[DATE\], MRN \[MRN\], was admitted with pneumonia\.$/);
  assert.equal(await panel(page).count(), 0);
  await page.keyboard.press("Control+Z");
  await page.waitForFunction(() => window.pm.text() === "");
});

test("Cancel (or Escape) leaves the document as it was", async () => {
  const page = await confluence();
  await page.keyboard.type("Existing text.");
  await paste(page, PHI);
  await panel(page).waitFor();
  await page.keyboard.press("Escape");
  await panel(page).waitFor({ state: "detached" });
  await paste(page, PHI);
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await assertNoPanel(page);
  assert.equal(await pmText(page), "Existing text.");
  assert.equal((await fixture(page)).pastes.length, 0);
  // The focus went back to the editor: typing continues where it was.
  await page.keyboard.type(" More.");
  assert.equal(await pmText(page), "Existing text. More.");
});

test("Paste anyway needs a reason, inserts the original, and a later Publish does not ask again", async () => {
  const page = await confluence();
  await paste(page, PHI);
  const proceed = panel(page).getByRole("button", { name: "Paste anyway" });
  assert.equal(await proceed.isDisabled(), true, "disabled until a reason is chosen");
  await panel(page).getByLabel("Why is it OK to share this?").selectOption("test-data");
  await proceed.click();
  await page.waitForFunction((t) => window.pm.text() === t, PHI);
  await page.click("#publish");
  await page.waitForFunction(() => window.pm.published.length === 1);
  await assertNoPanel(page);
  const popup = await extensionPage("popup/popup.html?site=acme.atlassian.net");
  await popup.getByText(/paste: warn, proceeded \(test-data\)/).waitFor();
  assert.ok(!(await popup.innerText("body")).includes("Gonzalez"));
});

test("block mode stops the paste; only redaction is offered", async () => {
  await setPolicy({ mode: "block" });
  const page = await confluence();
  await paste(page, PHI);
  const dialog = panel(page);
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Pasting patient information is blocked here/);
  assert.equal(await dialog.getByRole("button", { name: "Paste anyway" }).count(), 0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await assertNoPanel(page);
  assert.equal(await pmText(page), "");
});

test("monitor mode lets PHI through with no panel and keeps a content-free record", async () => {
  await setPolicy({ mode: "monitor" });
  const page = await confluence();
  await paste(page, PHI);
  await page.waitForFunction((t) => window.pm.text() === t, PHI);
  await assertNoPanel(page);
  const popup = await extensionPage("popup/popup.html?site=acme.atlassian.net");
  await popup.getByText(/paste: allow, allowed · 1 condition, 1 date, 1 medical record number, 1 name$/).waitFor();
  await popup.getByText("Monitor only. Your settings.").waitFor();
});

test("an SSN blocks even in warn mode (block_kinds)", async () => {
  const page = await confluence();
  await paste(page, PHI_SSN);
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /blocked here[\s\S]*1 Social Security number \(\*\*\*-\*\*-8142\)/);
  await panel(page).getByRole("button", { name: "Paste redacted" }).click();
  await page.waitForFunction(() => window.pm.text().includes("[SSN]"));
});

// ---- files ----------------------------------------------------------------------

test("a PHI file dropped on the page is stopped; Cancel drops nothing", async () => {
  const page = await confluence();
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "adt-feed.hl7", { type: "text/plain" }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, HL7_FILE);
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /This drop may contain patient information[\s\S]*name/);
  assert.equal(await panel(page).getByRole("button", { name: "Insert redacted" }).count(), 0, "files are not redacted");
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await assertNoPanel(page);
  assert.deepEqual((await fixture(page)).drops, []);
});

/** Drops a file from tests/fixtures/out on the page, as a user dragging it from the desktop would. */
async function dropAttachment(page, name) {
  const base64 = readFileSync(join(ATTACHMENTS, name)).toString("base64");
  await page.evaluate(({ name, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, base64 });
}

for (const [name, kinds] of [["patient.docx", /name[\s\S]*medical record number/], ["patient.csv", /health plan/], ["patient.dcm", /name[\s\S]*photo/]]) {
  test(`attachments: ${name} with PHI is stopped before the page sees it`, async () => {
    const page = await confluence();
    await dropAttachment(page, name);
    await panel(page).waitFor();
    const text = await panel(page).innerText();
    assert.match(text, /This drop may contain patient information/);
    assert.match(text, kinds);
    await panel(page).getByRole("button", { name: "Cancel" }).click();
    await assertNoPanel(page);
    assert.deepEqual((await fixture(page)).drops, []);
  });
}

test("attachments: clean .docx, .csv and .dcm files reach the page untouched", async () => {
  const page = await confluence();
  const names = ["clean.docx", "clean.csv", "clean.dcm"];
  for (const name of names) await dropAttachment(page, name);
  await page.waitForFunction((n) => window.fixture.received.length === n, names.length);
  await assertNoPanel(page);
  const received = (await fixture(page)).received.sort((a, b) => a.name.localeCompare(b.name));
  const expected = names.sort().map((name) => {
    const bytes = readFileSync(join(ATTACHMENTS, name));
    let sum = 0x811c9dc5;
    for (const b of bytes) sum = Math.imul(sum ^ b, 0x01000193) >>> 0;
    return { name, size: bytes.length, sum };
  });
  assert.deepEqual(received, expected);
});

test("a PHI file pasted from the clipboard is stopped; Paste anyway lets it through", async () => {
  const page = await confluence();
  const pasteFile = () => page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "adt-feed.hl7", { type: "text/plain" }));
    document.getElementById("ak-editor-textarea").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, HL7_FILE);
  await pasteFile();
  await panel(page).waitFor();
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await assertNoPanel(page);
  assert.deepEqual((await fixture(page)).pastes, []);
  await pasteFile();
  await panel(page).getByLabel("Why is it OK to share this?").selectOption("test-data");
  await panel(page).getByRole("button", { name: "Paste anyway" }).click();
  await page.waitForFunction(() => window.fixture.pastes.length === 1);
});

test("a PHI file chosen in a file input is stopped and cleared; a clean file goes through", async () => {
  const page = await confluence();
  await page.setInputFiles("#media-input", { name: "adt-feed.hl7", mimeType: "text/plain", buffer: Buffer.from(HL7_FILE) });
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /This file may contain patient information/);
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.evaluate(() => document.getElementById("media-input").files.length), 0);
  assert.deepEqual((await fixture(page)).uploads, []);
  await page.setInputFiles("#media-input", { name: "build.log", mimeType: "text/plain", buffer: Buffer.from(CLEAN) });
  await page.waitForFunction(() => window.fixture.uploads.length === 1);
  assert.deepEqual((await fixture(page)).uploads, [["build.log"]]);
  await assertNoPanel(page);
});

// ---- submit -----------------------------------------------------------------------

test("Bitbucket: typed PHI is caught on Comment; clean comments go straight through", async () => {
  const page = await open("bitbucket.org");
  await page.click("#comment");
  await page.keyboard.type(CLEAN);
  await page.click("button[type=submit]");
  await page.waitForFunction(() => window.fixture.submits.length === 1);
  await assertNoPanel(page);
  await page.fill("#comment", "");
  await page.keyboard.type(PHI);
  await page.click("button[type=submit]");
  await panel(page).waitFor();
  assert.match(await panel(page).innerText(), /This page may contain patient information/);
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await assertNoPanel(page);
  assert.equal((await fixture(page)).submits.length, 1, "the PHI comment was not submitted");
  await page.click("button[type=submit]");
  await panel(page).getByLabel("Why is it OK to share this?").selectOption("authorized");
  await panel(page).getByRole("button", { name: "Save anyway" }).click();
  await page.waitForFunction(() => window.fixture.submits.length === 2);
  assert.equal((await fixture(page)).submits[1], PHI);
});

test("Bitbucket: a paste into a plain textarea is re-inserted (clean) or redacted, undoably", async () => {
  const page = await open("bitbucket.org");
  await page.click("#comment");
  await paste(page, CLEAN);
  await page.waitForFunction((t) => document.getElementById("comment").value === t, CLEAN);
  await page.fill("#comment", "");
  await paste(page, PHI);
  await panel(page).getByRole("button", { name: "Paste redacted" }).click();
  await page.waitForFunction(() => document.getElementById("comment").value.includes("[NAME]"));
  await page.keyboard.press("Control+Z");
  await page.waitForFunction(() => document.getElementById("comment").value === "");
});

test("Ctrl+Enter in the editor with typed PHI is caught", async () => {
  const page = await confluence();
  await page.keyboard.type(PHI);
  await page.keyboard.press("Control+Enter");
  await panel(page).waitFor();
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await assertNoPanel(page);
  assert.deepEqual(await page.evaluate(() => window.pm.published), []);
});

// ---- sites ------------------------------------------------------------------------

test("a Data Center host from the policy is guarded (iframe editor); an unlisted host is not", async () => {
  await setPolicy({ hosts: ["confluence.acme-dc.test"] });
  const worker = browser.context.serviceWorkers()[0];
  for (let i = 0; i < 100; i++) {
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.some((s) => s.matches.includes("*://confluence.acme-dc.test/*"))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const dc = await open("confluence.acme-dc.test");
  const body = dc.frameLocator("#wysiwygTextarea_ifr").locator("body");
  await body.click();
  // A clean paste goes in with its formatting, though no editor script handles paste here.
  await paste(dc, CLEAN, `<p><b>Release</b> ${CLEAN}</p>`);
  await dc.waitForFunction((t) => window.dc.text() === `Release ${t}`, CLEAN);
  assert.ok(await dc.evaluate(() => window.dc.html().includes("<b>Release</b>")), "bold kept");
  await body.press("Control+A");
  await body.press("Delete");
  await paste(dc, PHI);
  // The iframe is too small to hold the panel: it opens in the page around it, whole.
  const dialog = panel(dc);
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  const view = dc.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width, "panel inside the viewport");
  await dialog.getByRole("button", { name: "Paste redacted" }).click();
  await dc.waitForFunction(() => window.dc.text().includes("[NAME]"));
  assert.ok(!(await dc.evaluate(() => window.dc.text())).includes("Gonzalez"));
  assert.equal(await dc.evaluate(() => document.activeElement.id), "wysiwygTextarea_ifr", "focus back in the editor");

  const other = await open("jira.unlisted.test");
  await other.click("#notes");
  await paste(other, PHI);
  await other.waitForFunction((t) => document.getElementById("notes").value === t, PHI);
  await assertNoPanel(other);
  assert.equal((await fixture(other)).pastes.length, 1, "the page got the paste directly");
});

test("the popup shows the site, the policy and who set it; turning the guard off lets pastes through", async () => {
  const popup = await extensionPage("popup/popup.html?site=acme.atlassian.net");
  await popup.getByText("acme.atlassian.net is guarded.").waitFor();
  await popup.getByText("Warn before sharing. Default settings.").waitFor();
  await popup.getByLabel("Guard this site").uncheck();
  await popup.waitForFunction(() => !document.getElementById("enabled").checked);
  const page = await confluence();
  await paste(page, PHI);
  await page.waitForFunction((t) => window.pm.text() === t, PHI);
  await assertNoPanel(page);
});

test("an invalid policy falls back to the defaults, never to off, and the popup says so", async () => {
  await setPolicy({ mode: "loud", hosts: ["https://jira.example.org/"] });
  const popup = await extensionPage("popup/popup.html?site=acme.atlassian.net");
  const error = popup.getByRole("alert");
  await error.waitFor();
  assert.match(await error.innerText(), /defaults are in use.*`mode`.*`hosts\[0\]`/s);
  const page = await confluence();
  await paste(page, PHI);
  await panel(page).waitFor();
});

test("the options page checks a policy with the core before saving it", async () => {
  const options = await extensionPage("options/options.html");
  await options.getByText("Default settings.").waitFor();
  await options.getByLabel("Self-hosted sites to guard").fill("https://jira.example.org/");
  await options.getByRole("button", { name: "Save" }).click();
  await options.getByText(/Not saved: .*hosts\[0\]/).waitFor();
  await options.getByLabel("Self-hosted sites to guard").fill("jira.example.org");
  await options.getByLabel("Mode").selectOption("block");
  await options.getByRole("button", { name: "Save" }).click();
  await options.getByText("Saved.").waitFor();
  await options.getByText("Your settings.").waitFor();
  const stored = await options.evaluate(() => chrome.storage.local.get("policy"));
  assert.equal(stored.policy.mode, "block");
  assert.deepEqual(stored.policy.hosts, ["jira.example.org"]);
});

// ---- failures -----------------------------------------------------------------------

test("input the guard cannot fully check goes to the policy's on_error, never silently", async () => {
  await setPolicy({ max_scan_bytes: 1000 });
  const page = await confluence();
  const long = `${CLEAN}\n`.repeat(20);
  await paste(page, long);
  const dialog = panel(page);
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /could not check this paste[\s\S]*max_scan_bytes/);
  await dialog.getByLabel("Why is it OK to share this?").selectOption("other");
  await dialog.getByRole("button", { name: "Paste anyway" }).click();
  await page.waitForFunction(() => window.pm.text().length > 2000);

  await setPolicy({ max_scan_bytes: 1000, on_error: "allow" });
  const again = await confluence();
  await paste(again, long);
  await again.waitForFunction(() => window.pm.text().length > 2000);
  await again.getByRole("status").getByText(/could not check all of this paste/).waitFor();
});

test("a paste arriving while the service worker is stopped is still scanned", async () => {
  const page = await confluence();
  const cdp = await browser.context.newCDPSession(page);
  await stopWorker(page, cdp, browser.extensionId);
  await paste(page, PHI);
  await panel(page).waitFor();
  assert.equal((await workers(cdp, browser.extensionId)).length, 1, "the paste woke it");
});

test("focusing an editor wakes a stopped service worker before any paste", async () => {
  const page = await open("acme.atlassian.net");
  const cdp = await browser.context.newCDPSession(page);
  const running = async () => (await workers(cdp, browser.extensionId)).length;
  await stopWorker(page, cdp, browser.extensionId);
  await page.waitForTimeout(300);
  assert.equal(await running(), 0, "nothing else starts it");
  await page.click("#ak-editor-textarea");
  for (let i = 0; i < 100 && !(await running()); i++) await page.waitForTimeout(50);
  assert.equal(await running(), 1, "the focus woke it");
});

// ---- privacy ---------------------------------------------------------------------------

test("no network requests: only the fixture pages and the extension's own files were loaded", () => {
  const fixtureOrigins = HOSTS.map((h) => `http://${h}:${server.port}/`);
  const unexpected = requests.filter((u) => !u.startsWith("chrome-extension://") && !fixtureOrigins.some((o) => u.startsWith(o)));
  assert.deepEqual(unexpected, []);
  const served = new Set(server.requests.map((r) => r.replace(/^[^/]+/, "")));
  for (const path of served) {
    assert.ok(/^\/(wiki|acme|pages|browse|[a-z-]+\.js$|favicon\.ico$)/.test(path), `only fixture files were asked for: ${path}`);
  }
});
