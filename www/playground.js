// The PHI Guard playground: the wasm core scans the editor's text as you type,
// and the page shows what it found. Nothing leaves the page: no request is made
// after the module has loaded. User text only ever reaches the DOM through
// textContent (never innerHTML), and tooltips and tables show masked previews.
import init, { PhiGuard } from "./pkg/phi_guard.js";
import { SAMPLES } from "./samples.js";

const DEFAULT_POLICY = '{\n  "mode": "warn"\n}';
const SCAN_DELAY_MS = 150;
const POLICY_DELAY_MS = 250;
const MAX_ROWS = 500;
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Health context: codes and terms that are not identifiers on their own. */
const CONTEXT_KINDS = new Set(["diagnosis_code", "procedure_code", "drug_code", "medication", "condition"]);

const KIND_LABELS = {
  person_name: "Name", street_address: "Street address", zip_code: "ZIP code", date: "Date",
  age_over_89: "Age over 89", phone: "Phone", email: "Email", ssn: "SSN", mrn: "MRN",
  health_plan_id: "Health plan ID", medicare_mbi: "Medicare MBI", account_number: "Account number",
  license_number: "Licence number", vehicle_id: "Vehicle ID", device_id: "Device ID", url: "URL",
  ip_address: "IP address", biometric_id: "Biometric ID", photo: "Photo", other_id: "Other ID",
  diagnosis_code: "Diagnosis code", procedure_code: "Procedure code", drug_code: "Drug code",
  medication: "Medication", condition: "Condition", credit_card: "Credit card",
};

const STYLE_NAMES = { mask: "masked", label: "labelled", pseudonym: "pseudonymised" };

const $ = (id) => document.getElementById(id);
const ui = {
  editor: $("editor"), backdrop: $("backdrop"), result: $("result"), verdict: $("verdict"), counts: $("counts"),
  findings: $("findings"), findingsBody: document.querySelector("#findings tbody"), findingsEmpty: $("findings-empty"),
  findingsCount: $("findings-count"), tooltip: $("tooltip"), redacted: $("redacted"), copyStatus: $("copy-status"),
  copyButtons: [...document.querySelectorAll(".copy button[data-style]")], policy: $("policy"),
  policyError: $("policy-error"), policyStatus: $("policy-status"), policyDefaults: $("policy-defaults"),
  policyReset: $("policy-reset"), file: $("file"), fileReport: $("file-report"), samples: document.querySelector(".samples"),
};

const state = {
  guard: null,
  /** The text and findings the backdrop draws (findings shifted while a scan is pending). */
  shown: { text: "", findings: [] },
  scanTimer: 0,
  policyTimer: 0,
  tooltipFrom: null, // "mouse" | "caret" | null
  /** The policy's block_kinds, kept so drawing does not ask the guard for its policy per finding. */
  blockKinds: new Set(),
};

const kindLabel = (kind) => KIND_LABELS[kind] || kind;
const kindClass = (kind) => (CONTEXT_KINDS.has(kind) ? "context" : "identifier");
const isBlocked = (kind) => state.blockKinds.has(kind);
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key === "data") Object.assign(node.dataset, value);
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

// ---- scanning and drawing -------------------------------------------------------

function scheduleScan() {
  clearTimeout(state.scanTimer);
  state.scanTimer = setTimeout(scanNow, SCAN_DELAY_MS);
}

function scanNow() {
  clearTimeout(state.scanTimer);
  if (!state.guard) return;
  const text = ui.editor.value;
  let report;
  try {
    report = state.guard.scanText(text);
  } catch (error) {
    showVerdict("error", "Scan failed", error.message);
    return;
  }
  drawBackdrop(text, report.findings);
  showReport(text, report);
  ui.result.dataset.state = "scanned";
}

/** Keeps the old highlights in place while the user types, until the next scan. */
function onEdit() {
  const before = state.shown;
  const text = ui.editor.value;
  drawBackdrop(text, shiftFindings(before.text, text, before.findings));
  ui.result.dataset.state = "pending";
  if (state.tooltipFrom) hideTooltip();
  scheduleScan();
}

/** The findings of `oldText` moved to where they sit in `newText`; those the edit touched are dropped. */
function shiftFindings(oldText, newText, findings) {
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const editEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  return findings
    .filter((f) => f.end <= prefix || f.start >= editEnd)
    .map((f) => (f.start >= editEnd && delta ? { ...f, start: f.start + delta, end: f.end + delta } : f));
}

