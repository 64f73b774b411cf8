// The release packages of `make dist` (extension/dist.mjs) and the admin
// templates of extension/policy/. The tests run dist.mjs themselves, with a
// key of their own and an update URL on this machine, and read every file
// with readers of their own: the CRX3 header is decoded field by field and its
// signature checked with node:crypto; the .reg files are read back the way
// Chrome's Windows policy loader reads the registry against the managed
// schema; the .mobileconfig is parsed as a plist. Every template's policy must
// equal extension/policy/policy.json and pass `phi-guard policy check`.
// Then, as root, Chromium installs the CRX from update.xml through the Linux
// template written to /etc/chromium/policies/managed/, the way a managed
// machine does, and the template's policy reaches the extension.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_POLICY_DIR, VERSION, policySkip, started, unzip } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..", "..");
const DIST = join(ROOT, "extension", "dist");
const POLICY_DIR = join(ROOT, "extension", "policy");
const DIST_SCRIPT = join(ROOT, "extension", "dist.mjs");
const CLI = join(ROOT, "target", "release", "phi-guard");
const SCHEMA = JSON.parse(readFileSync(join(ROOT, "extension", "managed-schema.json"), "utf8"));
const GECKO_ID = JSON.parse(readFileSync(join(ROOT, "extension", "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
const POLICY = JSON.parse(readFileSync(join(POLICY_DIR, "policy.json"), "utf8"));
// A name only the test's own browser resolves (to 127.0.0.1): other test files'
// browsers, which read the same machine policy while it is there, map every
// other name to nowhere and so cannot install the extension.
const UPDATE_HOST = "phi-guard-updates.test";
const TEMPLATES = ["policy.json", "chrome-linux-policy.json", "chrome-windows.reg", "edge-windows.reg", "phi-guard-macos.mobileconfig", "firefox-policies.json"];

const SKIP_INSTALL = policySkip();

let server, baseUrl, work, out, keyFile, testId, policyFile;
const requests = [];

/** Runs extension/dist.mjs into `dir` with the test's key and update URL. */
function dist(dir) {
  return execFileSync(process.execPath, [DIST_SCRIPT, "--out", dir], {
    env: { ...process.env, PHI_GUARD_CRX_KEY: keyFile, PHI_GUARD_UPDATE_BASE_URL: baseUrl },
    encoding: "utf8",
  });
}

function spkiId(spki) {
  return [...createHash("sha256").update(spki).digest("hex").slice(0, 32)].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("");
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "phi-guard-dist-"));
  out = join(work, "release");
  keyFile = join(work, "key.pem");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }));
  testId = spkiId(publicKey.export({ type: "spki", format: "der" }));
  // The update server: the release folder, as an admin's web server would serve it.
  server = createServer((req, res) => {
    requests.push(req.url);
    const path = join(out, decodeURIComponent(req.url.split("?")[0]));
    if (!path.startsWith(out + sep) || !existsSync(path)) return res.writeHead(404).end();
    const type = path.endsWith(".crx") ? "application/x-chrome-extension" : path.endsWith(".xml") ? "application/xml" : "application/octet-stream";
    res.writeHead(200, { "content-type": type }).end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://${UPDATE_HOST}:${server.address().port}/`; // the trailing slash is dropped by dist.mjs
  dist(out);
});

after(async () => {
  if (policyFile) rmSync(policyFile, { force: true });
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
  if (work) rmSync(work, { recursive: true, force: true });
});

const base = () => baseUrl.replace(/\/$/, "");

// ---- Readers ----

/** Length-delimited protobuf fields (the only wire type a CRX3 header uses): number -> [bytes]. */
function protoFields(buf) {
  const fields = new Map();
  let at = 0;
  const varint = () => {
    let n = 0;
    for (let mul = 1; ; mul *= 128) {
      const b = buf[at++];
      n += (b & 0x7f) * mul;
      if (!(b & 0x80)) return n;
    }
  };
  while (at < buf.length) {
    const tag = varint();
    assert.equal(tag % 8, 2, `field ${Math.floor(tag / 8)} is length-delimited`);
    const length = varint();
    assert.ok(at + length <= buf.length, "a field inside its message");
    fields.set(Math.floor(tag / 8), [...(fields.get(Math.floor(tag / 8)) ?? []), buf.subarray(at, at + length)]);
    at += length;
  }
  return fields;
}

