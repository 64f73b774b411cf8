// The browser end-to-end harness: a fixture server on 127.0.0.1 that plays
// Confluence and Jira Cloud (acme.atlassian.net), Bitbucket (bitbucket.org),
// a self-hosted Confluence Data Center (confluence.acme-dc.test) and an
// unguarded site, and Debian's Chromium with the built extension loaded.
// Chromium's resolver maps those names to the server and every other name to
// nowhere, so the real URL patterns match and nothing can leave the machine.
import { createServer } from "node:http";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const EXTENSION = join(here, "..", "..", "extension", "dist", "chrome");
export const HOSTS = ["acme.atlassian.net", "bitbucket.org", "confluence.acme-dc.test", "jira.unlisted.test"];

// The Atlassian Cloud fixture forbids wasm (and inline script) in the page, as
// Atlassian's CSP does: the extension must not need it there.
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'";

const PAGES = {
  "acme.atlassian.net": { "/wiki/spaces/ENG/pages/1/edit": "confluence.html" },
  "bitbucket.org": { "/acme/ehr/pull-requests/1": "bitbucket.html" },
  "confluence.acme-dc.test": { "/pages/editpage.action": "datacenter.html" },
  // Unguarded; the editor page too, for the benchmark's paste without the guard.
  "jira.unlisted.test": { "/browse/OPS-1": "unlisted.html", "/wiki/spaces/ENG/pages/1/edit": "confluence.html" },
};
const SCRIPTS = ["recorder.js", "bitbucket.js", "datacenter.js"];

/** The fixture ProseMirror editor (the real npm packages), bundled for a classic script tag. */
export async function editorBundle() {
  const bundle = await build({
    entryPoints: [join(here, "fixtures", "prosemirror-editor.js")],
    bundle: true, write: false, format: "iife", nodePaths: [join(here, "..", "node_modules")], logLevel: "error",
  });
  return bundle.outputFiles[0].text;
}

export async function startServer() {
  const files = { "/prosemirror-editor.js": await editorBundle() };
  for (const name of SCRIPTS) files[`/${name}`] = readFileSync(join(here, "fixtures", name), "utf8");
  const requests = [];
  const server = createServer((req, res) => {
    const host = (req.headers.host || "").split(":")[0];
    const path = req.url.split("?")[0];
    requests.push(`${host}${path}`);
    const page = PAGES[host] && PAGES[host][path];
    const headers = host === "acme.atlassian.net" ? { "content-security-policy": STRICT_CSP } : {};
    if (page) {
      res.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
      res.end(readFileSync(join(here, "fixtures", page)));
    } else if (files[path] && PAGES[host]) {
      res.writeHead(200, { ...headers, "content-type": "text/javascript; charset=utf-8" });
      res.end(files[path]);
    } else if (path === "/favicon.ico") {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  const url = (host) => `http://${host}:${port}${Object.keys(PAGES[host])[0]}`;
  return { server, port, url, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Launches Chromium with the extension at `extension` (the Chrome build unless
 * a test gives a copy); `args` are extra command-line switches, `hostRules`
 * extra resolver rules placed before the catch-all (such as "EXCLUDE
 * 127.0.0.1", which lets a test reach a server on that address itself).
 */
export async function launch(port, extension = EXTENSION, { args = [], hostRules = [] } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "phi-guard-e2e-"));
  const rules = [...HOSTS.map((h) => `MAP ${h} 127.0.0.1`), ...hostRules, "MAP * ~NOTFOUND"].join(", ");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    viewport: { width: 1100, height: 760 },
    args: [
      "--no-sandbox", `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      `--host-resolver-rules=${rules}`, `--unsafely-treat-insecure-origin-as-secure=${HOSTS.map((h) => `http://${h}:${port}`).join(",")}`, "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", ...args,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent("serviceworker");
  const extensionId = new URL(worker.url()).host;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Chromium's first read of managed storage waits for its policies (seconds);
  // tests start once the extension can answer.
  await worker.evaluate(() => chrome.storage.managed.get(null));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, close };
}
