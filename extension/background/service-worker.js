// PHI Guard background (Chrome's service worker, Firefox's background script):
// the only place the detector runs. Content scripts and the extension's pages
// send it messages; it answers from the wasm core with the policy in force.
//
// The worker can be evicted at any moment, so every listener is registered at
// the top level, the state is rebuilt on demand from storage (one promise per
// worker life), and a message that arrives while the worker starts waits for
// that promise instead of being dropped.
import init, { loadFiles, PhiGuard } from "../pkg/phi_guard.js";
import { describePolicySource, hostOfPattern, hostMatches, productOf, siteOf } from "./sites.js";
import { createAuditLog } from "./audit.js";

// The manifest's content script: its files serve the policy's hosts too, and
// its match patterns are the sites guarded whatever the policy says.
const [STATIC_SCRIPT] = chrome.runtime.getManifest().content_scripts;
const CLOUD_HOSTS = STATIC_SCRIPT.matches.map(hostOfPattern);
const POLICY_HOSTS_ID = "policy-hosts";
const MAX_DECISIONS = 20;

chrome.runtime.onMessage.addListener(onMessage);
chrome.storage.onChanged.addListener(onStorageChanged);
chrome.runtime.onInstalled.addListener(() => syncPolicyHosts());
chrome.runtime.onStartup.addListener(() => syncPolicyHosts());
chrome.alarms.onAlarm.addListener((alarm) => audit.onAlarm(alarm));

// The core loads at start; the attachment readers, a second module, on the first file.
const wasmReady = init({ module_or_path: chrome.runtime.getURL("pkg/phi_guard_core_bg.wasm"), files: false });
const filesReady = () => loadFiles({ module_or_path: chrome.runtime.getURL("pkg/phi_guard_files_bg.wasm") });
let state = null;
// The audit trail (audit.js): a hash-chained log in storage.local and the
// outbox to the policy's collector. Whatever it has not sent yet goes now, on
// every start of the worker.
const audit = createAuditLog({ policy: async () => (await current()).policy });
audit.flush();

/** The guard and the policy in force: { guard, policy, source, error, disabledSites }. */
function current() {
  if (state) {
    return state.then((s) => {
      if (s.guard.usable) return s;
      state = null; // an internal error stopped the module: load() fails with its message until the worker restarts
      return current();
    });
  }
  state = load();
  state.catch(() => { state = null; });
  return state;
}

async function load() {
  await wasmReady;
  // The first read after the browser starts can take seconds (Chromium loads
  // its policies); messages wait for it rather than use a policy that may be wrong.
  const managed = await chrome.storage.managed.get(null).catch(() => ({}));
  const local = await chrome.storage.local.get(["policy", "disabledSites"]);
  const isManaged = Object.keys(managed).length > 0;
  const source = isManaged ? "managed" : local.policy ? "user" : "default";
  const document = isManaged ? managed : local.policy || {};
  let guard, error = null;
  try {
    guard = new PhiGuard(document);
  } catch (e) {
    // An invalid policy falls back to the defaults (never to "off") and says so.
    error = e.message;
    guard = new PhiGuard({});
  }
  guard.scanText("Patient Maria Gonzalez"); // unpacks the dictionaries now, not on the first paste
  return { guard, policy: guard.policy, source, error, disabledSites: isManaged ? [] : local.disabledSites || [] };
}

function onStorageChanged(changes, area) {
  if (area === "managed" || (area === "local" && ("policy" in changes || "disabledSites" in changes))) {
    const old = state;
    state = null;
    if (old) old.then((s) => s.guard.free(), () => {});
    syncPolicyHosts();
    audit.policyChanged();
  }
}

// ---- self-hosted sites from the policy --------------------------------------

let hostSync = Promise.resolve();

