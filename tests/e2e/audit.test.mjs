// The audit trail, end to end: Debian's headless Chromium with
// extension/dist/chrome, the fixture Confluence page, and a real HTTPS audit
// collector in its own process (tests/e2e/collector.mjs) on 127.0.0.1, with a
// self-signed certificate made now and trusted by this browser only (through
// --ignore-certificate-errors-spki-list). The policy (user storage) points
// `audit.endpoint` at it. The extension runs with its real timings: a 10 s
// request timeout and retries after 1, 2, 4… s (so this file takes about
// 40 s).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, HOSTS } from "./harness.mjs";
import { certificate, eventsOf, startCollector } from "./collector.mjs";

// Synthetic: names from no real record, an SSN in a valid range, a made-up MRN.
const PHI = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00482913, was admitted with pneumonia.";
const PHI_SSN = "Patient Maria Gonzalez, SSN 536-22-8142, DOB 03/14/1962.";
const PHI_PARTS = ["Patient Maria", "Maria", "Gonzalez", "GONZALEZ", "03/14/1962", "1962", "00482913", "536-22-8142", "536228142", "pneumonia", "admitted"];
const FIELDS = ["ts", "site", "product", "action", "verdict", "kinds", "decision", "reason_code", "prev", "hash"];
const TOKEN = "s3cret-bearer-token";

let dir, cert, server, browser, collector, helper;
const requests = []; // every request any collector process saw, in order
const network = []; // every request the browser made

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "phi-guard-audit-"));
  cert = certificate(dir);
  collector = await startCollector({ cert: cert.cert, key: cert.key, store: join(dir, "store.jsonl"), requests });
  server = await startServer();
  // The harness resolves every name but the fixtures' to nowhere, IP literals
  // included: 127.0.0.1 itself is let through for the collector.
  browser = await launch(server.port, undefined, { args: [`--ignore-certificate-errors-spki-list=${cert.spki}`], hostRules: ["EXCLUDE 127.0.0.1"] });
  browser.context.on("request", (r) => network.push(r.url()));
  helper = await extensionPage("popup/popup.html");
  await setPolicy({ audit: { endpoint: collector.url, token: TOKEN } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await collector?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------

async function extensionPage(path) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Sets the user's policy and waits until the background has its audit settings. */
async function setPolicy(policy) {
  await helper.evaluate((policy) => chrome.storage.local.set({ policy }), policy);
  const want = { format: "json", local: true, max_events: 10_000, ...policy.audit };
  for (let i = 0; i < 100; i++) {
    const state = await helper.evaluate(() => chrome.runtime.sendMessage({ type: "get-state" }).then((r) => r.state));
    if (Object.entries(want).every(([k, v]) => state.policy.audit[k] === v)) return;
    await helper.waitForTimeout(50);
  }
  throw new Error("the background did not take the policy");
}

const storage = () => helper.evaluate(() => chrome.storage.local.get(null));

/** An event with its fields in the contract's order (storage.local sorts an object's keys). */
const inOrder = (e) => Object.fromEntries(FIELDS.filter((f) => f in e).map((f) => [f, e[f]]));

/** The stored log, read here without the extension's code: { meta, events }. */
async function readLog() {
  const all = await storage();
  const meta = all["audit:meta"];
  const events = [];
  for (let n = meta.first; n < meta.next; n++) {
    const e = all[`audit:event:${n}`];
    assert.deepEqual(Object.keys(e).sort(), [...FIELDS].sort(), `stored event ${n} has the contract's fields`);
    events.push(inOrder(e));
  }
  return { meta, events };
}

async function waitFor(what, check, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const waitForLog = (n) => waitFor(`${n} audit events`, async () => {
  const log = await readLog();
  return log.events.length >= n && log;
});

/** Waits until the collector's store (duplicates dropped by hash) is the whole stored log. */
async function waitForDelivery(timeout) {
  return waitFor("the collector to have the whole log", async () => {
    const { events } = await readLog();
    const accepted = collector.accepted();
    // The collector process reports its requests by IPC, maybe after its store shows the events.
    const reported = events.every((e) => carrying(e.hash).length > 0);
    return accepted.length === events.length && accepted.at(-1)?.hash === events.at(-1)?.hash && reported && { events, accepted };
  }, timeout);
}

/** The requests that carried the event with this hash. */
const carrying = (hash) => requests.filter((r) => eventsOf(r.body).some((e) => e.hash === hash));

/** Verifies the chain independently of the extension: SHA-256 over the canonical JSON (README, Audit trail). */
function verifyInNode(anchor, events) {
  let prev = anchor;
  for (const [i, e] of events.entries()) {
    assert.deepEqual(Object.keys(e), FIELDS, `event ${i} has the contract's fields, in the contract's order`);
    assert.equal(e.prev, prev, `event ${i} follows the one before`);
    const { ts, site, product, action, verdict, kinds, decision, reason_code } = e;
    const sorted = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1)));
    const canonical = JSON.stringify({ ts, site, product, action, verdict, kinds: sorted, decision, reason_code, prev });
    assert.equal(createHash("sha256").update(canonical, "utf8").digest("hex"), e.hash, `event ${i}'s hash`);
    prev = e.hash;
  }
  return prev;
}