/** Draws `text` in the backdrop with each finding in a <mark>; overlapping findings keep the first. */
function drawBackdrop(text, findings) {
  state.shown = { text, findings };
  const order = findings.map((f, index) => ({ f, index })).sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const { f, index } of order) {
    if (f.start < pos || f.end <= f.start) continue;
    if (f.start > pos) frag.append(text.slice(pos, f.start));
    const mark = el("mark", {
      data: {
        kind: f.kind, score: f.score.toFixed(2), preview: f.preview, reason: f.reason, index: String(index),
        class: kindClass(f.kind), block: String(isBlocked(f.kind)), ...(f.source ? { source: f.source } : {}),
      },
    });
    mark.textContent = text.slice(f.start, f.end);
    frag.append(mark);
    pos = f.end;
  }
  // The trailing space gives a final empty line its height, as the textarea does;
  // the extra line leaves room to scroll as far as the textarea can.
  frag.append(text.slice(pos) + " \n\n");
  ui.backdrop.replaceChildren(frag);
  syncScroll();
}

function syncScroll() {
  ui.backdrop.scrollTop = ui.editor.scrollTop;
  ui.backdrop.scrollLeft = ui.editor.scrollLeft;
}

function showVerdict(verdict, word, why) {
  ui.verdict.dataset.verdict = verdict;
  const [wordEl, whyEl] = ui.verdict.children;
  if (wordEl.textContent !== word) wordEl.textContent = word;
  if (whyEl.textContent !== why) whyEl.textContent = why;
}

function countByKind(findings) {
  const counts = new Map();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || kindLabel(a[0]).localeCompare(kindLabel(b[0])));
}

function verdictWhy(report, empty) {
  const ids = report.findings.filter((f) => !CONTEXT_KINDS.has(f.kind));
  const notes = report.notes && report.notes.length ? ` ${report.notes.join(" ")}` : "";
  if (report.verdict === "block") {
    const kinds = [...new Set(report.findings.filter((f) => isBlocked(f.kind)).map((f) => kindLabel(f.kind)))];
    return `contains identifiers this policy blocks${kinds.length ? ` (${kinds.join(", ")})` : ""}.${notes}`;
  }
  if (report.verdict === "warn") {
    return ids.length ? `may contain patient information: ${plural(ids.length, "identifier")} found.${notes}` : `check before sharing.${notes}`;
  }
  if (empty) return "nothing to scan yet.";
  if (ids.length) return `${plural(ids.length, "identifier")} found; this policy lets them through.${notes}`;
  if (report.findings.length) return `no patient identifiers; only health context (${plural(report.findings.length, "term")}).${notes}`;
  return `no patient identifiers found.${notes}`;
}

function countsList(list, findings) {
  list.replaceChildren(...countByKind(findings).map(([kind, n]) =>
    el("li", { data: { kind, class: kindClass(kind), block: String(isBlocked(kind)) } }, `${kindLabel(kind)} `, el("b", {}, String(n)))));
}

/** Breaks `fhir:Patient.identifier.value` after its dots and colons rather than anywhere. */
function breakable(text) {
  const parts = text.split(/(?<=[.:])/);
  return parts.flatMap((part, i) => (i ? [el("wbr"), part] : [part]));
}

/** A findings-table row: kind with the reason under it, preview, score, source (and `extra` cells). */
function findingRow(f, ...extra) {
  return el("tr", { data: { kind: f.kind, class: kindClass(f.kind), block: String(isBlocked(f.kind)) } },
    el("td", {}, el("span", { class: "kind" }, kindLabel(f.kind)), el("span", { class: "reason" }, f.reason)),
    el("td", { class: "preview" }, f.preview),
    el("td", { class: "score" }, f.score.toFixed(2)),
    el("td", { class: "source" }, ...(f.source ? breakable(f.source) : ["—"])),
    ...extra);
}

/** The narrow row of a file report: the source goes under the preview. */
function compactRow(f) {
  return el("tr", { data: { kind: f.kind, class: kindClass(f.kind), block: String(isBlocked(f.kind)) } },
    el("td", {}, el("span", { class: "kind" }, kindLabel(f.kind)), el("span", { class: "reason" }, f.reason)),
    el("td", {}, el("span", { class: "preview" }, f.preview), f.source && el("span", { class: "source" }, ...breakable(f.source))),
    el("td", { class: "score" }, f.score.toFixed(2)));
}

