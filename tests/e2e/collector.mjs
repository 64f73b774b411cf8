// A local audit collector for the browser tests: an HTTPS server on
// 127.0.0.1, in its own process, with a self-signed certificate made at test
// time. It takes both wire formats of background/audit.js ("json":
// {"events": [...]}; "splunk_hec": newline-separated HEC objects), keeps every
// request it saw (reported to the test over IPC as it arrives), and stores
// the events it accepts in a JSON Lines file, dropping an event whose hash it
// already has: the idempotency a real collector needs after a request that
// timed out on the client's side but was processed here. The store outlives
// the process, so a collector stopped and started again keeps it.
//
// The test steers it: plan([{ status, delayMs }, ...]) answers the next
// requests that way (default: 200 at once); stop() kills the process, so the
// port refuses connections until a new collector listens there.
//
// Run by startCollector() as `node collector.mjs serve` (with an IPC channel).
import { execFileSync, fork } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SELF = fileURLToPath(import.meta.url);

/**
 * A self-signed P-256 certificate for 127.0.0.1 in `dir`: { cert, key } (paths)
 * and spki, the base64 SHA-256 of its public key, which Chromium's
 * --ignore-certificate-errors-spki-list takes.
 */
export function certificate(dir) {
  const cert = join(dir, "collector-cert.pem");
  const key = join(dir, "collector-key.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
  ], { stdio: "ignore" });
  const der = new X509Certificate(readFileSync(cert)).publicKey.export({ type: "spki", format: "der" });
  return { cert, key, spki: createHash("sha256").update(der).digest("base64") };
}

/** A port nothing listens on (yet). */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The audit events in a request's body, in either format; HEC wrappers unwrapped. */
export function eventsOf(body) {
  const trimmed = body.trim();
  if (!trimmed) return [];
  const first = JSON.parse(trimmed.split("\n")[0]);
  if (Array.isArray(first.events)) return JSON.parse(trimmed).events;
  return trimmed.split("\n").map((line) => JSON.parse(line).event);
}

/**
 * Starts a collector process on `port` (0: any) with the certificate, storing
 * accepted events in `store`. Resolves to { port, url, requests, plan(steps),
 * accepted(), stop() }; `requests` fills as requests arrive:
 * { at, method, path, headers, body }.
 */
export async function startCollector({ port = 0, cert, key, store, requests = [] }) {
  const child = fork(SELF, ["serve"], {
    env: { ...process.env, COLLECTOR_PORT: String(port), COLLECTOR_CERT: cert, COLLECTOR_KEY: key, COLLECTOR_STORE: store },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const listening = await new Promise((resolve, reject) => {
    child.on("message", (m) => {
      if (m.type === "listening") resolve(m.port);
      else if (m.type === "request") requests.push(m.request);
    });
    child.once("exit", (code) => reject(new Error(`the collector exited (${code})`)));
  });
  return {
    port: listening,
    url: `https://127.0.0.1:${listening}/audit`,
    requests,
    plan: (steps) => new Promise((resolve) => {
      const planned = (m) => {
        if (m.type !== "planned") return;
        child.off("message", planned);
        resolve();
      };
      child.on("message", planned);
      child.send({ type: "plan", steps });
    }),
    accepted: () => (existsSync(store) ? readFileSync(store, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : []),
    stop: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

// ---- the collector process ----------------------------------------------------------------

function serve() {
  const store = process.env.COLLECTOR_STORE;
  const seen = new Set(existsSync(store) ? readFileSync(store, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).hash) : []);
  let plan = [];
  process.on("message", (m) => {
    if (m.type === "plan") {
      plan = m.steps.slice();
      process.send({ type: "planned" });
    }
  });
  const server = createHttpsServer({ cert: readFileSync(process.env.COLLECTOR_CERT), key: readFileSync(process.env.COLLECTOR_KEY) }, (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const { authorization = null, "content-type": contentType = null } = req.headers;
      process.send({ type: "request", request: { at: Date.now(), method: req.method, path: req.url, headers: { authorization, "content-type": contentType }, body } });
      const step = plan.shift() || { status: 200 };
      if (step.status === 200) {
        // Accepted: processed (stored, duplicates dropped by hash) before the answer, however late that answer is.
        let events = [];
        try {
          events = eventsOf(body);
        } catch {
          res.writeHead(400).end();
          return;
        }
        for (const event of events) {
          if (!event || typeof event.hash !== "string" || seen.has(event.hash)) continue;
          seen.add(event.hash);
          appendFileSync(store, `${JSON.stringify(event)}\n`);
        }
      }
      const answer = () => {
        if (res.destroyed) return;
        const splunk = (authorization || "").startsWith("Splunk ");
        res.writeHead(step.status, { "content-type": "application/json" });
        res.end(JSON.stringify(step.status === 200 ? (splunk ? { text: "Success", code: 0 } : { ok: true }) : { error: `planned ${step.status}` }));
      };
      if (step.delayMs) setTimeout(answer, step.delayMs);
      else answer();
    });
  });
  server.listen(Number(process.env.COLLECTOR_PORT), "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
}

if (process.argv[2] === "serve" && process.send) serve();