function readCrx(bytes) {
  assert.equal(bytes.toString("latin1", 0, 4), "Cr24", "magic");
  assert.equal(bytes.readUInt32LE(4), 3, "CRX format version");
  const size = bytes.readUInt32LE(8);
  assert.ok(12 + size < bytes.length, "the header fits in the file");
  const header = protoFields(bytes.subarray(12, 12 + size));
  assert.deepEqual([...header.keys()].sort((a, b) => a - b), [2, 10000], "an RSA proof and the signed header data, nothing else");
  assert.equal(header.get(2).length, 1, "one RSA proof");
  const proof = protoFields(header.get(2)[0]);
  const signedHeaderData = header.get(10000)[0];
  const signed = protoFields(signedHeaderData);
  return {
    publicKey: proof.get(1)[0],
    signature: proof.get(2)[0],
    signedHeaderData,
    crxId: signed.get(1)[0],
    zip: bytes.subarray(12 + size),
  };
}

function signedBytes(crx, zip = crx.zip) {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(crx.signedHeaderData.length);
  return Buffer.concat([Buffer.from("CRX3 SignedData\0", "latin1"), size, crx.signedHeaderData, zip]);
}

/** A .reg file as a tree of keys: { values: Map(name -> string | number), keys: Map(name -> key) }. */
function readReg(text) {
  const lines = text.split(/\r?\n/);
  assert.equal(lines[0], "Windows Registry Editor Version 5.00");
  const root = { values: new Map(), keys: new Map() };
  const key = (path, create) => {
    let node = root;
    for (const part of path.split("\\")) {
      const name = [...node.keys.keys()].find((k) => k.toLowerCase() === part.toLowerCase()) ?? part;
      if (!node.keys.has(name)) {
        if (!create) return undefined;
        node.keys.set(name, { values: new Map(), keys: new Map() });
      }
      node = node.keys.get(name);
    }
    return node;
  };
  const unescape = (s) => s.replace(/\\(.)/g, "$1");
  let current;
  for (const line of lines.slice(1).map((l) => l.trim())) {
    if (!line || line.startsWith(";")) continue;
    const section = /^\[(-?)(.+)\]$/.exec(line);
    if (section) {
      if (section[1]) {
        const parts = section[2].split("\\");
        key(parts.slice(0, -1).join("\\"), true).keys.delete(parts.at(-1));
        current = undefined;
      } else {
        current = key(section[2], true);
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/i.exec(line);
    assert.ok(value && current, `a value in a key: ${line}`);
    current.values.set(unescape(value[1]), value[3] === undefined ? unescape(value[2]) : parseInt(value[3], 16) | 0);
  }
  return { root, key: (path) => key(path, false) };
}

// Chrome's conversion of registry data to the schema's types
// (components/policy/core/common/registry_dict.cc, ConvertRegistryValue and
// RegistryDict::ConvertToJSON): what cannot be converted is dropped.
const byName = (a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : a[0].toLowerCase() > b[0].toLowerCase() ? 1 : 0);
function registryValue(value, schema) {
  if (!schema) return value;
  const is = { string: typeof value === "string", integer: Number.isInteger(value) && typeof value === "number" };
  switch (schema.type) {
    case "string": return is.string ? value : undefined;
    case "boolean": return is.integer ? value !== 0 : is.string && /^-?\d+$/.test(value) ? Number(value) !== 0 : undefined;
    case "integer": return is.integer ? value : is.string && /^-?\d+$/.test(value) ? Number(value) : undefined;
    case "number": return is.integer ? value : is.string && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : undefined;
    case "array":
    case "object": {
      if (!is.string) return undefined;
      const parsed = JSON.parse(value);
      return Array.isArray(parsed) === (schema.type === "array") ? parsed : undefined;
    }
  }
  return undefined;
}
function registryKey(node, schema) {
  if (schema.type === "array") {
    const items = [];
    for (const [name, sub] of [...node.keys].sort(byName)) if (/^-?\d+$/.test(name)) items.push(registryKey(sub, schema.items));
    for (const [name, v] of [...node.values].sort(byName)) if (/^-?\d+$/.test(name)) items.push(registryValue(v, schema.items));
    return items.filter((v) => v !== undefined);
  }
  assert.equal(schema.type, "object");
  const result = {};
  for (const [name, v] of [...node.values].sort(byName)) {
    const converted = registryValue(v, schema.properties?.[name]);
    if (converted !== undefined) result[name] = converted;
  }
  for (const [name, sub] of [...node.keys].sort(byName)) result[name] = registryKey(sub, schema.properties?.[name] ?? { type: "object" });
  return result;
}

/** An XML property list (dict, array, string, integer, real, true, false). */
function readPlist(text) {
  const tokens = [...text.replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, "").matchAll(/<(\/?)(\w+)(?:\s[^>]*?)?(\/?)>([^<]*)/g)]
    .map(([, close, tag, self, text]) => ({ close: !!close, tag, self: !!self, text }));
  const unxml = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  let i = tokens.findIndex((t) => t.tag === "plist" && !t.close) + 1;
  const closing = (tag) => {
    const t = tokens[i++];
    assert.ok(t.close && t.tag === tag, `</${tag}>`);
  };
  const value = () => {
    const t = tokens[i++];
    switch (t.tag) {
      case "true": case "false": return t.tag === "true";
      case "string": closing("string"); return unxml(t.text);
      case "integer": closing("integer"); assert.match(t.text, /^-?\d+$/); return Number(t.text);
      case "real": closing("real"); return Number(t.text);
      case "array": {
        const list = [];
        if (t.self) return list;
        while (!tokens[i].close) list.push(value());
        closing("array");
        return list;
      }
      case "dict": {
        const dict = {};
        if (t.self) return dict;
        while (!tokens[i].close) {
          const k = tokens[i++];
          assert.equal(k.tag, "key");
          closing("key");
          dict[unxml(k.text)] = value();
        }
        closing("dict");
        return dict;
      }
    }
    assert.fail(`unexpected <${t.tag}>`);
  };
  return value();
}

/**
 * What each template installs and the policy it sets, for extension `id`:
 * { policies: [{ where, policy }], installs: [{ where, url, ...settings }] }.
 */
function readTemplate(name, text, id) {
  const strip = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith("Payload")));
  switch (name) {
    case "policy.json":
      return { policies: [{ where: name, policy: JSON.parse(text) }], installs: [] };
    case "chrome-linux-policy.json": {
      const j = JSON.parse(text);
      return { policies: [{ where: "3rdparty", policy: j["3rdparty"].extensions[id] }], installs: [{ where: "ExtensionSettings", ...j.ExtensionSettings[id] }] };
    }
    case "chrome-windows.reg":
    case "edge-windows.reg": {
      const reg = readReg(text);
      const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${name.startsWith("edge") ? "Microsoft\\Edge" : "Google\\Chrome"}`;
      const policyKey = reg.key(`${root}\\3rdparty\\extensions\\${id}\\policy`);
      assert.ok(policyKey, `${name}: the 3rdparty key of ${id}`);
      const settings = registryValue(reg.key(root).values.get("ExtensionSettings"), { type: "object" });
      return { policies: [{ where: "3rdparty", policy: registryKey(policyKey, SCHEMA) }], installs: [{ where: "ExtensionSettings", ...settings[id] }] };
    }
    case "phi-guard-macos.mobileconfig": {
      const profile = readPlist(text);
      assert.equal(profile.PayloadType, "Configuration");
      const payload = (type) => {
        const found = profile.PayloadContent.filter((p) => p.PayloadType === type);
        assert.equal(found.length, 1, `one ${type} payload`);
        assert.match(found[0].PayloadUUID, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}$/);
        return found[0];
      };
      return {
        policies: ["com.google.Chrome", "com.microsoft.Edge"].map((d) => ({ where: `${d}.extensions.${id}`, policy: strip(payload(`${d}.extensions.${id}`)) })),
        installs: ["com.google.Chrome", "com.microsoft.Edge"].map((d) => ({ where: d, ...payload(d).ExtensionSettings[id] })),
      };
    }
    case "firefox-policies.json": {
      const j = JSON.parse(text).policies;
      return { policies: [{ where: "3rdparty", policy: j["3rdparty"].Extensions[GECKO_ID] }], installs: [{ where: "ExtensionSettings", firefox: true, ...j.ExtensionSettings[GECKO_ID] }] };
    }
  }
  assert.fail(`no reader for ${name}`);
}

/** `phi-guard policy check` on a policy object: { status, stdout }. */
function policyCheck(policy) {
  const file = join(work, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(policy));
  const r = spawnSync(CLI, ["policy", "check", file], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

function tree(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .sort();
}

function checkSums(dir) {
  const listed = readFileSync(join(dir, "SHA256SUMS"), "utf8").trimEnd().split("\n").map((l) => {
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(l);
    assert.ok(m, `a sha256sum line: ${l}`);
    return [m[2], m[1]];
  });
  assert.deepEqual(listed.map(([f]) => f), tree(dir).filter((f) => f !== "SHA256SUMS"), "every artifact, once");
  for (const [f, hash] of listed) assert.equal(createHash("sha256").update(readFileSync(join(dir, f))).digest("hex"), hash, f);
}

// ---- Tests ----

test("CRX3: Cr24, version 3, one RSA proof that verifies with the key it carries, the crx_id of that key, the Chrome zip inside", () => {
  const bytes = readFileSync(join(out, `phi-guard-chrome-${VERSION}.crx`));
  const crx = readCrx(bytes);
  const key = createPublicKey({ key: crx.publicKey, format: "der", type: "spki" });
  assert.equal(key.asymmetricKeyType, "rsa");
  assert.equal(spkiId(crx.publicKey), testId, "the key in the CRX is PHI_GUARD_CRX_KEY's");
  assert.ok(crx.crxId.equals(createHash("sha256").update(crx.publicKey).digest().subarray(0, 16)), "crx_id is the key's");
  assert.ok(verify("sha256", signedBytes(crx), key, crx.signature), "the signature verifies");
  const tampered = Buffer.from(crx.zip);
  tampered[tampered.length - 30] ^= 1;
  assert.ok(!verify("sha256", signedBytes(crx, tampered), key, crx.signature), "a changed zip does not verify");
  const chromeZip = readFileSync(join(DIST, `phi-guard-chrome-${VERSION}.zip`));
  assert.ok(crx.zip.equals(chromeZip), "the payload is the Chrome zip of make extension");
  assert.ok(readFileSync(join(out, `phi-guard-chrome-${VERSION}.zip`)).equals(chromeZip));
  assert.equal(JSON.parse(unzip(crx.zip).get("manifest.json")).version, VERSION);
});

test("update.xml: gupdate with the CRX's ID as appid, the version from Cargo.toml, the CRX under PHI_GUARD_UPDATE_BASE_URL and its SHA-256", () => {
  const xml = readFileSync(join(out, "update.xml"), "utf8");
  assert.match(xml, /^<\?xml version='1.0' encoding='UTF-8'\?>\n<gupdate xmlns='http:\/\/www.google.com\/update2\/response' protocol='2.0'>/);
  const apps = [...xml.matchAll(/<app appid='([^']*)'>\s*<updatecheck codebase='([^']*)' version='([^']*)' hash_sha256='([^']*)' \/>\s*<\/app>/g)];
  assert.equal(apps.length, 1);
  const [, appid, codebase, version, hash] = apps[0];
  assert.equal(appid, testId);
  assert.equal(version, VERSION);
  assert.equal(codebase, `${base()}/phi-guard-chrome-${VERSION}.crx`);
  assert.equal(hash, createHash("sha256").update(readFileSync(join(out, `phi-guard-chrome-${VERSION}.crx`))).digest("hex"));
});

test("XPI: the Firefox zip, manifest.json at its root with the gecko ID and the version", () => {
  const xpi = readFileSync(join(out, `phi-guard-firefox-${VERSION}.xpi`));
  assert.ok(xpi.equals(readFileSync(join(DIST, `phi-guard-firefox-${VERSION}.zip`))));
  const manifest = JSON.parse(unzip(xpi).get("manifest.json"));
  assert.equal(manifest.browser_specific_settings.gecko.id, GECKO_ID);
  assert.equal(manifest.version, VERSION);
});

test("SHA256SUMS lists every other artifact with its SHA-256 (this run, and make dist's extension/dist/release)", () => {
  checkSums(out);
  const release = join(DIST, "release");
  assert.ok(existsSync(release), "extension/dist/release exists: run make dist");
  checkSums(release);
  assert.ok(readFileSync(join(release, `phi-guard-chrome-${VERSION}.zip`)).equals(readFileSync(join(DIST, `phi-guard-chrome-${VERSION}.zip`))), "make dist packaged the current build");
  assert.equal(spawnSync("sha256sum", ["--check", "--quiet", "SHA256SUMS"], { cwd: out }).status, 0, "sha256sum --check agrees");
});

test("the same inputs give the same bytes: a second run, signature included", () => {
  const again = join(work, "again");
  dist(again);
  assert.deepEqual(tree(again), tree(out));
  for (const f of tree(out)) assert.ok(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f);
});

test("the templates in extension/policy/ are dist.mjs's output for policy.json, with the placeholders", async () => {
  const { placeholderTemplates } = await import(DIST_SCRIPT);
  const made = placeholderTemplates(POLICY);
  assert.deepEqual(Object.keys(made).sort(), [...TEMPLATES].sort());
  assert.deepEqual(readdirSync(POLICY_DIR).sort(), [...TEMPLATES, "README.md", "windows-admx-notes.md"].sort());
  for (const name of TEMPLATES) {
    assert.equal(readFileSync(join(POLICY_DIR, name), "utf8"), made[name], `${name} is up to date (node extension/dist.mjs --templates)`);
    if (name !== "policy.json") assert.match(made[name], name.startsWith("firefox") ? /UPDATE_BASE_URL\/phi-guard-firefox-VERSION\.xpi/ : /EXTENSION_ID[\s\S]*UPDATE_BASE_URL\/update\.xml/, name);
  }
  const readme = readFileSync(join(POLICY_DIR, "README.md"), "utf8");
  for (const name of [...TEMPLATES, "windows-admx-notes.md"]) assert.ok(readme.includes(`\`${name}\``), `README.md explains ${name}`);
});

