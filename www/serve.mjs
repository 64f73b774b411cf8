#!/usr/bin/env node
// A static file server for the playground (this folder), with no dependencies.
//   node www/serve.mjs [--port 8080] [--host 127.0.0.1]
// Every response carries a strict Content-Security-Policy: the page runs its own
// scripts and the wasm module, and can reach nothing but its own origin.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL(".", import.meta.url));

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

const HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

function send(res, status, message) {
  res.writeHead(status, { ...HEADERS, "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(message) });
  res.end(message);
}

/** The file under `root` that `urlPath` names, or null when it would leave `root` or is malformed. */
export function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\") || !path.startsWith("/")) return null;
  if (path.split("/").some((part) => part === "..")) return null;
  if (path.endsWith("/")) path += "index.html";
  const base = resolve(root);
  const file = resolve(join(base, path));
  return file.startsWith(base + sep) ? file : null;
}

async function handle(root, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "method not allowed\n");
  }
  const file = resolvePath(root, req.url || "/");
  if (!file) return send(res, 400, "bad path\n");
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) return send(res, 404, "not found\n");
  res.writeHead(200, {
    ...HEADERS,
    "content-type": TYPES[extname(file).toLowerCase()] || "application/octet-stream",
    "content-length": info.size,
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).on("error", () => res.destroy()).pipe(res);
}

/** Starts the server; port 0 picks a free one. */
export async function serve({ port = 8080, host = "127.0.0.1", root = ROOT } = {}) {
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error\n");
      else res.destroy();
    });
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address();
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}/`;
  const close = () => new Promise((ok) => {
    server.closeAllConnections?.();
    server.close(() => ok());
  });
  return { server, url, close };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--port") options.port = Number(value());
    else if (flag === "--host") options.host = value();
    else if (flag === "-h" || flag === "--help") {
      console.log("usage: node www/serve.mjs [--port 8080] [--host 127.0.0.1]");
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port < 65536)) {
    console.error("serve.mjs: --port needs a number from 0 to 65535");
    process.exit(2);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { url } = await serve(parseArgs(process.argv.slice(2))).catch((error) => {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(1);
  });
  console.log(`PHI Guard playground: ${url}`);
}