/**
 * Asserts no part of the pasted PHI is in the text. Hashes and epoch times
 * (9 or more digits) are blanked first: they could hold "1962" by chance.
 */
function assertNoPhi(text, where) {
  const blanked = text.replace(/[0-9a-f]{64}/g, "#").replace(/\d{9,}(\.\d+)?/g, "#");
  for (const part of PHI_PARTS) assert.ok(!blanked.includes(part), `${where} holds no "${part}"`);
}

const panel = (page) => page.getByRole("alertdialog");

/** One decision on the Confluence fixture: a PHI paste, then a choice in the panel. */
async function decide(choice, { text = PHI, reason } = {}) {
  const page = await browser.context.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  await page.click("#ak-editor-textarea");
  await page.evaluate((text) => navigator.clipboard.write([new ClipboardItem({ "text/plain": new Blob([text], { type: "text/plain" }) })]), text);
  await page.keyboard.press("Control+V");
  await panel(page).waitFor();
  if (reason) await panel(page).getByLabel("Why is it OK to share this?").selectOption(reason);
  await panel(page).getByRole("button", { name: choice }).click();
  await panel(page).waitFor({ state: "detached" });
  await page.close();
}

/** A decision; resolves to its event once stored (null when retention already dropped it). */
async function decideAndWait(choice, options) {
  const n = (await readLog()).meta.next;
  await decide(choice, options);
  await waitFor("the event", async () => (await readLog()).meta.next > n);
  const all = await storage();
  return all[`audit:event:${n}`] ? inOrder(all[`audit:event:${n}`]) : null;
}

// ---- the log ---------------------------------------------------------------------