test("every template, as checked in and as filled in by make dist, sets policy.json's policy, and phi-guard policy check accepts it", () => {
  assert.ok(existsSync(CLI), `${CLI} is built (make build)`);
  let checked = 0;
  for (const [dir, id] of [[POLICY_DIR, "EXTENSION_ID"], [join(out, "policy"), testId]]) {
    for (const name of TEMPLATES) {
      for (const { where, policy } of readTemplate(name, readFileSync(join(dir, name), "utf8"), id).policies) {
        assert.deepEqual(policy, POLICY, `${relative(ROOT, join(dir, name))} (${where})`);
        const r = policyCheck(policy);
        assert.equal(r.status, 0, `${name} (${where}): ${r.stdout}`);
        assert.match(r.stdout, /^ok\n/);
        checked++;
      }
    }
  }
  assert.equal(checked, 2 * 7);
  // The policy covers every field of the managed schema, and the check is not a rubber stamp.
  assert.deepEqual(Object.keys(POLICY).sort(), Object.keys(SCHEMA.properties).sort());
  assert.equal(policyCheck({ ...POLICY, mode: "loud" }).status, 1);
  // The registry reader drops what Chrome would drop: a fraction in a DWORD-typed field does not survive.
  assert.equal(registryValue("0.5", { type: "integer" }), undefined);
});

