// `make bench`, extension part: how long a clean paste is held before it
// reaches the editor, in Debian's headless Chromium with the built extension
// (content script -> background wasm scan -> re-delivery), on the fixture
// Confluence page's ProseMirror editor. Prints numbers; asserts nothing.
import { startServer, launch, stopWorker } from "../e2e/harness.mjs";

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];

/** Clean log lines (timestamps, thread names, ticket keys), about `size` bytes. */
function cleanText(size) {
  let out = "";
  for (let i = 0; out.length < size; i++) {
    out += `2026-11-20 10:${String(i % 60).padStart(2, "0")}:32,114 INFO [http-nio-8443-exec-${i % 32}] c.a.ehr.EncounterService - batch ${i} done in ${(i * 37) % 900} ms, see EHR-${4000 + (i % 900)}\n`;
  }
  return out.slice(0, size);
}

const server = await startServer();
const browser = await launch(server.port);
/**
 * Median ms from Ctrl+V until the page's ProseMirror editor holds a clean
 * paste of `size` bytes; `before` runs before each paste, before the click
 * that focuses the editor, and `focused` after it.
 */
async function pasteTime(page, size, { runs = 15, before = async () => {}, focused = async () => {} } = {}) {
  const text = cleanText(size);
  const times = [];
  for (let run = 0; run < runs; run++) {
    await before();
    await page.evaluate(() => { const v = window.pm.view; v.dispatch(v.state.tr.delete(0, v.state.doc.content.size)); });
    await page.click("#ak-editor-textarea");
    await focused();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    // Timed in the page: from the Ctrl+V keydown (the paste event follows it
    // at once) to the editor's DOM holding the text.
    await page.evaluate(() => {
      window.pasteTime = new Promise((resolve) => {
        let start = 0;
        addEventListener("keydown", () => { start = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (window.pm.text().length > 0) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(window.pm.view.dom, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.keyboard.press("Control+V");
    times.push(await page.evaluate(() => window.pasteTime));
  }
  return median(times);
}

try {
  const guarded = await browser.context.newPage();
  await guarded.goto(server.url("acme.atlassian.net"));
  // The same editor on a site the extension does not guard: the paste alone.
  const bare = await browser.context.newPage();
  await bare.goto(server.url("acme.atlassian.net").replace("acme.atlassian.net", "jira.unlisted.test"));
  console.log("PHI Guard extension benchmark (headless Chromium; a clean paste, from Ctrl+V until ProseMirror holds it)");
  for (const size of [1024, 10 * 1024, 100 * 1024]) {
    const withGuard = await pasteTime(guarded, size);
    const without = await pasteTime(bare, size);
    console.log(`  ${String(size / 1024).padStart(4)} KB paste   ${withGuard.toFixed(1).padStart(7)} ms guarded, ${without.toFixed(1).padStart(6)} ms unguarded (the guard adds ${(withGuard - without).toFixed(1)} ms)`);
  }
  // The browser stops an extension's service worker after 30 s idle; the
  // next paste waits for it to start again and load the wasm module.
  const cdp = await browser.context.newCDPSession(guarded);
  const stop = () => stopWorker(guarded, cdp, browser.extensionId);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // Stopped while the editor had the focus: the paste itself starts the worker.
  const cold = await pasteTime(guarded, 1024, { runs: 7, focused: stop });
  console.log(`     1 KB paste   ${cold.toFixed(1).padStart(7)} ms guarded, on a stopped worker (it starts and loads the wasm module first)`);
  // Stopped, then the editor focused half a second before the paste: the
  // focus wakes the worker (content/guard.js, after 2 s without a message).
  const blur = () => guarded.evaluate(() => document.activeElement && document.activeElement.blur());
  const wake = { runs: 7, before: async () => { await sleep(2100); await stop(); await blur(); }, focused: () => sleep(500) };
  const woken = await pasteTime(guarded, 1024, wake);
  console.log(`     1 KB paste   ${woken.toFixed(1).padStart(7)} ms guarded, on a stopped worker, the editor focused 0.5 s before`);
  const wokenLarge = await pasteTime(guarded, 100 * 1024, wake);
  console.log(`   100 KB paste   ${wokenLarge.toFixed(1).padStart(7)} ms guarded, on a stopped worker, the editor focused 0.5 s before`);
} finally {
  await browser.close();
  await server.close();
}
