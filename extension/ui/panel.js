// PHI Guard's just-in-time panel: what was found, in plain words, and the
// choices the policy allows. Shared by the extension's content script and the
// embeddable editor script (www/). A classic script: it defines
// globalThis.PhiGuardPanel and touches nothing else of the page.
//
// The panel lives in a Shadow DOM so page styles cannot break it, is an
// accessible alertdialog (labelled, described, focus kept inside, Escape
// cancels), and never shows matched text: only the masked previews the core
// produces.
(() => {
  if (globalThis.PhiGuardPanel) return;

  const KIND_WORDS = {
    person_name: ["name", "names"],
    street_address: ["street address", "street addresses"],
    zip_code: ["ZIP code", "ZIP codes"],
    date: ["date", "dates"],
    age_over_89: ["age over 89", "ages over 89"],
    phone: ["phone or fax number", "phone or fax numbers"],
    email: ["email address", "email addresses"],
    ssn: ["Social Security number", "Social Security numbers"],
    mrn: ["medical record number", "medical record numbers"],
    health_plan_id: ["health plan or member ID", "health plan or member IDs"],
    medicare_mbi: ["Medicare number (MBI)", "Medicare numbers (MBI)"],
    account_number: ["account number", "account numbers"],
    license_number: ["licence or certificate number", "licence or certificate numbers"],
    vehicle_id: ["vehicle ID", "vehicle IDs"],
    device_id: ["device ID", "device IDs"],
    url: ["web address with an identifier", "web addresses with identifiers"],
    ip_address: ["IP address", "IP addresses"],
    biometric_id: ["biometric identifier", "biometric identifiers"],
    photo: ["photo", "photos"],
    other_id: ["other identifier", "other identifiers"],
    credit_card: ["payment card number", "payment card numbers"],
    diagnosis_code: ["diagnosis code", "diagnosis codes"],
    procedure_code: ["procedure code", "procedure codes"],
    drug_code: ["drug code", "drug codes"],
    medication: ["medication", "medications"],
    condition: ["condition", "conditions"],
  };
  const HEALTH_KINDS = new Set(["diagnosis_code", "procedure_code", "drug_code", "medication", "condition"]);

  const REASONS = [
    ["test-data", "It is test or synthetic data"],
    ["de-identified", "It is already de-identified"],
    ["authorized", "My role allows it (treatment, payment, operations)"],
    ["other", "Another reason approved by my organisation"],
  ];

  // Words for each action: [noun, verb, redact button, proceed button].
  const ACTIONS = {
    paste: ["paste", "Pasting", "Paste redacted", "Paste anyway"],
    drop: ["drop", "Dropping", "Insert redacted", "Drop anyway"],
    upload: ["file", "Uploading", null, "Upload anyway"],
    submit: ["page", "Saving", null, "Save anyway"],
  };

  const STYLE = `
    :host { all: initial; }
    .panel { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(28rem, calc(100vw - 16px));
      max-height: calc(100vh - 16px); overflow: auto; padding: 16px 18px; border-radius: 8px;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #172b4d;
      background: #fff; border: 1px solid #c1c7d0; border-top: 4px solid #ff991f;
      box-shadow: 0 8px 24px rgba(9, 30, 66, .25); }
    .panel.block, .panel.error { border-top-color: #de350b; }
    .panel.checking { border-top-color: #0052cc; width: auto; }
    h2 { margin: 0 0 6px; font-size: 15px; font-weight: 600; }
    p { margin: 0 0 8px; }
    ul { margin: 0 0 10px; padding-left: 20px; }
    li { margin: 2px 0; }
    .previews { color: #505f79; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
    label { display: block; margin: 6px 0 4px; font-weight: 600; }
    select { width: 100%; font: inherit; padding: 4px; margin-bottom: 8px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 10px; }
    button { font: inherit; padding: 6px 12px; border-radius: 4px; border: 1px solid #c1c7d0; background: #f4f5f7;
      color: #172b4d; cursor: pointer; }
    button.primary { background: #0052cc; border-color: #0052cc; color: #fff; }
    button:disabled { opacity: .55; cursor: not-allowed; }
    button:focus-visible, select:focus-visible { outline: 2px solid #4c9aff; outline-offset: 2px; }
    .fine { margin: 8px 0 0; color: #6b778c; font-size: 12px; }
  `;

  let open = null; // the panel on screen: { host, close(choice) }

  function plural(kind, n) {
    const words = KIND_WORDS[kind] || [kind.replace(/_/g, " "), kind.replace(/_/g, " ")];
    return `${n} ${n === 1 ? words[0] : words[1]}`;
  }

  /** Findings grouped by kind: identifiers first, then health context. */
  function summarize(findings) {
    const byKind = new Map();
    for (const f of findings) {
      const entry = byKind.get(f.kind) || { kind: f.kind, count: 0, previews: [] };
      entry.count += 1;
      if (entry.previews.length < 3 && f.preview && !entry.previews.includes(f.preview)) entry.previews.push(f.preview);
      byKind.set(f.kind, entry);
    }
    const all = [...byKind.values()].sort((a, b) => b.count - a.count);
    return { identifiers: all.filter((e) => !HEALTH_KINDS.has(e.kind)), health: all.filter((e) => HEALTH_KINDS.has(e.kind)) };
  }

  function el(doc, tag, attrs = {}, text) {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Where the panel for an anchor goes: the topmost document of the same
   * origin (an iframe editor can be too small to hold it), with the anchor's
   * box in that document's viewport.
   */
  function surface(anchor) {
    let doc = (anchor && anchor.ownerDocument) || document;
    const r = anchor && anchor.isConnected ? anchor.getBoundingClientRect() : null;
    let box = r && { top: r.top, bottom: r.bottom, left: r.left };
    for (;;) {
      let frame = null;
      try {
        frame = doc.defaultView && doc.defaultView.frameElement;
      } catch {
        // A parent of another origin: the panel stays in this frame.
      }
      if (!frame) break;
      const f = frame.getBoundingClientRect();
      const dx = f.left + frame.clientLeft, dy = f.top + frame.clientTop;
      box = box
        ? { top: Math.max(f.top, box.top + dy), bottom: Math.min(f.bottom, box.bottom + dy), left: box.left + dx }
        : { top: f.top, bottom: f.bottom, left: f.left };
      doc = frame.ownerDocument;
    }
    return { doc, win: doc.defaultView || window, box };
  }

  /** Places the panel below the box (or above it when there is no room), inside the viewport. */
  function place(panel, box, win) {
    const w = panel.offsetWidth, h = panel.offsetHeight;
    const vw = win.innerWidth, vh = win.innerHeight;
    let top = box ? box.bottom + 8 : 24;
    if (box && top + h > vh - 8) top = box.top - h - 8;
    if (top < 8 || top + h > vh - 8) top = Math.max(8, (vh - h) / 2);
    const left = Math.min(Math.max(8, box ? box.left : (vw - w) / 2), Math.max(8, vw - w - 8));
    panel.style.top = `${Math.round(top)}px`;
    panel.style.left = `${Math.round(left)}px`;
  }

  /**
   * Styles the panel with a constructed stylesheet, which a page's CSP
   * (style-src without 'unsafe-inline') does not block, as it blocks a
   * <style> element; where one cannot be adopted (older browsers, Firefox
   * content scripts), with a <style> element.
   */
  function adoptStyle(doc, root) {
    try {
      const sheet = new doc.defaultView.CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      // Fall back to a <style> element.
    }
    root.append(el(doc, "style", {}, STYLE));
  }

  function mount(doc, className) {
    close("cancel");
    const host = el(doc, "phi-guard-panel");
    const root = host.attachShadow({ mode: "open" });
    adoptStyle(doc, root);
    const panel = el(doc, "div", { class: `panel ${className}` });
    root.append(panel);
    // Keys and clicks inside the panel are the panel's: the page's own
    // shortcuts (Escape closes a Jira dialog, Ctrl+Enter saves) must not see them.
    for (const type of ["keydown", "keyup", "keypress", "click", "mousedown", "mouseup", "input", "change"]) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    // Outside <body>: in an iframe editor the body itself is the editable area.
    doc.documentElement.appendChild(host);
    return { host, root, panel };
  }

  function close(choice) {
    if (open) open.close(choice);
  }

  /**
   * Shows the decision panel and resolves with the user's choice:
   * { choice: "redact" | "proceed" | "cancel", reason?: string }.
   *
   * options: { anchor, action: "paste"|"drop"|"upload"|"submit", verdict: "warn"|"block",
   *            findings, notes, error, canRedact, requireReason }
   */
  function show(options) {
    const { doc, win } = surface(options.anchor);
    const [noun, verbing, redactLabel, proceedLabel] = ACTIONS[options.action] || ACTIONS.paste;
    const blocked = options.verdict === "block";
    const { host, panel } = mount(doc, options.error ? "error" : blocked ? "block" : "warn");
    const previousFocus = ((options.anchor && options.anchor.ownerDocument) || doc).activeElement;
    const id = `phi-guard-${Math.random().toString(36).slice(2)}`;
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-modal", "true");
    panel.setAttribute("aria-labelledby", `${id}-title`);
    panel.setAttribute("aria-describedby", `${id}-body`);

    let title;
    if (options.error) title = `PHI Guard could not check this ${noun}`;
    else if (blocked) title = `${verbing} patient information is blocked here`;
    else title = `This ${noun} may contain patient information`;
    panel.append(el(doc, "h2", { id: `${id}-title` }, title));

    const body = el(doc, "div", { id: `${id}-body` });
    if (options.error) body.append(el(doc, "p", {}, options.error));
    const { identifiers, health } = summarize(options.findings || []);
    if (identifiers.length) {
      body.append(el(doc, "p", {}, "PHI Guard found:"));
      const list = el(doc, "ul");
      for (const entry of identifiers) {
        const item = el(doc, "li", {}, plural(entry.kind, entry.count));
        if (entry.previews.length) item.append(" ", el(doc, "span", { class: "previews" }, `(${entry.previews.join(", ")})`));
        list.append(item);
      }
      body.append(list);
    }
    if (health.length) {
      body.append(el(doc, "p", {}, `Health information: ${health.map((e) => plural(e.kind, e.count)).join(", ")}.`));
    }
    for (const note of options.notes || []) body.append(el(doc, "p", {}, note));
    if (blocked && !options.error) body.append(el(doc, "p", {}, "Your organisation's policy does not allow this here."));
    panel.append(body);

    const canRedact = Boolean(redactLabel && options.canRedact && !options.error);
    const canProceed = !blocked;
    let reason = null;
    if (canProceed && options.requireReason) {
      panel.append(el(doc, "label", { for: `${id}-reason` }, "Why is it OK to share this?"));
      reason = el(doc, "select", { id: `${id}-reason`, "aria-required": "true" });
      reason.append(el(doc, "option", { value: "" }, "Choose a reason…"));
      for (const [value, text] of REASONS) reason.append(el(doc, "option", { value }, text));
      panel.append(reason);
    }

    const buttons = el(doc, "div", { class: "buttons" });
    const make = (label, choice, primary) => {
      const b = el(doc, "button", { type: "button", "data-choice": choice, class: primary ? "primary" : "" }, label);
      buttons.append(b);
      return b;
    };
    const redactButton = canRedact ? make(redactLabel, "redact", true) : null;
    const proceedButton = canProceed ? make(proceedLabel, "proceed", !canRedact) : null;
    const cancelButton = make(blocked ? "Close" : "Cancel", "cancel", !canRedact && !canProceed);
    panel.append(buttons);
    panel.append(el(doc, "p", { class: "fine" }, "Checked on this computer; nothing was sent anywhere."));

    if (proceedButton && reason) {
      const sync = () => { proceedButton.disabled = !reason.value; };
      reason.addEventListener("change", sync);
      sync();
    }

    return new Promise((resolve) => {
      const focusables = () => [...panel.querySelectorAll("button:not(:disabled), select")];
      const onKey = (e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          finish("cancel");
        } else if (e.key === "Tab") {
          const items = focusables();
          const at = items.indexOf(host.shadowRoot.activeElement);
          const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : (at + 1) % items.length;
          e.preventDefault();
          items[next].focus();
        }
      };
      panel.addEventListener("keydown", onKey);
      panel.addEventListener("click", (e) => {
        const b = e.target.closest("button[data-choice]");
        if (b && !b.disabled) finish(b.dataset.choice);
      });
      const reposition = () => place(panel, surface(options.anchor).box, win);
      win.addEventListener("resize", reposition);
      function finish(choice) {
        if (open !== state) return;
        open = null;
        win.removeEventListener("resize", reposition);
        host.remove();
        if (previousFocus && previousFocus.isConnected && typeof previousFocus.focus === "function") {
          previousFocus.focus({ preventScroll: true });
        }
        resolve(choice === "proceed" && reason ? { choice, reason: reason.value } : { choice });
      }
      const state = { host, close: finish };
      open = state;
      reposition();
      (redactButton || proceedButton || cancelButton).focus({ preventScroll: true });
    });
  }

  /** A one-line status panel that needs no answer; returns its closer. */
  function status(anchor, className, text) {
    const { doc, win, box } = surface(anchor);
    const { host, panel } = mount(doc, className);
    panel.setAttribute("role", "status");
    panel.append(el(doc, "p", {}, text));
    place(panel, box, win);
    const state = { host, close: () => { if (open === state) open = null; host.remove(); } };
    open = state;
    return state.close;
  }

  /** A small "Checking…" notice for scans that take long enough to notice; returns a closer. */
  function checking(anchor) {
    return status(anchor, "checking", "PHI Guard is checking for patient information…");
  }

  /** A short message that needs no answer (a check failed and the policy let the action through). */
  function notice(anchor, text) {
    setTimeout(status(anchor, "error", text), 6000);
  }

  /** What an action acts on, in the panel's words ("paste", "file", "page"). */
  function noun(action) {
    return (ACTIONS[action] || ACTIONS.paste)[0];
  }

  globalThis.PhiGuardPanel = { show, checking, notice, close, noun, summarize, plural, KIND_WORDS, HEALTH_KINDS };
})();
