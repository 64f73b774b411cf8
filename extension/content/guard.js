// PHI Guard content script: guards this frame with the shared interception
// (ui/intercept.js) and the panel (ui/panel.js); the checker asks the
// background, where the detector runs. It never runs here: pages' CSP forbids
// wasm in content scripts. File bytes travel as base64, since Chrome's runtime
// messages are JSON.
(() => {
  if (globalThis.__phiGuardContent) return;
  globalThis.__phiGuardContent = true;

  const api = globalThis.chrome;
  const SCAN_TIMEOUT_MS = 60_000;

  // The policy's answers the page needs without asking, refreshed by every reply.
  let policy = globalThis.PhiGuardIntercept.FALLBACK_POLICY;

  // When this frame last sent the background a message (see wake below).
  let lastContact = 0;

  function send(message) {
    lastContact = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the check took too long")), SCAN_TIMEOUT_MS);
      try {
        api.runtime.sendMessage(message, (reply) => {
          clearTimeout(timer);
          const failure = api.runtime.lastError;
          if (failure || !reply) reject(new Error("the PHI Guard extension did not answer"));
          else if (!reply.ok) reject(new Error(reply.error || "the check failed"));
          else {
            if (reply.policy) policy = reply.policy;
            resolve(reply);
          }
        });
      } catch {
        clearTimeout(timer);
        reject(new Error("the PHI Guard extension was updated or disabled; reload the page"));
      }
    });
  }

  function toBase64(bytes) {
    let out = "";
    for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(out);
  }

  const background = {
    policy: () => policy,
    // Chrome caps a runtime message at 64 MiB, and base64 adds a third.
    maxFileBytes: 40 * 1024 * 1024,
    scanText: (text) => send({ type: "scan-text", text }),
    scanFile: async (file) => send({ type: "scan-file", name: file.name || "file", base64: toBase64(new Uint8Array(await file.arrayBuffer())) }),
    redact: async (text) => (await send({ type: "redact", text })).text,
    record: (decision) => { send({ type: "decision", ...decision }).catch(() => {}); },
  };

  globalThis.PhiGuardIntercept.install({ checkerFor: () => background });

  // The browser stops the background after 30 idle seconds, and starting it
  // again (the core's load, its dictionaries) holds the next paste for about
  // a tenth of a second. An editor getting the focus, or the window coming
  // back with one focused (after a copy in another window), wakes it, so it
  // is ready by the time the user pastes: at most one message per 2 seconds.
  function wake(event) {
    const target = event.target instanceof Element ? event.target : document.activeElement;
    if (!target || !(target.isContentEditable || target.matches("textarea, input"))) return;
    if (Date.now() - lastContact < 2000) return;
    send({ type: "warm" }).catch(() => {});
  }
  addEventListener("focusin", wake, true);
  addEventListener("focus", wake);
})();
