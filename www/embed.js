// PHI Guard embeddable editor script: the extension's interception and panel
// (extension/ui/intercept.js, extension/ui/panel.js) with the wasm core
// running in the page, for pages the extension does not reach (a Confluence
// Data Center editor plugin, an HTML macro, an internal web app).
//
// `make www` bundles panel.js, intercept.js, the classic wasm glue and this
// file into www/dist/phi-guard-embed.js, next to www/dist/phi-guard.wasm.
//
//   <script src="/phi-guard/phi-guard-embed.js" data-policy='{"mode":"warn"}'></script>
//
// guards every textarea, text field and contenteditable of the page, and ones
// added later (the listeners sit on the window). Attributes of the tag:
//   data-policy  the policy (CONTRACTS.md section 4) as JSON; defaults if absent
//   data-auto    "off": guard only what PhiGuard.attach() names
//   data-wasm    where phi-guard.wasm is, if not beside the script
//   data-files-wasm  where phi-guard-files.wasm (the attachment readers, fetched
//                on the first file) is, if not beside the script
// A page that cannot set attributes on the tag (a bundler, a batching plugin
// system) can set globalThis.PhiGuardConfig = { policy, auto, wasm } before it.
// API: PhiGuard.attach(element, policy) guards that element's subtree with its
// own policy and resolves once ready (rejects, naming the field, on a bad
// policy; the element is then guarded with the defaults, never left open);
// PhiGuard.detach(element); PhiGuard.ready. Each decision is dispatched on the
// document as a content-free "phi-guard:decision" event (action, verdict,
// decision, kind counts, reason code) for the host page's audit trail.
(() => {
  if (globalThis.PhiGuard && globalThis.PhiGuard.attach) return;
  const core = globalThis.phiGuard; // the classic glue, bundled above
  const script = document.currentScript;
  const config = globalThis.PhiGuardConfig || {};
  const option = (name) => (script && script.getAttribute(`data-${name}`)) ?? config[name] ?? null;
  const base = script && script.src ? script.src : location.href;
  const wasmUrl = new URL(option("wasm") || "phi-guard.wasm", base);
  // The attachment readers: a second module, fetched on the first file.
  const filesUrl = new URL(option("files-wasm") || "phi-guard-files.wasm", base);

  const { FALLBACK_POLICY } = globalThis.PhiGuardIntercept;
  let loading = null;
  const load = () => (loading ||= core.init({ module_or_path: wasmUrl, files: false }));

  /** A checker over the in-page core; `policy` is the admin's document. */
  function checker(policy) {
    let guard = null;
    const ready = (async () => {
      await load();
      try {
        guard = new core.PhiGuard(policy);
      } catch (e) {
        guard = new core.PhiGuard({}); // a bad policy falls back to the defaults, never to off
        throw e;
      }
    })();
    // The guard once ready; the load's error if the core could not load. A
    // guard an internal error stopped says so itself when asked to scan.
    const live = async () => {
      await ready.catch((e) => {
        if (!guard) throw e;
      });
      return guard;
    };
    return {
      ready,
      policy: () => (guard && guard.usable ? guard.policy : FALLBACK_POLICY),
      scanText: async (text) => ({ report: (await live()).scanText(text) }),
      scanFile: async (file) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const guard = await live();
        await core.loadFiles({ module_or_path: filesUrl });
        return { report: guard.scanFile(file.name || "file", bytes) };
      },
      redact: async (text) => {
        const g = await live();
        if (!g.policy.allow_redact) throw new Error("the policy does not allow redaction");
        return g.redact(text, { style: "label" });
      },
      record: (decision) => document.dispatchEvent(new CustomEvent("phi-guard:decision", { detail: { ...decision, site: location.host } })),
    };
  }

  const attached = new Map(); // element -> checker
  let page = null;

  function checkerFor(target) {
    for (let node = target; node; node = node.parentNode || node.host) {
      const found = attached.get(node);
      if (found) return found;
    }
    return page;
  }

  function attach(element, policy) {
    if (!element || typeof element !== "object" || !("nodeType" in element)) {
      return Promise.reject(new TypeError("PhiGuard.attach: the first argument must be an element"));
    }
    const c = checker(policy || {});
    attached.set(element, c);
    return c.ready.then(() => undefined);
  }

  function detach(element) {
    attached.delete(element);
  }

  function pagePolicy() {
    const text = option("policy");
    if (!text) return {};
    if (typeof text === "object") return text;
    try {
      return JSON.parse(text);
    } catch {
      console.error("PHI Guard: data-policy is not valid JSON; the default policy is in use.");
      return {};
    }
  }

  let ready = Promise.resolve();
  if (option("auto") !== "off") {
    page = checker(pagePolicy());
    ready = page.ready.catch((e) => console.error(`PHI Guard: ${e.message}; the default policy is in use.`));
  }
  globalThis.PhiGuardIntercept.install({ checkerFor });
  globalThis.PhiGuard = { attach, detach, ready };
})();
