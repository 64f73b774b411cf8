// PHI Guard's interception, shared by the extension's content script
// (content/guard.js) and the embeddable editor script (www/embed.js): holds
// paste, drop, file input and submit events before the page sees them, has a
// checker scan the content, then lets the event through, or shows the panel
// (ui/panel.js) and acts on the user's choice. A classic script: it defines
// globalThis.PhiGuardIntercept and touches nothing else of the page.
//
// Everything the user gave is kept until they decide: a held paste is
// re-delivered through the editor's own paste pipeline (a synthetic paste
// event with a DataTransfer; plain fields get insertText), so undo and
// formatting keep working, and the clipboard is never touched.
//
// A checker is where the detector runs: the extension's background, or the
// wasm core in the page.
//   policy()          the policy in force (fields on_error, require_justification,
//                     allow_redact, max_scan_bytes, files, mode), as last known
//   maxFileBytes      optional: the largest file the checker can take
//   scanText(text)    -> Promise<{ report } | { disabled: true }>
//   scanFile(file)    -> Promise<{ report } | { disabled: true }>
//   redact(text)      -> Promise<string>
//   record(decision)  a content-free decision: { action, verdict, decision, kinds, reason_code }
// A checker that has no policy yet (the core not answered) gives FALLBACK_POLICY.
(() => {
  if (globalThis.PhiGuardIntercept) return;

  const Panel = globalThis.PhiGuardPanel;
  const CHECKING_AFTER_MS = 300;
  const SUBMIT_LABEL = /^(save|publish|update|create|post|send|submit|reply|comment|add comment)\b/i;
  const SUBMIT_TESTID = /publish|save|submit|comment|create/i;

  // Which checker guards an event's target (null: not guarded); set by install().
  const NONE = () => null;
  let checkerFor = NONE;
  // While we re-deliver an event ourselves, our own listeners let it pass.
  let passing = 0;
  // Values the user chose to share anyway on this page: a later submit does
  // not ask about them again. Kept in this tab's memory only.
  const acknowledged = new Set();

  function pass(fn) {
    passing++;
    try {
      return fn();
    } finally {
      passing--;
    }
  }

  function hold(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function inPanel(event) {
    return event.composedPath().some((n) => n.localName === "phi-guard-panel");
  }

  /** Scans text and files; resolves with { disabled } or one combined { verdict, findings, notes }. */
  async function scan(checker, text, files) {
    const reports = [];
    if (text) {
      const reply = await checker.scanText(text);
      if (reply.disabled) return { disabled: true };
      reports.push(reply.report);
    }
    for (const file of files) {
      const files = checker.policy().files || FALLBACK_POLICY.files;
      const limit = Math.min(files.max_bytes, checker.maxFileBytes || Infinity);
      if (file.size > limit) {
        throw new Error(`the file is larger than the ${Math.round(limit / 1048576)} MB this guard checks`);
      }
      const reply = await checker.scanFile(file);
      if (reply.disabled) return { disabled: true };
      reports.push(reply.report);
    }
    const order = ["allow", "warn", "block"];
    const verdict = reports.reduce((v, r) => (order.indexOf(r.verdict) > order.indexOf(v) ? r.verdict : v), "allow");
    // The panel counts every finding; only the text report's offsets are used
    // (to remember values the user chose to share).
    const findings = reports.flatMap((r) => r.findings);
    return { verdict, findings, notes: reports.flatMap((r) => r.notes || []), textReport: text ? reports[0] : null };
  }

  function kindCounts(findings) {
    const kinds = {};
    for (const f of findings) kinds[f.kind] = (kinds[f.kind] || 0) + 1;
    return kinds;
  }


  // ---- the decision ---------------------------------------------------------

  /**
   * Holds one action until it is checked and decided.
   * job: { checker, action, anchor, text, files, deliver(text | null), cancel(), redactable }
   * deliver(null) lets the original through; deliver(text) inserts text instead.
   */
  async function decide(job) {
    const { checker } = job;
    const record = (verdict, decision, findings, reason) => {
      try {
        checker.record({ action: job.action, verdict, decision, kinds: kindCounts(findings), reason_code: reason || null });
      } catch {
        // A record that cannot be kept never stands in the user's way.
      }
    };
    const closeChecking = delay(() => Panel.checking(job.anchor), CHECKING_AFTER_MS);
    let result, error = null;
    try {
      result = await scan(checker, job.text, job.files);
    } catch (e) {
      error = e && e.message ? e.message : String(e);
    } finally {
      closeChecking();
    }
    if (result && result.disabled) return job.deliver(null);
    const policy = checker.policy();

    if (error) {
      const verdict = policy.on_error;
      if (verdict === "allow") {
        job.deliver(null);
        Panel.notice(job.anchor, `PHI Guard could not check this ${Panel.noun(job.action)}: ${error}. Your organisation's policy lets it through.`);
        record("allow", "allowed", []);
        return;
      }
      const { choice, reason } = await Panel.show({ anchor: job.anchor, action: job.action, verdict, error: `${capitalize(error)}.`, findings: [], requireReason: policy.require_justification });
      if (choice === "proceed") job.deliver(null);
      else job.cancel();
      record(verdict, choice === "proceed" ? "proceeded" : verdict === "block" ? "blocked" : "cancelled", [], reason);
      return;
    }

    // On submit, values the user already chose to share are not asked about again.
    const isIdentifier = (f) => !Panel.HEALTH_KINDS.has(f.kind);
    const findings = job.action === "submit" ? result.findings.filter((f) => !acknowledged.has(matched(job.text, f))) : result.findings;
    const allAcknowledged = result.findings.some(isIdentifier) && !findings.some(isIdentifier);
    if (result.verdict === "allow" || allAcknowledged) {
      job.deliver(null);
      // Allowed with findings (health context alone, values already shared,
      // monitor mode) is a decision too, and goes on the record.
      if (findings.length) record(result.verdict, "allowed", findings);
      if (result.notes.length) Panel.notice(job.anchor, `PHI Guard could not check all of this ${Panel.noun(job.action)}: ${result.notes.join(" ")} Your organisation's policy lets it through.`);
      return;
    }

    // A warn or block without identifiers: part of the input could not be
    // inspected (too large, not text); the notes say which, the policy decides.
    const uninspected = !findings.some(isIdentifier) && result.notes.length > 0;
    const canRedact = Boolean(job.redactable && policy.allow_redact && job.text && !job.files.length && !uninspected);
    const { choice, reason } = await Panel.show({
      anchor: job.anchor, action: job.action, verdict: result.verdict, findings, notes: result.notes,
      canRedact, requireReason: policy.require_justification, error: uninspected ? "Part of it could not be checked." : undefined,
    });
    if (choice === "redact") {
      try {
        job.deliver(await checker.redact(job.text));
        record(result.verdict, "redacted", findings);
      } catch (e) {
        // Redaction failed: nothing is inserted, nothing is lost (the user's
        // clipboard still holds the original).
        job.cancel();
        Panel.notice(job.anchor, `PHI Guard could not redact this ${Panel.noun(job.action)}: ${e.message}. Nothing was inserted.`);
        record(result.verdict, "cancelled", findings);
      }
    } else if (choice === "proceed") {
      if (job.text && result.textReport) for (const f of result.textReport.findings) acknowledged.add(matched(job.text, f));
      job.deliver(null);
      record(result.verdict, "proceeded", findings, reason);
    } else {
      job.cancel();
      record(result.verdict, result.verdict === "block" ? "blocked" : "cancelled", findings);
    }
  }

  function matched(text, finding) {
    return text.slice(finding.start, finding.end);
  }

  function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** Runs fn after ms unless the returned function is called first; then undoes it. */
  function delay(fn, ms) {
    let undo = null;
    const timer = setTimeout(() => { undo = fn(); }, ms);
    return () => {
      clearTimeout(timer);
      if (undo) undo();
    };
  }

  // ---- where the content goes back in -------------------------------------

  function editingHost(node) {
    const element = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!element) return null;
    if (element.matches("textarea, input")) return element;
    return element.isContentEditable ? element.closest("[contenteditable]:not([contenteditable=false])") || element : null;
  }

  /** The caret to come back to after the panel took the focus. */
  function saveCaret(target) {
    const doc = target.ownerDocument;
    const sel = doc.getSelection();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
    return () => {
      const host = editingHost(target);
      if (host && doc.activeElement !== host) host.focus({ preventScroll: true });
      if (range && host && !host.matches("textarea, input") && !host.closest(".ProseMirror")) {
        const s = doc.getSelection();
        s.removeAllRanges();
        s.addRange(range);
      }
    };
  }

  /** Inserts text the way typing would (undoable; the page gets input events). */
  function insertText(target, text) {
    const doc = target.ownerDocument;
    pass(() => doc.execCommand("insertText", false, text));
  }

  /**
   * Inserts pasted HTML into a rich-text field no editor script handles, the
   * way the browser's own paste would (undoable), with what a paste never
   * carries removed: scripts, frames, forms, event handlers, script URLs.
   */
  function insertHtml(target, html) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    for (const node of parsed.querySelectorAll("script, style, link, meta, base, iframe, frame, object, embed, template, noscript, form, input, button, textarea, select")) node.remove();
    for (const node of parsed.body.querySelectorAll("*")) {
      for (const { name, value } of [...node.attributes]) {
        if (/^on/i.test(name) || /^\s*(javascript|vbscript):/i.test(value)) node.removeAttribute(name);
      }
    }
    const doc = target.ownerDocument;
    pass(() => doc.execCommand("insertHTML", false, parsed.body.innerHTML));
  }

  function dataTransfer(text, html, files) {
    const dt = new DataTransfer();
    if (text) dt.setData("text/plain", text);
    if (html) dt.setData("text/html", html);
    for (const f of files) dt.items.add(f);
    return dt;
  }

  // ---- paste and drop -------------------------------------------------------

  function htmlToText(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
  }

  // A checked paste whose files could not be handed on (Firefox): the same
  // paste, done again soon, goes straight through.
  let cleared = null;
  const CLEARED_FOR_MS = 120_000;

  function signature(type, text, files) {
    return [type, text.length, ...files.map((f) => `${f.name}|${f.size}|${f.type}|${f.lastModified}`)].join("\n");
  }

  function onPasteOrDrop(event) {
    if (passing || inPanel(event)) return;
    const dt = event.type === "paste" ? event.clipboardData : event.dataTransfer;
    if (!dt) return;
    const files = [...dt.files];
    const html = dt.getData("text/html");
    const text = dt.getData("text/plain") || (html ? htmlToText(html) : "");
    if (!files.length && !text) return;
    const checker = checkerFor(event.target);
    if (!checker) return;
    const seen = signature(event.type, text, files);
    if (cleared && cleared.signature === seen && Date.now() < cleared.until) {
      cleared = null;
      return;
    }
    hold(event);
    const target = event.target;
    const restore = saveCaret(target);
    const point = { clientX: event.clientX, clientY: event.clientY, screenX: event.screenX, screenY: event.screenY };
    decide({
      checker,
      action: event.type === "paste" ? "paste" : "drop",
      anchor: editingHost(target) || target,
      text,
      files,
      redactable: Boolean(editingHost(target)),
      cancel() { restore(); },
      deliver(replacement) {
        restore();
        const into = target.isConnected ? target : target.ownerDocument.activeElement || target;
        const data = replacement === null ? dataTransfer(text, html, files) : dataTransfer(replacement, "", []);
        const init = { bubbles: true, cancelable: true, composed: true };
        const again = event.type === "paste"
          ? new ClipboardEvent("paste", { ...init, clipboardData: data })
          : new DragEvent("drop", { ...init, ...point, dataTransfer: data });
        const content = replacement === null ? text : replacement;
        const carrier = again.clipboardData || again.dataTransfer;
        // Firefox builds synthetic paste events without their data. Text goes
        // in as the browser would have put it (below); files cannot, so the
        // user pastes once more and that paste goes through untouched.
        if (replacement === null && files.length && !(carrier && carrier.files.length === files.length)) {
          cleared = { signature: seen, until: Date.now() + CLEARED_FOR_MS };
          Panel.notice(into, "Checked. Paste again (Ctrl+V) to insert the file: this browser does not let PHI Guard hand pasted files on.");
          return;
        }
        const carried = carrier && carrier.getData("text/plain") === content;
        const handled = carried && !pass(() => into.dispatchEvent(again));
        // No editor took it (a plain field, or Firefox): do what the browser
        // would have done, formatting included.
        const host = handled ? null : editingHost(into);
        if (host && replacement === null && html && host.isContentEditable) insertHtml(into, html);
        else if (host && content) insertText(into, content);
      },
    });
  }

  // ---- file inputs ----------------------------------------------------------

  function onFileInput(event) {
    const input = event.target;
    if (passing || !(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || !input.files.length) return;
    const checker = checkerFor(input);
    if (!checker) return;
    // The page sees neither `input` nor `change` until the files are checked.
    event.stopImmediatePropagation();
    if (event.type !== "change") return;
    decide({
      checker,
      action: "upload",
      anchor: input.isConnected && input.offsetParent ? input : document.activeElement || document.body,
      text: "",
      files: [...input.files],
      redactable: false,
      cancel() { input.value = ""; },
      deliver() {
        pass(() => {
          input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        });
      },
    });
  }

  // ---- submit ---------------------------------------------------------------

  function submitButton(event) {
    const b = event.target.closest && event.target.closest('button, [role="button"], input[type="submit"]');
    if (!b || b.disabled) return null;
    const label = (b.getAttribute("aria-label") || b.value || b.textContent || "").trim();
    return SUBMIT_LABEL.test(label) || SUBMIT_TESTID.test(b.getAttribute("data-testid") || "") ? b : null;
  }

  /** The text of every editor in scope: ProseMirror and other rich editors, textareas, text fields, same-origin frames. */
  function editorText(scope) {
    const parts = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll('textarea, input[type="text"], input:not([type]), [contenteditable]:not([contenteditable="false"]), iframe')) {
        if (node.localName === "iframe") {
          let inner = null;
          try { inner = node.contentDocument; } catch { /* another origin: its own content script guards it */ }
          if (inner && inner.body) visit(inner);
        } else if (node.localName === "textarea" || node.localName === "input") {
          if (node.value && !node.readOnly && !node.disabled) parts.push(node.value);
        } else if (node.isContentEditable && !(node.parentElement && node.parentElement.isContentEditable)) {
          parts.push(node.innerText);
        }
      }
      if (root.body && root.body.isContentEditable) parts.push(root.body.innerText);
    };
    visit(scope);
    return parts.filter((p) => p.trim()).join("\n\n");
  }

  function submitJob(anchor, scope, again) {
    const checker = checkerFor(anchor);
    const text = checker ? editorText(scope) : "";
    if (!text) return null;
    return { checker, action: "submit", anchor, text, files: [], redactable: false, cancel() {}, deliver: () => pass(again) };
  }

  function onClick(event) {
    if (passing || inPanel(event)) return;
    const button = submitButton(event);
    if (!button) return;
    const scope = button.closest("form, [role='dialog']") || button.ownerDocument;
    const job = submitJob(button, scope, () => button.click());
    if (!job) return;
    hold(event);
    decide(job);
  }

  function onKeydown(event) {
    if (passing || inPanel(event) || event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const host = editingHost(event.target);
    if (!host) return;
    const target = event.target;
    const init = { key: event.key, code: event.code, keyCode: event.keyCode, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey, bubbles: true, cancelable: true, composed: true };
    const scope = host.closest("form, [role='dialog']") || host.ownerDocument;
    const job = submitJob(host, scope, () => target.dispatchEvent(new KeyboardEvent("keydown", init)));
    if (!job) return;
    hold(event);
    decide(job);
  }

  function onSubmit(event) {
    if (passing) return;
    const form = event.target;
    const submitter = event.submitter || null;
    const job = submitJob(submitter || form, form, () => form.requestSubmit(submitter));
    if (!job) return;
    hold(event);
    decide(job);
  }

  const LISTENERS = [["paste", onPasteOrDrop], ["drop", onPasteOrDrop], ["input", onFileInput], ["change", onFileInput], ["click", onClick], ["keydown", onKeydown], ["submit", onSubmit]];
  function arm() {
    for (const [type, listener] of LISTENERS) window.addEventListener(type, listener, true);
  }

  /**
   * Starts guarding this window. `options.checkerFor(target)` names the
   * checker for an event's target, or null where nothing is guarded. Once per
   * window; a second call only replaces checkerFor.
   */
  function install(options) {
    const first = checkerFor === NONE;
    checkerFor = options.checkerFor;
    if (!first) return;
    arm();
    // document.open() erases a window's event listeners; iframe editors
    // (TinyMCE in Confluence Data Center) write their document that way. It
    // replaces the document's children, so re-arm when they change (adding a
    // listener that is still there does nothing).
    new MutationObserver(arm).observe(document, { childList: true });
  }

  // Until a checker knows the policy in force, a failure is treated as "warn".
  const FALLBACK_POLICY = Object.freeze({ mode: "warn", on_error: "warn", require_justification: true, allow_redact: true, max_scan_bytes: 20 * 1024 * 1024, files: { max_bytes: 100 * 1024 * 1024 } });

  globalThis.PhiGuardIntercept = { install, FALLBACK_POLICY };
})();