/** Registers the content scripts for the policy's `hosts` (Data Center sites). Calls run one after another. */
function syncPolicyHosts() {
  hostSync = hostSync.then(async () => {
    const { policy } = await current();
    const matches = policy.hosts.map((host) => `*://${host}/*`);
    const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [POLICY_HOSTS_ID] });
    if (registered.length) await chrome.scripting.unregisterContentScripts({ ids: [POLICY_HOSTS_ID] });
    if (!matches.length) return;
    const script = { id: POLICY_HOSTS_ID, matches, js: STATIC_SCRIPT.js, runAt: "document_start", allFrames: true, persistAcrossSessions: true };
    try {
      await chrome.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true }]);
    } catch {
      await chrome.scripting.registerContentScripts([script]); // browsers without matchOriginAsFallback
    }
  }).catch((e) => console.warn("PHI Guard: could not register the policy's hosts:", e.message));
  return hostSync;
}

// ---- messages ---------------------------------------------------------------

const isString = (v) => typeof v === "string";
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const ACTIONS = new Set(["paste", "drop", "upload", "submit"]);
const DECISIONS = new Set(["redacted", "cancelled", "proceeded", "blocked", "allowed"]);
const VERDICTS = new Set(["allow", "warn", "block"]);

/**
 * Every message the background accepts: who may send it (content scripts in
 * guarded pages, or the extension's own pages), a validator, and the handler.
 */
const HANDLERS = {
  "scan-text": {
    from: "content",
    valid: (m) => isString(m.text),
    run: (s, m, site) => (isDisabled(s, site) ? { disabled: true } : { report: s.guard.scanText(m.text) }),
  },
  "scan-file": {
    from: "content",
    valid: (m) => isString(m.name) && isString(m.base64),
    run: async (s, m, site) => {
      if (isDisabled(s, site)) return { disabled: true };
      await filesReady();
      return { report: s.guard.scanFile(m.name, fromBase64(m.base64)) };
    },
  },
  // An editor got the focus (content/guard.js): a worker that was stopped has
  // started and loaded the core. A few scans of synthetic text build the
  // dictionaries and get V8 to compile the hot code with its optimising
  // compiler before the user's paste, which would otherwise run on its
  // baseline compiler, several times slower.
  warm: {
    from: "content",
    valid: () => true,
    run: (s) => {
      if (!s.warmed) {
        s.warmed = true;
        const text = warmText();
        for (let i = 0; i < 5; i++) s.guard.scanText(text);
      }
      return {};
    },
  },
  redact: {
    from: "content",
    valid: (m) => isString(m.text),
    run: (s, m) => {
      if (!s.policy.allow_redact) throw new Error("the policy does not allow redaction");
      return { text: s.guard.redact(m.text, { style: "label" }) };
    },
  },
  decision: {
    from: "content",
    valid: (m) => ACTIONS.has(m.action) && DECISIONS.has(m.decision) && VERDICTS.has(m.verdict) && isObject(m.kinds)
      && Object.values(m.kinds).every(Number.isInteger) && (m.reason_code === null || isString(m.reason_code)),
    run: (s, m, site, url) => recordDecision(m, site, url),
  },
  "get-state": {
    from: "page",
    valid: (m) => m.site === undefined || isString(m.site),
    run: async (s, m) => ({
      state: {
        policy: s.policy,
        source: s.source,
        sourceText: describePolicySource(s.source),
        error: s.error,
        site: m.site || null,
        guarded: m.site ? isGuarded(s, m.site) : false,
        enabled: m.site ? !isDisabled(s, m.site) : true,
        decisions: (await chrome.storage.session.get("decisions")).decisions || [],
      },
    }),
  },
  "set-site-enabled": {
    from: "page",
    valid: (m) => isString(m.site) && typeof m.enabled === "boolean",
    run: async (s, m) => {
      if (s.source === "managed") throw new Error("your administrator manages this setting");
      const sites = new Set(s.disabledSites);
      if (m.enabled) sites.delete(m.site);
      else sites.add(m.site);
      await chrome.storage.local.set({ disabledSites: [...sites] });
      return {};
    },
  },
  "check-policy": {
    from: "page",
    valid: (m) => isObject(m.policy),
    run: (s, m) => {
      try {
        const probe = new PhiGuard(m.policy);
        const policy = probe.policy;
        probe.free();
        return { problems: [], policy };
      } catch (e) {
        return { problems: e.message.replace(/^invalid policy:\s*/i, "").split(/;\s*/) };
      }
    },
  },
};