test("every decision becomes a content-free event in a hash chain, which the collector receives", { timeout: 30_000 }, async () => {
  await decide("Cancel");
  await decide("Paste redacted");
  await decide("Paste anyway", { reason: "test-data" });
  await decide("Paste redacted", { text: PHI_SSN });
  const { meta, events } = await waitForLog(4);
  assert.equal(meta.anchor, "0".repeat(64), "nothing pruned: the chain starts at 64 zeros");
  assert.equal(verifyInNode(meta.anchor, events), meta.head, "the chain ends at the head the meta records");
  assert.deepEqual(events.map((e) => [e.action, e.verdict, e.decision, e.reason_code]), [
    ["paste", "warn", "cancelled", null],
    ["paste", "warn", "redacted", null],
    ["paste", "warn", "proceeded", "test-data"],
    ["paste", "block", "redacted", null],
  ]);
  for (const e of events) {
    assert.equal(e.site, "acme.atlassian.net");
    assert.equal(e.product, "confluence");
    assert.match(e.ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
  assert.deepEqual(events[0].kinds, { condition: 1, date: 1, mrn: 1, person_name: 1 });
  assert.equal(events[3].kinds.ssn, 1);

  const { accepted } = await waitForDelivery();
  assert.deepEqual(accepted, events, "the collector has every event, in order");
  for (const r of requests) {
    assert.equal(r.method, "POST");
    assert.equal(r.path, "/audit");
    assert.equal(r.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(r.headers["content-type"], "application/json");
    assert.deepEqual(Object.keys(JSON.parse(r.body)), ["events"]);
  }
  assertNoPhi(JSON.stringify(await storage()), "storage.local");
  assertNoPhi(JSON.stringify(requests.map(({ method, path, headers, body }) => ({ method, path, headers, body }))), "what the collector received");
});

test("a paste allowed with findings (a diagnosis code, no patient) is on the record too", async () => {
  const n = (await readLog()).meta.next;
  const page = await browser.context.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  await page.click("#ak-editor-textarea");
  const text = "Diagnosis: E11.9 type 2 diabetes mellitus";
  await page.evaluate((text) => navigator.clipboard.write([new ClipboardItem({ "text/plain": new Blob([text], { type: "text/plain" }) })]), text);
  await page.keyboard.press("Control+V");
  await waitFor("the allowed event", async () => (await readLog()).meta.next > n);
  assert.equal(await panel(page).count(), 0, "nothing to ask");
  await page.close();
  const e = (await readLog()).events.at(-1);
  assert.equal(e.verdict, "allow");
  assert.equal(e.decision, "allowed");
  assert.ok(Object.keys(e.kinds).length > 0 && Object.keys(e.kinds).every((k) => ["condition", "medication", "diagnosis_code"].includes(k)), JSON.stringify(e.kinds));
  assert.ok(!JSON.stringify(e).includes("E11"));
});

test("concurrent decisions: none lost, none reordered, the chain holds", { timeout: 30_000 }, async () => {
  // Monitor mode records every PHI paste without a panel, so 20 pastes at
  // once are 20 decisions reaching the background at the same time.
  await setPolicy({ mode: "monitor", audit: { endpoint: collector.url, token: TOKEN } });
  const before = await readLog();
  const page = await browser.context.newPage();
  await page.goto(server.url("acme.atlassian.net"));
  await page.evaluate((text) => {
    const target = document.getElementById("ak-editor-textarea");
    for (let i = 0; i < 20; i++) {
      const dt = new DataTransfer();
      dt.setData("text/plain", text);
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }
  }, PHI);
  const { meta, events } = await waitForLog(before.events.length + 20);
  await page.close();
  assert.equal(meta.next, before.meta.next + 20);
  verifyInNode(meta.anchor, events);
  assert.ok(events.slice(-20).every((e) => e.decision === "allowed" && e.verdict === "allow"));
  const { accepted } = await waitForDelivery();
  assert.deepEqual(accepted, events);
  await setPolicy({ audit: { endpoint: collector.url, token: TOKEN } });
});

test("the options page counts, verifies and exports the log, and names a tampered event", { timeout: 30_000 }, async () => {
  const { meta, events } = await readLog();
  const options = await extensionPage("options/options.html");
  const section = options.getByRole("group", { name: "Audit log" });
  await section.getByText(`${events.length} events kept on this computer.`).waitFor();
  await section.getByText(`Collector 127.0.0.1:${collector.port} (JSON): everything sent.`).waitFor();
  const status = section.getByRole("status");

  await section.getByRole("button", { name: "Verify" }).click();
  await status.getByText(`Chain intact: ${events.length} events.`).waitFor();

  const [download] = await Promise.all([options.waitForEvent("download"), section.getByRole("button", { name: "Export" }).click()]);
  assert.match(download.suggestedFilename(), /^phi-guard-audit-\d{4}-\d\d-\d\d\.jsonl$/);
  const lines = readFileSync(await download.path(), "utf8");
  assert.equal(lines, events.map((e) => `${JSON.stringify(e)}\n`).join(""), "JSON Lines equal to the stored log");
  await status.getByText(`Exported ${events.length} events as JSON Lines.`).waitFor();

  // Change the second event's decision: its hash no longer matches.
  const key = `audit:event:${meta.first + 1}`;
  const original = events[1];
  await helper.evaluate(([key, event]) => chrome.storage.local.set({ [key]: event }), [key, { ...original, decision: "allowed" }]);
  await section.getByRole("button", { name: "Verify" }).click();
  await status.getByText(new RegExp(`^Chain broken at event 2 of ${events.length} \\(recorded .*\\): its content does not match its hash\\.$`)).waitFor();
  // Rehash it too: then the third event no longer follows it.
  const forged = { ...original, decision: "allowed" };
  const { ts, site, product, action, verdict, kinds, decision, reason_code, prev } = forged;
  forged.hash = createHash("sha256").update(JSON.stringify({ ts, site, product, action, verdict, kinds, decision, reason_code, prev })).digest("hex");
  await helper.evaluate(([key, event]) => chrome.storage.local.set({ [key]: event }), [key, forged]);
  await section.getByRole("button", { name: "Verify" }).click();
  await status.getByText(/^Chain broken at event 3 of \d+ .*its prev is not the hash of the event before it\.$/).waitFor();

  await helper.evaluate(([key, event]) => chrome.storage.local.set({ [key]: event }), [key, original]);
  await section.getByRole("button", { name: "Verify" }).click();
  await status.getByText(`Chain intact: ${events.length} events.`).waitFor();
  await options.close();
});

// ---- the collector down, slow, erroring ------------------------------------------------

test("collector down: events wait in the outbox; when it is back they all arrive, once each, in order, even from a restarted worker", { timeout: 40_000 }, async () => {
  const port = collector.port;
  await collector.stop();
  const seen = requests.length;
  const first = await decideAndWait("Cancel");
  const second = await decideAndWait("Paste redacted");
  const options = await extensionPage("options/options.html");
  await options.getByText(/^Collector 127\.0\.0\.1:\d+ \(JSON\): 2 events waiting to be sent\. Last attempt .*: the collector could not be reached; retrying\.$/).waitFor();
  const { meta } = await readLog();
  assert.equal(meta.next - meta.sent, 2, "the outbox cursor is before both");

  // The browser stops the worker meanwhile: its retry timers are gone.
  const cdp = await browser.context.newCDPSession(helper);
  const workers = async () => (await cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.includes(browser.extensionId));
  for (const worker of await workers()) await cdp.send("Target.closeTarget", { targetId: worker.targetId });
  await waitFor("the worker to stop", async () => (await workers()).length === 0);
  collector = await startCollector({ port, cert: cert.cert, key: cert.key, store: join(dir, "store.jsonl"), requests });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(requests.length, seen, "a stopped worker sends nothing");
  // Anything that starts it again (here a message; else the alarm) sends the outbox.
  await helper.evaluate(() => chrome.runtime.sendMessage({ type: "get-state" }));
  const { events, accepted } = await waitForDelivery(10_000);
  assert.deepEqual(accepted, events);
  const sent = requests.slice(seen).flatMap((r) => eventsOf(r.body).map((e) => e.hash));
  assert.deepEqual(sent, [first.hash, second.hash], "each sent once, in order");
  await options.getByText(/\(JSON\): everything sent\.$/).waitFor();
  await options.close();
});

test("collector slow: the request is abandoned after 10 s and sent again; the collector keeps the event once (by its hash)", { timeout: 40_000 }, async () => {
  await collector.plan([{ status: 200, delayMs: 13_000 }]);
  const event = await decideAndWait("Cancel");
  const tries = await waitFor("a second attempt", () => carrying(event.hash).length >= 2 && carrying(event.hash), 25_000);
  assert.equal(tries.length, 2);
  const waited = tries[1].at - tries[0].at;
  assert.ok(waited >= 10_000 && waited < 14_000, `retried after the 10 s timeout and a 1 s backoff (${waited} ms)`);
  const { events, accepted } = await waitForDelivery();
  assert.deepEqual(accepted, events, "the duplicate was dropped by hash: the store is the log");
  await waitFor("the cursor to reach the end", async () => {
    const { meta } = await readLog();
    return meta.sent === meta.next;
  });
});

test("collector erroring: 500s are retried with doubling waits, then everything arrives once", { timeout: 30_000 }, async () => {
  await collector.plan([{ status: 500 }, { status: 500 }, { status: 500 }]);
  const event = await decideAndWait("Cancel");
  const tries = await waitFor("four attempts", () => carrying(event.hash).length >= 4 && carrying(event.hash), 20_000);
  const gaps = tries.slice(1).map((t, i) => t.at - tries[i].at);
  assert.ok(gaps[0] >= 900 && gaps[1] >= 1800 && gaps[2] >= 3600, `backoff 1, 2, 4 s (${gaps.join(", ")} ms)`);
  assert.ok(gaps[2] < 8000, `no longer than needed (${gaps.join(", ")} ms)`);
  const { events, accepted } = await waitForDelivery();
  assert.deepEqual(accepted, events);
});

test("collector refusing (401): no hammering; a policy with the right token delivers at once", { timeout: 30_000 }, async () => {
  await collector.plan([{ status: 401 }]);
  const event = await decideAndWait("Cancel");
  await waitFor("the refused attempt", () => carrying(event.hash).length === 1);
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal(carrying(event.hash).length, 1, "a 4xx waits the 5 minute cap, not 1 s");
  const options = await extensionPage("options/options.html");
  await options.getByText(/1 event waiting to be sent\. Last attempt .*: the collector answered HTTP 401; retrying\.$/).waitFor();
  await options.close();
  await setPolicy({ audit: { endpoint: collector.url, token: "the-right-token" } });
  const { events, accepted } = await waitForDelivery(5000);
  assert.deepEqual(accepted, events);
  assert.equal(carrying(event.hash).at(-1).headers.authorization, "Bearer the-right-token");
});

test("splunk_hec: HEC event objects, newline-separated, with the Splunk authorization scheme", { timeout: 30_000 }, async () => {
  await setPolicy({ audit: { endpoint: collector.url, token: "hec-token-1234", format: "splunk_hec" } });
  const event = await decideAndWait("Paste anyway", { reason: "authorized" });
  await waitForDelivery();
  const [request] = carrying(event.hash);
  assert.equal(request.headers.authorization, "Splunk hec-token-1234");
  assert.equal(request.headers["content-type"], "application/json");
  const objects = request.body.split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(objects, [{ time: Date.parse(event.ts) / 1000, source: "phi-guard", sourcetype: "phi-guard:audit", event }]);
  assert.equal(event.reason_code, "authorized");
});

// ---- retention ---------------------------------------------------------------------

test("retention: max_events keeps the newest and the anchor keeps them verifiable; local: false keeps only the outbox", { timeout: 30_000 }, async () => {
  await setPolicy({ audit: { endpoint: collector.url, token: TOKEN, max_events: 3 } });
  // The policy change flushes, and retention runs with every flush.
  let log = await waitFor("the log cut to 3", async () => {
    const log = await readLog();
    return log.events.length === 3 && log;
  });
  const history = collector.accepted(); // everything so far, from the first event
  assert.equal(log.meta.anchor, history.at(-4).hash, "the anchor is the hash of the last event dropped");
  assert.deepEqual(log.events, history.slice(-3));
  verifyInNode(log.meta.anchor, log.events);
  const options = await extensionPage("options/options.html");
  const section = options.getByRole("group", { name: "Audit log" });
  await section.getByText("3 events kept on this computer.").waitFor();
  await section.getByRole("button", { name: "Verify" }).click();
  await section.getByRole("status").getByText("Chain intact: 3 events.").waitFor();
  await decideAndWait("Cancel");
  log = await readLog();
  assert.equal(log.events.length, 3);
  verifyInNode(log.meta.anchor, log.events);

  // No local log: an event stays only until the collector acknowledges it.
  await setPolicy({ audit: { endpoint: collector.url, token: TOKEN, local: false } });
  await decide("Cancel");
  const head = await waitFor("the collector to have the last event and the log to be empty", async () => {
    const { meta, events } = await readLog();
    return events.length === 0 && meta.sent === meta.next && collector.accepted().at(-1).hash === meta.head && meta.head;
  });
  assert.equal((await readLog()).meta.anchor, head, "the chain goes on from the last event sent");
  await options.reload();
  await section.getByText("The policy keeps no local log; 0 events kept until the collector has them.").waitFor();
  await options.close();
});

// ---- privacy ---------------------------------------------------------------------

test("the collector is the only place the extension sent anything, and the whole log verifies there", () => {
  const fixtureOrigins = HOSTS.map((h) => `http://${h}:${server.port}/`);
  const others = network.filter((u) => !u.startsWith("chrome-extension://") && !fixtureOrigins.some((o) => u.startsWith(o)));
  for (const url of others) assert.ok(url.startsWith(`https://127.0.0.1:${collector.port}/audit`), `only the collector: ${url}`);
  const accepted = collector.accepted();
  verifyInNode("0".repeat(64), accepted);
  for (const r of requests) assert.ok(eventsOf(r.body).length <= 50, "batches of at most 50 events");
  assertNoPhi(JSON.stringify(requests.map(({ method, path, headers, body }) => ({ method, path, headers, body }))), "what the collector received");
});
