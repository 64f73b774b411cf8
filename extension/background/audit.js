// The audit trail (CONTRACTS.md section 6): one content-free event per
// decision, appended to a hash-chained log in storage.local and, when the
// policy names an `audit.endpoint`, sent to the admin's collector.
//
// The background creates the log (createAuditLog) and is its only writer; the
// options page reads it (readLog, verifyLog, toJsonLines). Nothing here runs
// at import, so a page can import it without side effects.
//
// Storage (chrome.storage.local):
//   "audit:meta"       { first, next, anchor, head, sent, failures, error, delivered }
//                      first..next-1 are the sequence numbers of the kept events;
//                      anchor is the `prev` the first kept event must have (64
//                      zeros until something is pruned, then the hash of the last
//                      pruned event); head is the hash of the last event written;
//                      sent is the outbox cursor: the first event the collector
//                      has not acknowledged with a 2xx.
//   "audit:event:<n>"  one event (storage sorts its keys; readers put them back
//                      in the contract's order).
// An event and the meta that counts it are written in one storage call.
//
// Hash: lowercase hex SHA-256 of the UTF-8 bytes of canonical(event), which is
// JSON.stringify of the event's fields in the contract's order (ts, site,
// product, action, verdict, kinds, decision, reason_code, prev), `hash` left
// out, `kinds` with its keys in ascending order, no whitespace.
//
// Collector: batches of up to 50 events, in order; the cursor moves only
// after a 2xx. A retried batch may reach a collector that already processed
// it (a timeout after success): each event's `hash` is its idempotency key.
// Network errors, timeouts, 5xx, 408 and 429 retry after 1 s, doubling to 5
// minutes; other 4xx keep the events and retry every 5 minutes, or at once
// when the policy changes.

export const FIELDS = ["ts", "site", "product", "action", "verdict", "kinds", "decision", "reason_code", "prev", "hash"];
export const GENESIS = "0".repeat(64);
export const META_KEY = "audit:meta";
export const eventKey = (n) => `audit:event:${n}`;

const ALARM = "phi-guard-audit-flush";
const BATCH = 50; // events per POST
const TIMEOUT_MS = 10_000; // a request slower than this is aborted and retried
const BACKOFF_MS = 1_000; // first retry; doubles on each failure
const BACKOFF_CAP_MS = 5 * 60_000; // longest wait between attempts, and the wait after a permanent (4xx) error
const ALARM_MIN_MS = 30_000; // Chrome's shortest alarm for a packed extension
const WATCHDOG_MS = 60_000; // an alarm set before each send, so a worker stopped mid-request resumes
const SPLUNK_SOURCETYPE = "phi-guard:audit";

const EMPTY_META = { first: 0, next: 0, anchor: GENESIS, head: GENESIS, sent: 0, failures: 0, error: null, delivered: null };

// ---- the event and its hash --------------------------------------------------------------

const KIND_ID = /^[a-z][a-z0-9_]{0,39}$/;
const REASON_CODE = /^[a-z][a-z0-9-]{0,39}$/;

function sortedKinds(kinds) {
  const out = {};
  for (const key of Object.keys(kinds).sort()) out[key] = kinds[key];
  return out;
}

/** The bytes an event's hash covers, as a string: see the header. */
export function canonical(event) {
  const { ts, site, product, action, verdict, kinds, decision, reason_code, prev } = event;
  return JSON.stringify({ ts, site, product, action, verdict, kinds: sortedKinds(kinds || {}), decision, reason_code, prev });
}

export async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const hashOf = (event) => sha256Hex(canonical(event));