test("every filled-in template installs the extension from the update URL: Chrome/Edge from update.xml, Firefox from the XPI", () => {
  for (const name of TEMPLATES) {
    const text = readFileSync(join(out, "policy", name), "utf8");
    assert.doesNotMatch(text, /EXTENSION_ID|UPDATE_BASE_URL|\bVERSION\b/, `${name}: no placeholder left`);
    for (const install of readTemplate(name, text, testId).installs) {
      if (install.firefox) {
        assert.deepEqual(install, { where: "ExtensionSettings", firefox: true, installation_mode: "force_installed", install_url: `${base()}/phi-guard-firefox-${VERSION}.xpi` }, name);
      } else {
        assert.deepEqual(install, { where: install.where, installation_mode: "force_installed", update_url: `${base()}/update.xml`, override_update_url: true }, `${name} (${install.where})`);
      }
    }
  }
  // The forcelist alternative in the .reg files names the same ID and update.xml.
  assert.match(readFileSync(join(out, "policy", "chrome-windows.reg"), "utf8"), new RegExp(`; "1"="${testId};${base().replace(/[.]/g, "\\.")}/update\\.xml"`));
});

test("Chromium installs the CRX from update.xml through the Linux template, and the template's policy reaches the extension", { skip: SKIP_INSTALL, timeout: 90000 }, async () => {
  policyFile = join(CHROMIUM_POLICY_DIR, "phi-guard-dist-e2e.json");
  writeFileSync(policyFile, readFileSync(join(out, "policy", "chrome-linux-policy.json")));
  const context = await started(() => chromium.launchPersistentContext(mkdtempSync(join(work, "profile-")), {
    executablePath: CHROMIUM,
    headless: true,
    // No --load-extension: the extension comes from the policy alone. Chromium's
    // updater needs background networking. --enable-crx-hash-check makes it
    // refuse a CRX whose SHA-256 is not update.xml's hash_sha256.
    ignoreDefaultArgs: ["--disable-extensions", "--disable-background-networking", "--disable-component-extensions-with-background-pages"],
    args: ["--no-sandbox", "--enable-crx-hash-check", `--host-resolver-rules=MAP ${UPDATE_HOST} 127.0.0.1, MAP * ~NOTFOUND`, "--disable-gpu", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  }));
  try {
    const ours = (w) => w.url() === `chrome-extension://${testId}/background/service-worker.js`;
    const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent("serviceworker", { predicate: ours, timeout: 30000 }));
    const self = await worker.evaluate(async () => ({ version: chrome.runtime.getManifest().version, installType: (await chrome.management.getSelf()).installType }));
    assert.deepEqual(self, { version: VERSION, installType: "admin" });
    const paths = requests.map((r) => r.split("?")[0]);
    assert.ok(paths.includes("/update.xml") && paths.includes(`/phi-guard-chrome-${VERSION}.crx`), `fetched update.xml, then the CRX: ${paths}`);
    assert.match(requests.find((r) => r.startsWith("/update.xml?")), /installedby%3Dpolicy/);
    // Chromium loads a new extension's policy a few seconds after installing it.
    let managed = {};
    for (let i = 0; i < 150 && !Object.keys(managed).length; i++) {
      managed = await worker.evaluate(() => chrome.storage.managed.get(null));
      if (!Object.keys(managed).length) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(managed, POLICY);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${testId}/popup/popup.html?site=acme.atlassian.net`);
    await popup.getByText("Warn before sharing. Set by your administrator.").waitFor();
  } finally {
    await context.close();
    rmSync(policyFile, { force: true });
  }
});