function showReport(text, report) {
  const word = { allow: "Allow", warn: "Warn", block: "Block" }[report.verdict] || report.verdict;
  showVerdict(report.verdict, word, verdictWhy(report, text.trim() === ""));
  countsList(ui.counts, report.findings);

  const sorted = report.findings.map((f, index) => ({ f, index })).sort((a, b) => a.f.start - b.f.start);
  const rows = sorted.slice(0, MAX_ROWS).map(({ f, index }) =>
    findingRow(f, el("td", {}, el("button", { type: "button", data: { index: String(index) }, "aria-label": `Show ${kindLabel(f.kind)} ${f.preview} in the text` }, "Show"))));
  if (sorted.length > MAX_ROWS) rows.push(el("tr", {}, el("td", { colSpan: 5, class: "muted" }, `and ${sorted.length - MAX_ROWS} more`)));
  ui.findingsBody.replaceChildren(...rows);
  ui.findings.hidden = sorted.length === 0;
  ui.findingsEmpty.hidden = sorted.length !== 0;
  ui.findingsCount.textContent = sorted.length ? `(${sorted.length})` : "";
}

/** Selects a finding in the editor and shows its tooltip. */
function showFinding(index) {
  if (ui.result.dataset.state !== "scanned") return scanNow();
  const f = state.shown.findings[index];
  if (!f) return;
  const mark = ui.backdrop.querySelector(`mark[data-index="${index}"]`);
  ui.editor.focus();
  ui.editor.setSelectionRange(f.start, f.end);
  if (mark) {
    const top = mark.offsetTop - ui.editor.clientHeight / 3;
    ui.editor.scrollTop = Math.max(0, top);
    syncScroll();
    showTooltip(mark, null, "caret");
  }
}

// ---- tooltip ----------------------------------------------------------------------

function markAt(x, y) {
  return document.elementsFromPoint(x, y).find((node) => node.tagName === "MARK" && ui.backdrop.contains(node)) || null;
}