/** Seconds precision, as in the contract's example: "2026-11-23T10:00:00Z". */
function timestamp(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The content-free fields of a decision. Only kind ids (lowercase words) and
 * reason codes from the panel's list can pass; anything else is dropped or
 * becomes "other", so no text can ride along even from a confused sender.
 */
function eventFields(decision, ms) {
  const kinds = {};
  for (const [kind, n] of Object.entries(decision.kinds || {})) {
    if (KIND_ID.test(kind) && Number.isInteger(n) && n >= 0) kinds[kind] = n;
  }
  const reason = decision.reason_code;
  return {
    ts: timestamp(ms),
    site: String(decision.site || ""),
    product: String(decision.product || "unknown"),
    action: decision.action,
    verdict: decision.verdict,
    kinds: sortedKinds(kinds),
    decision: decision.decision,
    reason_code: reason == null ? null : REASON_CODE.test(reason) ? reason : "other",
  };
}

// ---- reading and verifying (the options page) -----------------------------------------------

/**
 * An event as stored, with its fields back in the contract's order (storage
 * keeps an object's keys sorted); fields outside the contract stay, last, so
 * that verification sees them.
 */
export function ordered(event) {
  if (!event || typeof event !== "object") return null;
  const out = {};
  for (const f of FIELDS) if (Object.hasOwn(event, f)) out[f] = event[f];
  for (const [k, v] of Object.entries(event)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

/** The kept log from one consistent read: { meta, events } (a missing event is null). */
export async function readLog(storage = chrome.storage.local) {
  const all = await storage.get(null);
  const meta = { ...EMPTY_META, ...(all[META_KEY] || {}) };
  const events = [];
  for (let n = meta.first; n < meta.next; n++) events.push(ordered(all[eventKey(n)]));
  return { meta, events };
}

/**
 * Recomputes the chain: { ok: true, count } or { ok: false, count, index, problem }
 * with the 0-based index of the first event that does not hold.
 */
export async function verifyLog({ meta, events }) {
  let prev = meta.anchor;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const broken = (problem) => ({ ok: false, count: events.length, index: i, problem });
    if (!e) return broken("it is missing");
    const keys = Object.keys(e);
    if (keys.length !== FIELDS.length || !FIELDS.every((f) => keys.includes(f))) return broken("its fields are not the contract's");
    if (e.prev !== prev) return broken("its prev is not the hash of the event before it");
    if ((await hashOf(e)) !== e.hash) return broken("its content does not match its hash");
    prev = e.hash;
  }
  if (prev !== meta.head) {
    return { ok: false, count: events.length, index: events.length, problem: "events after it are missing (the log ends before the last event written)" };
  }
  return { ok: true, count: events.length };
}

/** The export: one event per line, fields in the contract's order. */
export function toJsonLines(events) {
  return events.map((e) => `${JSON.stringify(e)}\n`).join("");
}

// ---- the collector's wire formats -------------------------------------------------------------

/**
 * One POST: "json" is {"events": [...]} as application/json with
 * `Authorization: Bearer <token>`; "splunk_hec" is HEC's event protocol,
 * newline-separated {"time", "source", "sourcetype", "event"} objects with
 * `Authorization: Splunk <token>`.
 */
export function requestFor(audit, events) {
  const headers = { "content-type": "application/json" };
  if (audit.format === "splunk_hec") {
    if (audit.token) headers.authorization = `Splunk ${audit.token}`;
    const body = events.map((event) => JSON.stringify({ time: Date.parse(event.ts) / 1000, source: "phi-guard", sourcetype: SPLUNK_SOURCETYPE, event })).join("\n");
    return { headers, body };
  }
  if (audit.token) headers.authorization = `Bearer ${audit.token}`;
  return { headers, body: JSON.stringify({ events }) };
}

function httpsEndpoint(audit) {
  const url = audit && typeof audit.endpoint === "string" ? audit.endpoint : "";
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

// ---- the writer (the background) -----------------------------------------------------------------

/**
 * The background's audit log. `policy()` resolves to the policy in force.
 * Returns { record(decision), flush(), policyChanged(), onAlarm(alarm) }.
 */
export function createAuditLog({ policy, storage = chrome.storage.local, alarms = chrome.alarms, fetchImpl = (...a) => fetch(...a) }) {
  // Every storage change of the log runs in this chain, one after another,
  // so concurrent decisions are neither lost nor reordered.
  let chain = Promise.resolve();
  const serial = (fn) => {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  };
  const readMeta = async () => ({ ...EMPTY_META, ...((await storage.get(META_KEY))[META_KEY] || {}) });

  /**
   * Drops what retention allows: older than max_age_days, beyond max_events
   * (all of them when audit.local is false), oldest first, but never an event
   * the collector has yet to acknowledge. The anchor becomes the hash of the
   * last event dropped.
   */
  async function prune(meta, audit, endpoint) {
    const limit = audit.local ? audit.max_events : 0;
    const keep = endpoint ? meta.sent : meta.next; // the first event that must stay
    let first = Math.min(keep, Math.max(meta.first, meta.next - limit));
    const cutoff = timestamp(Date.now() - audit.max_age_days * 86_400_000);
    while (first < keep) {
      const n = Math.min(keep, first + 32);
      const keys = Array.from({ length: n - first }, (_, i) => eventKey(first + i));
      const got = await storage.get(keys);
      const young = keys.findIndex((k) => got[k] && got[k].ts >= cutoff);
      if (young >= 0) {
        first += young;
        break;
      }
      first = n;
    }
    if (first <= meta.first) return meta;
    const last = (await storage.get(eventKey(first - 1)))[eventKey(first - 1)];
    const dropped = Array.from({ length: first - meta.first }, (_, i) => eventKey(meta.first + i));
    const next = { ...meta, first, anchor: last ? last.hash : "" };
    await storage.set({ [META_KEY]: next }); // the meta first: a crash in between leaves only unreferenced keys
    await storage.remove(dropped);
    return next;
  }

  /** Appends one decision; resolves to the event, or null when the policy keeps none. */
  async function append(decision) {
    const { audit } = await policy();
    const endpoint = httpsEndpoint(audit);
    if (!audit.local && !endpoint) return null;
    return serial(async () => {
      const meta = await readMeta();
      const event = { ...eventFields(decision, Date.now()), prev: meta.head };
      event.hash = await hashOf(event);
      const n = meta.next;
      const next = { ...meta, next: n + 1, head: event.hash };
      // Without a collector, nothing waits to be sent: the cursor follows the end.
      if (!endpoint) next.sent = next.next;
      await storage.set({ [eventKey(n)]: event, [META_KEY]: next });
      await prune(next, audit, endpoint);
      return event;
    });
  }

  // ---- the outbox ----

  let flushing = false;
  let again = false;
  let timer = null;

  const setAlarm = (ms) => Promise.resolve(alarms.create(ALARM, { when: Date.now() + ms })).catch(() => {});

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(() => flush(), ms);
    // A stopped worker loses its timers; the alarm wakes it up again.
    setAlarm(Math.max(ms, ALARM_MIN_MS));
  }

  function idle() {
    clearTimeout(timer);
    timer = null;
    Promise.resolve(alarms.clear(ALARM)).catch(() => {});
  }

  /**
   * The next batch to send, or []. Retention runs first, so it also applies
   * when no decision comes for a while (every start of the worker flushes).
   * Without an endpoint the cursor catches up with the end of the log.
   */
  function pending(audit, endpoint) {
    return serial(async () => {
      let meta = await readMeta();
      if (!endpoint && meta.sent !== meta.next) {
        meta = { ...meta, sent: meta.next };
        await storage.set({ [META_KEY]: meta });
      }
      meta = await prune(meta, audit, endpoint);
      if (!endpoint) return [];
      const start = Math.max(meta.sent, meta.first);
      const keys = Array.from({ length: Math.min(BATCH, meta.next - start) }, (_, i) => eventKey(start + i));
      const got = keys.length ? await storage.get(keys) : {};
      // An event deleted from storage behind the extension's back is skipped:
      // the collector then sees the gap in the chain.
      const events = keys.filter((key) => got[key]).map((key) => ordered(got[key]));
      return keys.length ? [{ start, count: keys.length, events }] : [];
    });
  }

  /** After a 2xx: the cursor moves past the batch, and retention may drop it. */
  function acknowledge(audit, endpoint, start, count) {
    return serial(async () => {
      const meta = await readMeta();
      if (meta.sent > start + count) return;
      const next = { ...meta, sent: start + count, failures: 0, error: null, delivered: new Date().toISOString() };
      await storage.set({ [META_KEY]: next });
      await prune(next, audit, endpoint);
    });
  }

  function noteFailure(message) {
    return serial(async () => {
      const meta = await readMeta();
      const next = { ...meta, failures: meta.failures + 1, error: { at: new Date().toISOString(), message } };
      await storage.set({ [META_KEY]: next });
      return next.failures;
    });
  }

  /** One POST: { ok } or { ok: false, permanent, message, retryAfterMs }. */
  async function send(audit, endpoint, events) {
    const { headers, body } = requestFor(audit, events);
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const response = await fetchImpl(endpoint, {
        method: "POST", headers, body, signal: abort.signal,
        // Nothing but the request itself: no cookies, no referrer, no cache,
        // and never a redirect (it could lead off HTTPS).
        credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store", redirect: "error",
      });
      await response.arrayBuffer(); // read, not used; the timeout covers it too
      if (response.ok) return { ok: true };
      const status = response.status;
      const retryAfter = Number(response.headers.get("retry-after"));
      return {
        ok: false,
        // A 4xx other than 408 (timeout) and 429 (too many requests) says the
        // request itself or its token is wrong: resending at once cannot help.
        permanent: status >= 400 && status < 500 && status !== 408 && status !== 429,
        message: `the collector answered HTTP ${status}`,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0,
      };
    } catch (e) {
      const message = abort.signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : "the collector could not be reached";
      return { ok: false, permanent: false, message, retryAfterMs: 0 };
    } finally {
      clearTimeout(timeout);
    }
  }

  /**
   * Sends what the collector has not acknowledged, a batch at a time, in
   * order. One flush at a time; a decision arriving meanwhile makes it go
   * round again. Never awaited by a decision.
   */
  async function flush({ fromDecision = false } = {}) {
    if (flushing) {
      if (fromDecision) again = true;
      return;
    }
    flushing = true;
    try {
      do {
        again = false;
        const { audit } = await policy();
        const endpoint = httpsEndpoint(audit);
        const [batch] = await pending(audit, endpoint);
        if (!batch) {
          idle();
          break;
        }
        setAlarm(WATCHDOG_MS);
        const result = batch.events.length ? await send(audit, endpoint, batch.events) : { ok: true };
        if (result.ok) {
          await acknowledge(audit, endpoint, batch.start, batch.count);
          again = true; // the next batch, if any
          continue;
        }
        const failures = await noteFailure(result.message);
        const backoff = result.permanent ? BACKOFF_CAP_MS : Math.min(BACKOFF_CAP_MS, BACKOFF_MS * 2 ** (failures - 1));
        schedule(Math.min(BACKOFF_CAP_MS, Math.max(backoff, result.retryAfterMs)));
      } while (again);
    } catch (e) {
      console.warn("PHI Guard: the audit outbox failed:", e && e.message);
      schedule(BACKOFF_CAP_MS);
    } finally {
      flushing = false;
    }
  }

  return {
    /** Appends the decision, then starts sending it (not awaited). */
    async record(decision) {
      const event = await append(decision);
      flush({ fromDecision: true });
      return event;
    },
    flush,
    /** A new policy (endpoint, token, format): forget the backoff, try now. */
    async policyChanged() {
      await serial(async () => {
        const meta = await readMeta();
        if (meta.failures) await storage.set({ [META_KEY]: { ...meta, failures: 0 } });
      });
      flush({ fromDecision: true });
    },
    onAlarm(alarm) {
      if (alarm.name === ALARM) flush();
    },
  };
}
