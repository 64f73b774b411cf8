// Options page for installs without an admin policy: edits the user's policy
// (CONTRACTS.md section 4) in storage.local after the core has validated it.
// An admin-managed policy is shown read-only. The audit log section counts,
// verifies and exports the log the background keeps (background/audit.js).

import { ask } from "../ui/ask.js";
import { readLog, verifyLog, toJsonLines } from "../background/audit.js";

const $ = (id) => document.getElementById(id);
const { KIND_WORDS } = globalThis.PhiGuardPanel;
const KINDS = Object.keys(KIND_WORDS);

function lines(text) {
  return text.split("\n").map((l) => l.trim()).filter(Boolean);
}

function kindRows() {
  const body = $("kinds").tBodies[0];
  for (const kind of KINDS) {
    const row = document.createElement("tr");
    const name = Object.assign(document.createElement("th"), { scope: "row", textContent: KIND_WORDS[kind][0] });
    row.append(name);
    for (const list of ["block_kinds", "disabled_kinds"]) {
      const cell = document.createElement("td");
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name: list, value: kind });
      box.setAttribute("aria-label", `${list === "block_kinds" ? "Always block" : "Ignore"} ${KIND_WORDS[kind][1]}`);
      cell.append(box);
      row.append(cell);
    }
    body.append(row);
  }
}

function fill(policy) {
  for (const key of ["mode", "on_error", "report_threshold"]) $(key).value = policy[key];
  for (const key of ["require_justification", "allow_redact"]) $(key).checked = policy[key];
  for (const box of document.querySelectorAll("#kinds input")) box.checked = policy[box.name].includes(box.value);
  $("hosts").value = policy.hosts.join("\n");
  $("allow_patterns").value = policy.allow_patterns.join("\n");
  $("custom_patterns").value = policy.custom_patterns.length ? JSON.stringify(policy.custom_patterns, null, 2) : "";
}

/** The form as a policy document; throws when the patterns are not JSON. */
function read() {
  const checked = (name) => [...document.querySelectorAll(`#kinds input[name=${name}]:checked`)].map((b) => b.value);
  let custom = [];
  if ($("custom_patterns").value.trim()) {
    try {
      custom = JSON.parse($("custom_patterns").value);
    } catch {
      throw new Error("Organisation identifiers: not valid JSON");
    }
  }
  return {
    mode: $("mode").value,
    on_error: $("on_error").value,
    report_threshold: Number($("report_threshold").value),
    require_justification: $("require_justification").checked,
    allow_redact: $("allow_redact").checked,
    block_kinds: checked("block_kinds"),
    disabled_kinds: checked("disabled_kinds"),
    hosts: lines($("hosts").value),
    allow_patterns: lines($("allow_patterns").value),
    custom_patterns: custom,
  };
}

let auditPolicy = null;

async function load() {
  const { state } = await ask({ type: "get-state" });
  auditPolicy = state.policy.audit;
  $("source").textContent = `${state.sourceText}.`;
  $("managed-note").hidden = state.source !== "managed";
  $("policy-error").hidden = !state.error;
  $("policy-error").textContent = state.error ? `The policy in storage has errors, so the defaults are in use: ${state.error}` : "";
  fill(state.policy);
  for (const control of $("form").elements) control.disabled = state.source === "managed";
  await showAudit();
}

// ---- audit log ------------------------------------------------------------------

const events = (n) => `${n} ${n === 1 ? "event" : "events"}`;

async function showAudit() {
  const { meta, events: log } = await readLog();
  const local = !auditPolicy || auditPolicy.local;
  $("audit-count").textContent = local
    ? `${events(log.length)} kept on this computer.`
    : `The policy keeps no local log; ${events(log.length)} kept until the collector has them.`;
  const waiting = Math.max(0, meta.next - Math.max(meta.sent, meta.first));
  let outbox = "No collector is set in the policy.";
  if (auditPolicy && auditPolicy.endpoint) {
    let host = auditPolicy.endpoint;
    try {
      host = new URL(auditPolicy.endpoint).host;
    } catch {
      // shown as written
    }
    const where = `Collector ${host} (${auditPolicy.format === "splunk_hec" ? "Splunk HEC" : "JSON"})`;
    outbox = !waiting ? `${where}: everything sent.` : `${where}: ${events(waiting)} waiting to be sent.`;
    if (waiting && meta.error) outbox += ` Last attempt ${new Date(meta.error.at).toLocaleString()}: ${meta.error.message}; retrying.`;
  }
  $("audit-outbox").textContent = outbox;
}

$("audit-verify").addEventListener("click", async () => {
  const status = $("audit-status");
  status.textContent = "Verifying…";
  try {
    const log = await readLog();
    const result = await verifyLog(log);
    if (result.ok) status.textContent = `Chain intact: ${events(result.count)}.`;
    else if (result.index >= result.count) status.textContent = `Chain broken after event ${result.count}: ${result.problem}.`;
    else {
      const event = log.events[result.index];
      const when = event && typeof event.ts === "string" ? ` (recorded ${event.ts})` : "";
      status.textContent = `Chain broken at event ${result.index + 1} of ${result.count}${when}: ${result.problem}.`;
    }
  } catch (e) {
    status.textContent = `Could not verify the audit log: ${e.message}`;
  }
});

$("audit-export").addEventListener("click", async () => {
  const status = $("audit-status");
  try {
    const { events: log } = await readLog();
    const kept = log.filter(Boolean);
    const url = URL.createObjectURL(new Blob([toJsonLines(kept)], { type: "application/x-ndjson" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: `phi-guard-audit-${new Date().toISOString().slice(0, 10)}.jsonl` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Exported ${events(kept.length)} as JSON Lines.`;
  } catch (e) {
    status.textContent = `Could not export the audit log: ${e.message}`;
  }
});

// The count and the outbox follow the log while the page is open.
let refreshing = null;
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !Object.keys(changes).some((k) => k.startsWith("audit:")) || refreshing) return;
  refreshing = setTimeout(() => {
    refreshing = null;
    showAudit().catch(() => {});
  }, 100);
});

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = $("status");
  try {
    const policy = read();
    const { problems } = await ask({ type: "check-policy", policy });
    if (problems.length) {
      status.textContent = `Not saved: ${problems.join("; ")}`;
      return;
    }
    await chrome.storage.local.set({ policy });
    status.textContent = "Saved.";
    await load();
  } catch (e) {
    status.textContent = `Not saved: ${e.message}`;
  }
});

$("reset").addEventListener("click", async () => {
  await chrome.storage.local.remove("policy");
  $("status").textContent = "Defaults restored.";
  await load();
});

kindRows();
load().catch((e) => { $("status").textContent = `PHI Guard could not load its settings: ${e.message}`; });