function showTooltip(mark, point, from) {
  const d = mark.dataset;
  ui.tooltip.replaceChildren(
    el("span", { class: "tt-kind" }, kindLabel(d.kind)), " ",
    el("span", { class: "tt-preview" }, d.preview),
    el("span", { class: "tt-meta" }, [`score ${d.score}`, d.reason, d.source].filter(Boolean).join(" · ")),
  );
  ui.tooltip.dataset.kind = d.kind;
  for (const m of ui.backdrop.querySelectorAll("mark.active")) m.classList.remove("active");
  mark.classList.add("active");
  ui.tooltip.hidden = false;
  state.tooltipFrom = from;
  ui.editor.setAttribute("aria-describedby", from === "caret" ? "editor-help tooltip" : "editor-help");

  const rects = [...mark.getClientRects()];
  const rect = (point && rects.find((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom)) || rects[0] || mark.getBoundingClientRect();
  const tip = ui.tooltip.getBoundingClientRect();
  let left = Math.min(Math.max(4, rect.left), window.innerWidth - tip.width - 4);
  let top = rect.bottom + 6;
  if (top + tip.height > window.innerHeight - 4) top = rect.top - tip.height - 6;
  ui.tooltip.style.left = `${Math.max(4, left)}px`;
  ui.tooltip.style.top = `${Math.max(4, top)}px`;
}

function hideTooltip() {
  if (ui.tooltip.hidden) return;
  ui.tooltip.hidden = true;
  state.tooltipFrom = null;
  ui.editor.setAttribute("aria-describedby", "editor-help");
  for (const m of ui.backdrop.querySelectorAll("mark.active")) m.classList.remove("active");
}

function tooltipAtCaret() {
  const { selectionStart: start, selectionEnd: end } = ui.editor;
  if (ui.result.dataset.state !== "scanned" || start !== end) return hideTooltip();
  const index = state.shown.findings.findIndex((f) => start >= f.start && start <= f.end);
  const mark = index >= 0 && ui.backdrop.querySelector(`mark[data-index="${index}"]`);
  if (mark) showTooltip(mark, null, "caret");
  else hideTooltip();
}

// ---- redacted copies --------------------------------------------------------------

async function copyRedacted(style) {
  if (!state.guard) return;
  const text = ui.editor.value;
  if (text === "") {
    ui.copyStatus.textContent = "Nothing to copy: the editor is empty.";
    return;
  }
  let out;
  try {
    out = state.guard.redact(text, { style });
  } catch (error) {
    ui.copyStatus.textContent = `Could not redact: ${error.message}`;
    return;
  }
  ui.redacted.textContent = out;
  ui.redacted.dataset.empty = "false";
  ui.redacted.dataset.style = style;
  ui.redacted.setAttribute("aria-label", `Redacted text, ${STYLE_NAMES[style]}`);
  try {
    await navigator.clipboard.writeText(out);
    ui.copyStatus.textContent = `Copied the ${STYLE_NAMES[style]} text (${plural(out.length, "character")}), shown below.`;
  } catch {
    ui.copyStatus.textContent = `This browser did not allow writing to the clipboard: the ${STYLE_NAMES[style]} text is below to copy by hand.`;
  }
}

// ---- policy -----------------------------------------------------------------------

function policyFailed(message) {
  ui.policyError.textContent = message;
  ui.policy.setAttribute("aria-invalid", "true");
  ui.policyStatus.textContent = state.guard ? "The last valid policy is still in use." : "";
}

function describePolicy(p) {
  const blocks = p.block_kinds.length ? `blocks ${p.block_kinds.map(kindLabel).join(", ")}` : "blocks nothing by kind";
  return `In use: mode ${p.mode}; reports findings scoring ${p.report_threshold} or more; ${blocks}.`;
}

/** Builds a guard from the policy text; on success it replaces the current guard and rescans. */
function applyPolicy(source) {
  clearTimeout(state.policyTimer);
  let value;
  if (source.trim() === "") value = {};
  else {
    try {
      value = JSON.parse(source);
    } catch (error) {
      return policyFailed(`Invalid JSON: ${error.message}`);
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return policyFailed('Invalid policy: it must be a JSON object, such as {"mode": "warn"}.');
  }
  let guard;
  try {
    guard = new PhiGuard(value);
  } catch (error) {
    return policyFailed(error.message);
  }
  const old = state.guard;
  state.guard = guard;
  if (old) old.free();
  ui.policyError.textContent = "";
  ui.policy.removeAttribute("aria-invalid");
  const p = guard.policy;
  state.blockKinds = new Set(p.block_kinds);
  ui.policyStatus.textContent = describePolicy(p);
  const canRedact = p.allow_redact !== false;
  for (const b of ui.copyButtons) b.disabled = !canRedact;
  if (!canRedact) ui.copyStatus.textContent = "This policy turns redacted copies off (allow_redact: false).";
  else if (ui.copyStatus.textContent.startsWith("This policy")) ui.copyStatus.textContent = "";
  scanNow();
}

// ---- files --------------------------------------------------------------------------

function formatBytes(n) {
  if (n < 1024) return plural(n, "byte");
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function fileCard(file, report, problem) {
  const card = el("article", { class: "file-card", data: { verdict: report ? report.verdict : "error" } },
    el("h3", {}, file.name || "(unnamed file)", " ", el("span", { class: "muted small" }, formatBytes(file.size))));
  if (!report) {
    card.append(el("p", { class: "error" }, problem));
    return card;
  }
  const word = { allow: "Allow", warn: "Warn", block: "Block" }[report.verdict] || report.verdict;
  const n = report.findings.length;
  card.append(el("p", { class: "verdict", data: { verdict: report.verdict } },
    el("span", { class: "word" }, word), el("span", { class: "why" }, n ? plural(n, "finding") : "nothing found")));
  if (report.notes && report.notes.length) card.append(el("ul", { class: "notes" }, ...report.notes.map((note) => el("li", {}, note))));
  if (n) {
    card.append(el("ul", { class: "counts", "aria-label": "Findings per kind" }));
    countsList(card.lastChild, report.findings);
    const rows = report.findings.slice(0, MAX_ROWS).map(compactRow);
    if (n > MAX_ROWS) rows.push(el("tr", {}, el("td", { colSpan: 3, class: "muted" }, `and ${n - MAX_ROWS} more`)));
    card.append(el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ...["Kind", "Preview and source", "Score"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows))));
  }
  return card;
}

async function scanFiles(files) {
  if (!state.guard || !files.length) return;
  const cards = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      cards.push(fileCard(file, null, `Too large for the playground (over ${formatBytes(MAX_FILE_BYTES)}).`));
      continue;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      cards.push(fileCard(file, state.guard.scanFile(file.name, bytes)));
    } catch (error) {
      cards.push(fileCard(file, null, `Could not check this file: ${error.message}`));
    }
  }
  ui.fileReport.replaceChildren(...cards);
}

