// The same extension in Firefox (Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi; Debian has no geckodriver): the background script runs
// the wasm core and the content script holds pastes, submits and file inputs.
// Pastes are real: the test fills headless Firefox's clipboard and presses
// Ctrl+V. Firefox gives synthetic paste events no clipboard data, so the guard
// re-inserts a paste as the browser would (insertHTML / insertText); the tests
// check that ProseMirror keeps its formatting and can undo it. The last test
// takes the admin path: policies.json force-installs the XPI of make dist and
// its "3rdparty" policy reaches the extension.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { startServer, EXTENSION } from "./harness.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const PHI = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00482913, was admitted with pneumonia.";
const HL7_FILE = "MSH|^~\\&|ADT|HOSP|EHR|HOSP|20261120101532||ADT^A01|MSG00001|P|2.5\rPID|1||00482913^^^HOSP^MR||GONZALEZ^MARIA^L||19620314|F\r";

const DIST = join(EXTENSION, "..");
const FIREFOX_ZIP = join(DIST, readdirSync(DIST).find((f) => /^phi-guard-firefox-.*\.zip$/.test(f)));
const SKIP = !existsSync(FIREFOX) && `${FIREFOX} is not installed`;
let server, browser;

before(async () => {
  if (SKIP) return;
  server = await startServer();
  browser = await puppeteer.launch({
    browser: "firefox", executablePath: FIREFOX, headless: true, enableExtensions: true,
    // Firefox has no host-resolver rules: these names resolve to this machine.
    // The clipboard API wants a secure origin and, without the testing pref, a user gesture.
    extraPrefsFirefox: {
      "network.dns.localDomains": "bitbucket.org,acme.atlassian.net",
      "dom.securecontext.allowlist": "acme.atlassian.net,bitbucket.org",
      "dom.events.testing.asyncClipboard": true,
    },
  });
  // The packaged zip, as a store or an admin would install it.
  await browser.installExtension(FIREFOX_ZIP);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const dialog = (page) => page.waitForSelector(">>> [role=alertdialog]", { timeout: 20000 });
// Polls from outside: waitForFunction compiles in the page, which a strict CSP forbids in Firefox.
async function until(page, fn) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate(fn)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${fn}`);
}
const choose = async (page, label) => {
  const buttons = await page.$$("phi-guard-panel >>> button");
  for (const b of buttons) if ((await b.evaluate((e) => e.textContent)) === label) return b.click();
  throw new Error(`no ${label} button`);
};

async function paste(page, text, html) {
  await page.evaluate(async (text, html) => {
    const parts = { "text/plain": new Blob([text], { type: "text/plain" }) };
    if (html) parts["text/html"] = new Blob([html], { type: "text/html" });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, text, html);
  await page.keyboard.down("Control");
  await page.keyboard.press("v");
  await page.keyboard.up("Control");
}

test("Firefox: pastes into ProseMirror: clean goes in with its formatting; PHI is held, redacted, undoable", { skip: SKIP }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  await page.click("#ak-editor-textarea");
  const clean = "Build 4.12.7 deployed to prod-ehr-03, see EHR-4821";
  await paste(page, clean, `<p><b>Build</b> 4.12.7 deployed to prod-ehr-03, see EHR-4821</p>`);
  await until(page, () => window.pm.text().includes("EHR-4821"));
  assert.ok(await page.evaluate(() => document.querySelector(".ProseMirror strong")?.textContent === "Build"), "bold kept");
  const before = await page.evaluate(() => window.pm.text());
  // ProseMirror's history joins edits less than 500 ms apart into one undo step.
  await new Promise((r) => setTimeout(r, 600));

  await paste(page, PHI);
  const panel = await dialog(page);
  const text = await panel.evaluate((e) => e.innerText);
  assert.match(text, /This paste may contain patient information[\s\S]*1 medical record number \(\*\*\*\*2913\)/);
  assert.ok(!text.includes("Gonzalez"));
  assert.equal(await panel.evaluate((e) => getComputedStyle(e).position), "fixed", "the panel is styled");
  await choose(page, "Paste redacted");
  await until(page, () => window.pm.text().includes("[NAME]"));
  assert.ok(!(await page.evaluate(() => window.pm.text())).includes("Gonzalez"));
  await page.keyboard.down("Control");
  await page.keyboard.press("z");
  await page.keyboard.up("Control");
  await until(page, () => !window.pm.text().includes("[NAME]"));
  assert.equal(await page.evaluate(() => window.pm.text()), before);
  assert.deepEqual(await page.evaluate(() => window.fixture.pastes), [], "the page never saw the held paste");
  await page.close();
});

test("Firefox: typed PHI is caught on Comment (Bitbucket), Cancel submits nothing, a clean comment goes through", { skip: SKIP }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url("bitbucket.org"));
  await page.click("#comment");
  await page.keyboard.type(PHI);
  await page.click("button[type=submit]");
  const panel = await dialog(page);
  const text = await panel.evaluate((e) => e.innerText);
  assert.match(text, /This page may contain patient information[\s\S]*1 medical record number \(\*\*\*\*2913\)/);
  assert.ok(!text.includes("Gonzalez"));
  await choose(page, "Cancel");
  await until(page, () => !document.querySelector("phi-guard-panel"));
  assert.deepEqual(await page.evaluate(() => window.fixture.submits), []);
  await page.evaluate(() => { document.getElementById("comment").value = ""; });
  await page.click("#comment");
  await page.keyboard.type("Build 4.12.7 deployed to prod-ehr-03, see EHR-4821");
  await page.click("button[type=submit]");
  await until(page, () => window.fixture.submits.length === 1);
  await page.close();
});

test("Firefox: a PHI file in the media picker of a strict-CSP Confluence page is stopped", { skip: SKIP }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  const input = await page.$("#media-input");
  const file = join(mkdtempSync(join(tmpdir(), "phi-guard-ff-")), "adt-feed.hl7");
  writeFileSync(file, HL7_FILE);
  await input.uploadFile(file);
  await dialog(page);
  await choose(page, "Cancel");
  await until(page, () => !document.querySelector("phi-guard-panel"));
  assert.equal(await page.evaluate(() => document.getElementById("media-input").files.length), 0);
  assert.deepEqual(await page.evaluate(() => window.fixture.uploads), []);
  await page.close();
});

// Firefox reads policies.json from the distribution folder of its installation
// at start-up (the browser above has started already). The test writes make
// dist's filled-in firefox-policies.json there, for an XPI in a temporary
// folder, and removes it afterwards. The XPI is unsigned: Firefox ESR installs
// it once policies.json turns xpinstall.signatures.required off, as the admin
// guide tells ESR admins to; release Firefox needs the XPI signed by Mozilla.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const POLICIES_JSON = existsSync(FIREFOX) ? join(dirname(realpathSync(FIREFOX)), "distribution", "policies.json") : "";
function policySkip() {
  if (SKIP) return SKIP;
  if (existsSync(POLICIES_JSON)) return `${POLICIES_JSON} exists already (not this test's to replace)`;
  try {
    accessSync(dirname(POLICIES_JSON), constants.W_OK);
    return false;
  } catch {
    return `needs write access to ${dirname(POLICIES_JSON)} (run as root, as make test's set-up does)`;
  }
}

test("Firefox: the policies.json template force-installs the XPI, and its 3rdparty policy reaches storage.managed", { skip: policySkip(), timeout: 90000 }, async () => {
  const geckoId = JSON.parse(readFileSync(join(ROOT, "extension", "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
  const policy = JSON.parse(readFileSync(join(ROOT, "extension", "policy", "policy.json"), "utf8"));
  const work = mkdtempSync(join(tmpdir(), "phi-guard-ff-policy-"));
  const out = join(work, "release");
  const key = join(work, "key.pem");
  writeFileSync(key, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }));
  execFileSync(process.execPath, [join(ROOT, "extension", "dist.mjs"), "--out", out], {
    env: { ...process.env, PHI_GUARD_CRX_KEY: key, PHI_GUARD_UPDATE_BASE_URL: pathToFileURL(out).href },
  });
  const policies = JSON.parse(readFileSync(join(out, "policy", "firefox-policies.json"), "utf8"));
  assert.equal(policies.policies.ExtensionSettings[geckoId].install_url, pathToFileURL(join(out, readdirSync(out).find((f) => f.endsWith(".xpi")))).href);
  policies.policies.Preferences = { "xpinstall.signatures.required": { Value: false, Status: "locked" } };
  writeFileSync(POLICIES_JSON, JSON.stringify(policies));
  // A fixed internal UUID, so the test knows the extension's moz-extension:// origin.
  const uuid = "5b7c3f0e-2d4a-4e8b-9c61-0f1e2d3c4b5a";
  let firefox;
  try {
    firefox = await puppeteer.launch({
      browser: "firefox", executablePath: FIREFOX, headless: true,
      extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: uuid }) },
    });
    const page = await firefox.newPage();
    // The policy installs the XPI during start-up; its popup answers once it has.
    let text = "";
    for (let i = 0; i < 80 && !text.includes("Set by your administrator."); i++) {
      // Firefox sends no load event over WebDriver BiDi for an extension page: read it once it is there.
      await page.goto(`moz-extension://${uuid}/popup/popup.html?site=acme.atlassian.net`, { waitUntil: "domcontentloaded", timeout: 1000 }).catch(() => {});
      text = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      if (!text.includes("Set by your administrator.")) await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(text, /Warn before sharing\. Set by your administrator\./);
    assert.deepEqual(await page.evaluate(() => browser.storage.managed.get(null)), policy);
  } finally {
    await firefox?.close();
    rmSync(POLICIES_JSON, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
