// The browser end-to-end harness: a fixture server on 127.0.0.1 that plays
// Confluence and Jira Cloud (acme.atlassian.net), Bitbucket (bitbucket.org),
// a self-hosted Confluence Data Center (confluence.acme-dc.test) and an
// unguarded site, and Debian's Chromium with the built extension loaded.
// Chromium's resolver maps those names to the server and every other name to
// nowhere, so the real URL patterns match and nothing can leave the machine.
import { createServer } from "node:http";
import { accessSync, constants, mkdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import assert from "node:assert/strict";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const EXTENSION = join(here, "..", "..", "extension", "dist", "chrome");
export const HOSTS = ["acme.atlassian.net", "bitbucket.org", "confluence.acme-dc.test", "jira.unlisted.test"];
/** The version every package carries, from Cargo.toml. */
export const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(here, "..", "..", "Cargo.toml"), "utf8"))[1];
/** The Chromium the tests drive: Debian's, or the one $CHROMIUM names. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
/** Where Debian's Chromium reads machine policy. */
export const CHROMIUM_POLICY_DIR = "/etc/chromium/policies/managed";

/**
 * `false` when this user may write Chromium's machine policy (set-up as root
 * can), else why a test that needs it is skipped.
 */
export function policySkip() {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return false;
  } catch {
    return `needs write access to ${CHROMIUM_POLICY_DIR} (run as root, as make test's set-up does)`;
  }
}

/** The entries of a zip, read from its central directory: name -> contents (sizes checked). */
export function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, "central directory entry");
    const method = bytes.readUInt16LE(at + 10);
    const packedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const packed = bytes.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    assert.equal(data.length, size, `${name}: size`);
    entries.set(name, data);
    at += 46 + nameLength + extra;
  }
  return entries;
}

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
  const rules = [...HOSTS.map((h) => `MAP ${h} 127.0.0.1`), ...hostRules, "MAP * ~NOTFOUND"].join(", ");
  const profile = mkdtempSync(join(tmpdir(), "phi-guard-e2e-"));
  const context = await started(() => chromium.launchPersistentContext(mkdtempSync(join(profile, "try-")), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    viewport: { width: 1100, height: 760 },
    args: [
      "--no-sandbox", `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      `--host-resolver-rules=${rules}`, `--unsafely-treat-insecure-origin-as-secure=${HOSTS.map((h) => `http://${h}:${port}`).join(",")}`, "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", ...args,
    ],
  }));
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

/**
 * Runs `launch` (a browser's start) again, three tries in all, when the
 * browser dies while starting: Debian's Chromium in a container now and then
 * crashes (SIGSEGV) before its first page, which says nothing about the code
 * under test. Any other error, or a third crash, fails the test.
 */
export async function started(launch) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch();
    } catch (error) {
      if (attempt === 3 || !/has been closed|signal=SIG/.test(error?.message ?? "")) throw error;
      console.error(`# Chromium died while starting (try ${attempt} of 3); starting it again`);
    }
  }
}

/** The extension's running service workers, as the DevTools protocol session `cdp` lists them. */
export async function workers(cdp, extensionId) {
  return (await cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.includes(extensionId));
}

/** Stops the extension's service worker, as the browser does after 30 idle seconds. */
export async function stopWorker(page, cdp, extensionId) {
  const [worker] = await workers(cdp, extensionId);
  await cdp.send("Target.closeTarget", { targetId: worker.targetId });
  for (let i = 0; i < 50 && (await workers(cdp, extensionId)).length; i++) await page.waitForTimeout(50);
  assert.equal((await workers(cdp, extensionId)).length, 0, "the worker is stopped");
}