const hasFiles = (event) => Boolean(event.dataTransfer && [...event.dataTransfer.types].includes("Files"));

// ---- wiring ---------------------------------------------------------------------------

function wire() {
  for (const sample of SAMPLES) {
    ui.samples.append(el("button", { type: "button", data: { sample: sample.id }, title: sample.description, disabled: true }, sample.label));
  }
  ui.samples.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sample]");
    const sample = button && SAMPLES.find((s) => s.id === button.dataset.sample);
    if (!sample || !state.guard) return;
    ui.editor.value = sample.text;
    ui.editor.scrollTop = 0;
    hideTooltip();
    scanNow();
  });

  ui.editor.addEventListener("input", onEdit);
  ui.editor.addEventListener("scroll", () => {
    syncScroll();
    if (state.tooltipFrom) hideTooltip();
  });
  ui.editor.addEventListener("mousemove", (event) => {
    const mark = markAt(event.clientX, event.clientY);
    if (mark) showTooltip(mark, { x: event.clientX, y: event.clientY }, "mouse");
    else if (state.tooltipFrom === "mouse") hideTooltip();
  });
  ui.editor.addEventListener("mouseleave", () => {
    if (state.tooltipFrom === "mouse") hideTooltip();
  });
  const NAV_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);
  ui.editor.addEventListener("keyup", (event) => {
    if (NAV_KEYS.has(event.key)) tooltipAtCaret();
  });
  ui.editor.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.tooltip.hidden) hideTooltip();
  });
  ui.editor.addEventListener("blur", hideTooltip);
  window.addEventListener("resize", hideTooltip);

  ui.findingsBody.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-index]");
    if (button) showFinding(Number(button.dataset.index));
  });

  for (const button of ui.copyButtons) button.addEventListener("click", () => copyRedacted(button.dataset.style));

  ui.policy.addEventListener("input", () => {
    clearTimeout(state.policyTimer);
    state.policyTimer = setTimeout(() => applyPolicy(ui.policy.value), POLICY_DELAY_MS);
  });
  ui.policyDefaults.addEventListener("click", () => {
    if (!state.guard) return;
    ui.policy.value = JSON.stringify(state.guard.policy, null, 2);
    applyPolicy(ui.policy.value);
  });
  ui.policyReset.addEventListener("click", () => {
    ui.policy.value = DEFAULT_POLICY;
    applyPolicy(ui.policy.value);
  });

  ui.file.addEventListener("change", async () => {
    await scanFiles([...ui.file.files]);
    ui.file.value = "";
  });
  // Files dropped anywhere are checked here; the browser must not open them.
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = state.guard ? "copy" : "none";
    document.body.classList.add("dragging");
  }, true);
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) document.body.classList.remove("dragging");
  }, true);
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    document.body.classList.remove("dragging");
    scanFiles([...event.dataTransfer.files]);
  }, true);
}

async function main() {
  wire();
  try {
    await init();
  } catch (error) {
    showVerdict("error", "Unavailable", `could not load the WebAssembly module: ${error.message}`);
    document.body.dataset.ready = "error";
    return;
  }
  applyPolicy(ui.policy.value);
  if (!state.guard) {
    // The policy box held something invalid (a restored form, say): start with the defaults.
    state.guard = new PhiGuard({ mode: "warn" });
    state.blockKinds = new Set(state.guard.policy.block_kinds);
    ui.policyStatus.textContent = `${describePolicy(state.guard.policy)} (defaults, until the policy above is valid)`;
  }
  for (const control of [ui.editor, ui.file, ui.policyDefaults, ...ui.samples.querySelectorAll("button")]) control.disabled = false;
  for (const b of ui.copyButtons) b.disabled = state.guard.policy.allow_redact === false;
  scanNow();
  document.body.dataset.ready = "true";
}

main();