function onMessage(message, sender, sendResponse) {
  const handler = isObject(message) && Object.hasOwn(HANDLERS, message.type) ? HANDLERS[message.type] : null;
  // The extension's own pages (popup, options; also when opened in a tab) or a
  // content script in a web page.
  const ours = sender.id === chrome.runtime.id;
  const fromPage = ours && isString(sender.url) && sender.url.startsWith(chrome.runtime.getURL(""));
  const fromContent = ours && Boolean(sender.tab) && !fromPage;
  if (!handler || !handler.valid(message) || !(handler.from === "page" ? fromPage : fromContent)) {
    sendResponse({ ok: false, error: "unknown or malformed message" });
    return false;
  }
  answer(handler, message, sender).then(sendResponse);
  return true; // the answer is asynchronous
}

async function answer(handler, message, sender) {
  try {
    const s = await current();
    const url = sender.tab ? sender.url || sender.tab.url || "" : "";
    const result = await handler.run(s, message, siteOf(url), url);
    return { ok: true, ...result, policy: summary(s.policy) };
  } catch (e) {
    // Error messages from the core never contain scanned text.
    return { ok: false, error: e && e.message ? e.message : "internal error" };
  }
}

/** What a content script needs to know of the policy. */
function summary(policy) {
  const { mode, require_justification, allow_redact, on_error, max_scan_bytes, files } = policy;
  return { mode, require_justification, allow_redact, on_error, max_scan_bytes, files: { max_bytes: files.max_bytes } };
}

/** About 5 KB of synthetic text in the shapes pastes have: log lines, an HL7 message, a table, a note. */
function warmText() {
  const lines = [];
  for (let i = 0; i < 40; i++) {
    lines.push(`2026-11-20 10:${String(i % 60).padStart(2, "0")}:32,114 INFO [http-nio-8443-exec-${i % 32}] c.a.ehr.EncounterService - batch ${i} done in ${(i * 37) % 900} ms, see EHR-${4000 + i}`);
  }
  lines.push(
    "MSH|^~\\&|ADT|HOSP|EHR|HOSP|20261120101532||ADT^A01|MSG00001|P|2.5",
    "PID|1||00000000^^^HOSP^MR||DOE^JANE^Q||19700101|F|||1 Main Street^^Springfield^IL^62704||(217)555-0100",
    "|| Patient || DOB || MRN ||",
    "| Jane Doe | 01/01/1970 | 00000000 |",
    "Patient Jane Doe, 54, was seen on 03/14/2026 for hypertension and started on lisinopril; call 217-555-0100.",
  );
  return lines.join("\n");
}

function isDisabled(s, site) {
  return s.disabledSites.includes(site);
}

function isGuarded(s, site) {
  return [...CLOUD_HOSTS, ...s.policy.hosts].some((host) => hostMatches(site, host));
}

function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

let decisionLog = Promise.resolve();

/**
 * Keeps the last decisions for the popup, content-free, in session storage
 * (gone when the browser closes), and appends each to the audit trail, whose
 * collector is sent to afterwards, never awaited here. Writes run one after
 * another so none is lost.
 */
function recordDecision(m, site, url) {
  const entry = { ts: new Date().toISOString(), site, product: productOf(url), action: m.action, verdict: m.verdict, decision: m.decision, kinds: m.kinds, reason_code: m.reason_code };
  decisionLog = decisionLog.then(async () => {
    const { decisions = [] } = await chrome.storage.session.get("decisions");
    await chrome.storage.session.set({ decisions: [entry, ...decisions].slice(0, MAX_DECISIONS) });
  }).catch(() => {});
  const audited = audit.record(entry).catch((e) => console.warn("PHI Guard: could not write the audit log:", e && e.message));
  return Promise.all([decisionLog, audited]).then(() => ({}));
}
