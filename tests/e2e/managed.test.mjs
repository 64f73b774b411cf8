// The admin-managed policy, end to end: Chromium reads an extension's managed
// storage from the "3rdparty" section of a policy file in
// /etc/chromium/policies/managed/. The test writes one for a copy of the
// extension (a copy at its own path has its own ID, so the other test files'
// browsers, running at the same time, are not affected) and removes it after.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, EXTENSION, CHROMIUM_POLICY_DIR, policySkip } from "./harness.mjs";

const PHI = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00482913, was admitted with pneumonia.";
const MANAGED = { mode: "block", hosts: ["confluence.acme-dc.test"], require_justification: true, on_error: "block" };

const SKIP = policySkip();

/** Chromium's ID for an unpacked extension: the SHA-256 of its path, first 16 bytes, as letters a–p. */
function unpackedId(path) {
  const hex = createHash("sha256").update(path).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

let server, browser, copy, policyFile;

before(async () => {
  if (SKIP) return;
  copy = realpathSync(mkdtempSync(join(tmpdir(), "phi-guard-managed-")));
  cpSync(EXTENSION, copy, { recursive: true });
  const id = unpackedId(copy);
  policyFile = join(CHROMIUM_POLICY_DIR, `phi-guard-e2e-${id}.json`);
  writeFileSync(policyFile, JSON.stringify({ "3rdparty": { extensions: { [id]: MANAGED } } }));
  server = await startServer();
  browser = await launch(server.port, copy);
  assert.equal(browser.extensionId, id, "the copy has the ID the policy names");
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (policyFile) rmSync(policyFile, { force: true });
  if (copy) rmSync(copy, { recursive: true, force: true });
});

async function extensionPage(path) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

test("an admin policy is in force, named as the admin's in the popup, and read-only there and in the options", { skip: SKIP }, async () => {
  const popup = await extensionPage("popup/popup.html?site=acme.atlassian.net");
  await popup.getByText("Block sharing. Set by your administrator.").waitFor();
  assert.ok(await popup.getByLabel("Guard this site").isDisabled(), "the on/off switch is locked");
  await popup.getByText("Your administrator manages this setting.").waitFor();

  const options = await extensionPage("options/options.html");
  await options.getByText("Set by your administrator.").waitFor();
  assert.equal(await options.locator("#mode").inputValue(), "block");
  assert.equal(await options.locator("#hosts").inputValue(), "confluence.acme-dc.test");
  const controls = await options.evaluate(() => [...document.getElementById("form").elements].map((c) => c.disabled));
  assert.ok(controls.length > 10 && controls.every(Boolean), "every control is read-only");
  assert.ok(await options.locator("#managed-note").isVisible());

  // A user policy in storage does not override the admin's, and the switch cannot turn the guard off.
  await options.evaluate(() => chrome.storage.local.set({ policy: { mode: "monitor" } }));
  const state = await options.evaluate(() => chrome.runtime.sendMessage({ type: "get-state" }).then((r) => r.state));
  assert.equal(state.source, "managed");
  assert.equal(state.policy.mode, "block");
  const refused = await options.evaluate(() => chrome.runtime.sendMessage({ type: "set-site-enabled", site: "acme.atlassian.net", enabled: false }));
  assert.equal(refused.ok, false);
  assert.match(refused.error, /administrator/);
});

test("the admin's block mode and hosts guard the pages", { skip: SKIP }, async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  await page.click("#ak-editor-textarea");
  await page.evaluate(async (text) => navigator.clipboard.write([new ClipboardItem({ "text/plain": new Blob([text], { type: "text/plain" }) })]), PHI);
  await page.keyboard.press("Control+V");
  const dialog = page.getByRole("alertdialog");
  await dialog.getByText("Pasting patient information is blocked here").waitFor();
  assert.equal(await dialog.getByRole("button", { name: "Paste anyway" }).count(), 0, "block mode offers no way round");
  await dialog.getByRole("button", { name: "Close" }).click();
  assert.equal(await page.evaluate(() => window.pm.text()), "");

  // The admin's host list reaches the registered content scripts.
  const worker = browser.context.serviceWorkers()[0];
  let registered = [];
  for (let i = 0; i < 100 && !registered.includes("*://confluence.acme-dc.test/*"); i++) {
    registered = (await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).flatMap((s) => s.matches);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(registered.includes("*://confluence.acme-dc.test/*"), "the managed host is guarded");
});
