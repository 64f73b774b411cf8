// Release packaging (`make dist`, after build.mjs has written the zips). Writes
// extension/dist/release/ (or the folder after --out):
//   phi-guard-chrome-<version>.zip   the Chrome/Edge package (a store upload; also the CRX's payload)
//   phi-guard-chrome-<version>.crx   that zip signed as CRX3, for force installs from your own server
//   phi-guard-firefox-<version>.xpi  the Firefox package, unsigned (Mozilla's AMO signs it)
//   update.xml                       Chrome's update manifest for the CRX (gupdate, protocol 2.0)
//   policy/                          the admin templates of extension/policy/, filled in with the
//                                    CRX's ID, the update URL and the version
//   SHA256SUMS                       every other file, in `sha256sum -c` format
// The signing key is the PEM file named by PHI_GUARD_CRX_KEY; without it a
// throwaway key is made once in extension/dist/ (never shipped, never
// committed). Files go to PHI_GUARD_UPDATE_BASE_URL (default a placeholder).
// The output depends only on the zips, the policy, the key and the URL:
// PKCS#1 v1.5 signatures are deterministic, so a rebuild gives the same bytes.
//
// `node extension/dist.mjs --templates` rewrites the templates in
// extension/policy/ from extension/policy/policy.json, with the placeholders
// EXTENSION_ID, UPDATE_BASE_URL and VERSION.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, "dist");
const POLICY_DIR = join(here, "policy");
export const DEFAULT_BASE_URL = "https://extensions.example.org/phi-guard";
export const THROWAWAY_KEY = join(DIST, "throwaway-crx-key.pem");
export const GECKO_ID = JSON.parse(readFileSync(join(here, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
const SCHEMA = JSON.parse(readFileSync(join(here, "managed-schema.json"), "utf8"));
export const VERSION = /^version\s*=\s*"(\d+\.\d+\.\d+)"/m.exec(readFileSync(join(here, "..", "Cargo.toml"), "utf8"))[1];

// ---- CRX3 (components/crx_file/crx3.proto) ----

function varint(n) {
  const out = [];
  for (; n > 0x7f; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  out.push(n);
  return Buffer.from(out);
}

/** A length-delimited protobuf field (wire type 2), the only kind a CRX3 header has. */
function field(number, bytes) {
  return Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** The extension ID: the first 16 bytes of the SHA-256 of the public key (SPKI DER), hex digits written as a–p. */
export function extensionId(spki) {
  const hex = createHash("sha256").update(spki).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

/**
 * The zip as a CRX3: "Cr24", version 3, the header's length, the header (a
 * CrxFileHeader: sha256_with_rsa = 2 {public_key = 1, signature = 2},
 * signed_header_data = 10000 holding SignedData {crx_id = 1}), the zip.
 * The RSA-SHA256 (PKCS#1 v1.5) signature covers "CRX3 SignedData\0", the
 * signed header data's length (u32 LE), that data, then the zip.
 */
export function crx3(zip, privateKey) {
  const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const crxId = createHash("sha256").update(spki).digest().subarray(0, 16);
  const signedHeaderData = field(1, crxId);
  const signed = Buffer.concat([Buffer.from("CRX3 SignedData\0", "latin1"), u32(signedHeaderData.length), signedHeaderData, zip]);
  const signature = sign("sha256", signed, privateKey);
  const header = Buffer.concat([field(2, Buffer.concat([field(1, spki), field(2, signature)])), field(10000, signedHeaderData)]);
  return Buffer.concat([Buffer.from("Cr24", "latin1"), u32(3), u32(header.length), header, zip]);
}

// ---- Admin templates (extension/policy/) ----

const xml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Each policy field's schema; a field the managed schema lacks would be dropped by Chrome, so it is an error here. */
function schemaOf(schema, key, path) {
  const s = schema.properties?.[key] ?? (schema.items && /^\d+$/.test(key) ? schema.items : undefined);
  if (!s) throw new Error(`policy field ${path} is not in extension/managed-schema.json`);
  return s;
}

const PLACEHOLDERS = { id: "EXTENSION_ID", baseUrl: "UPDATE_BASE_URL", version: "VERSION" };

/** The admin templates for extension `id`, its files served from `baseUrl`: file name -> text. */
export function templates(policy, { id, baseUrl, version }) {
  const origin = id === PLACEHOLDERS.id
    ? ["EXTENSION_ID and UPDATE_BASE_URL are placeholders; `make dist` writes a filled-in copy", "to extension/dist/release/policy/. See extension/policy/README.md."]
    : [`Written by make dist for extension ID ${id}, served from ${baseUrl}/.`, "See extension/policy/README.md."];
  const updateUrl = `${baseUrl}/update.xml`;
  const xpiUrl = `${baseUrl}/phi-guard-firefox-${version}.xpi`;
  // override_update_url: later updates come from updateUrl too (the package carries no update_url of its own).
  const install = { installation_mode: "force_installed", update_url: updateUrl, override_update_url: true };
  return {
    "policy.json": `${JSON.stringify(policy, null, 2)}\n`,
    "chrome-linux-policy.json": `${JSON.stringify({ ExtensionSettings: { [id]: install }, "3rdparty": { extensions: { [id]: policy } } }, null, 2)}\n`,
    "chrome-windows.reg": registry(policy, { id, origin, install, updateUrl, root: "Google\\Chrome", browser: "Google Chrome", program: "Chrome Enterprise Core" }),
    "edge-windows.reg": registry(policy, { id, origin, install, updateUrl, root: "Microsoft\\Edge", browser: "Microsoft Edge" }),
    "phi-guard-macos.mobileconfig": mobileconfig(policy, { id, origin, install }),
    "firefox-policies.json": `${JSON.stringify({ policies: { ExtensionSettings: { [GECKO_ID]: { installation_mode: "force_installed", install_url: xpiUrl } }, "3rdparty": { Extensions: { [GECKO_ID]: policy } } } }, null, 2)}\n`,
  };
}

// A .reg file: strings in quotes with \ and " escaped; DWORDs in hex.
const regString = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const dword = (n) => {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new Error(`${n} does not fit a registry DWORD (Chrome reads it as a signed 32-bit number)`);
  return `dword:${n.toString(16).padStart(8, "0")}`;
};

/**
 * The policy as Chrome's Windows loader reads it against the managed schema
 * (components/policy/core/common/registry_dict.cc): a key per object, a key
 * with values "1", "2", … per list (a key per item for lists of objects),
 * REG_DWORD for booleans and integers, REG_SZ for strings and for numbers
 * ("0.5"; a DWORD cannot hold a fraction).
 */
function registryKeys(value, schema, path, out) {
  const values = [];
  const subkeys = [];
  const entries = schema.type === "array" ? value.map((v, i) => [String(i + 1), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const s = schemaOf(schema, key, `${path}\\${key}`);
    if (s.type === "object" || s.type === "array") subkeys.push([key, v, s]);
    else if (s.type === "boolean") values.push(`${regString(key)}=${dword(v ? 1 : 0)}`);
    else if (s.type === "integer") values.push(`${regString(key)}=${dword(v)}`);
    else if (s.type === "number") values.push(`${regString(key)}=${regString(String(v))}`);
    else if (v !== null) values.push(`${regString(key)}=${regString(v)}`);
  }
  // A key that only holds subkeys (a list of objects) needs no line of its own.
  if (values.length || !subkeys.length) out.push("", `[${path}]`, ...values);
  for (const [key, v, s] of subkeys) registryKeys(v, s, `${path}\\${key}`, out);
  return out;
}

function registry(policy, { id, origin, install, updateUrl, root, browser, program }) {
  const base = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}`;
  const lines = [
    "Windows Registry Editor Version 5.00",
    "",
    `; PHI Guard for ${browser}: install it from your server and set its policy.`,
    ...origin.map((l) => `; ${l}`),
    `; ${browser} force-installs an extension from outside its store only on a machine joined to`,
    `; Active Directory or Microsoft Entra ID${program ? `, or enrolled in ${program}` : ""}.`,
    "",
    "; ExtensionSettings is one JSON string; importing this replaces an ExtensionSettings value",
    "; already there, so merge this entry into yours if you have one.",
    `[${base}]`,
    `"ExtensionSettings"=${regString(JSON.stringify({ [id]: install }))}`,
    "",
    "; The same install through the classic list (Group Policy's \"Configure the list of",
    "; force-installed apps and extensions\") instead: use a number the list does not use yet.",
    "; Through the list, updates are looked for where the package's manifest says, and the",
    "; PHI Guard package names no update URL: prefer ExtensionSettings above.",
    `; [${base}\\ExtensionInstallForcelist]`,
    `; "1"=${regString(`${id};${updateUrl}`)}`,
    "",
    "; The PHI Guard policy (extension/policy/policy.json), read by the extension from managed",
    "; storage. The first line deletes any earlier copy, so a field removed here is removed there.",
    `[-${base}\\3rdparty\\extensions\\${id}]`,
  ];
  registryKeys(policy, SCHEMA, `${base}\\3rdparty\\extensions\\${id}\\policy`, lines);
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * A plist value. With a schema (the policy's), numbers are typed by it:
 * `real` for "number", `integer` for "integer"; without one (the payload and
 * install keys), by their value.
 */
function plist(value, schema, indent) {
  const pad = "  ".repeat(indent);
  const at = (key) => (schema ? schemaOf(schema, key, key) : undefined);
  if (typeof value === "number") {
    const real = schema ? schema.type === "number" : !Number.isInteger(value);
    return real ? `${pad}<real>${value}</real>` : `${pad}<integer>${value}</integer>`;
  }
  if (typeof value === "boolean") return `${pad}<${value}/>`;
  if (typeof value === "string") return `${pad}<string>${xml(value)}</string>`;
  if (Array.isArray(value)) {
    if (!value.length) return `${pad}<array/>`;
    return [`${pad}<array>`, ...value.map((v, i) => plist(v, at(String(i)), indent + 1)), `${pad}</array>`].join("\n");
  }
  const entries = Object.entries(value).filter(([, v]) => v !== null);
  if (!entries.length) return `${pad}<dict/>`;
  return [`${pad}<dict>`, ...entries.flatMap(([k, v]) => [`${pad}  <key>${xml(k)}</key>`, plist(v, at(k), indent + 1)]), `${pad}</dict>`].join("\n");
}

/** A stable UUID for a payload, so the profile is the same file on every build. */
function uuid(name) {
  const h = createHash("sha256").update(`phi-guard ${name}`).digest("hex").toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One payload: the Payload* keys, then the preference domain's keys (typed by `schema` when given). */
function payload(type, identifier, name, body, schema) {
  const head = { PayloadType: type, PayloadIdentifier: identifier, PayloadUUID: uuid(identifier), PayloadVersion: 1, PayloadDisplayName: name };
  const lines = plist(head, undefined, 2).split("\n");
  const keys = Object.keys(body).length ? plist(body, schema, 2).split("\n").slice(1, -1) : [];
  return [...lines.slice(0, -1), ...keys, lines.at(-1)].join("\n");
}

/**
 * A configuration profile for an MDM: Chrome and Edge read their own policies
 * from the com.google.Chrome and com.microsoft.Edge preference domains, and an
 * extension's policy from <domain>.extensions.<extension ID> (no 3rdparty key
 * on macOS).
 */
function mobileconfig(policy, { id, origin, install }) {
  const settings = { ExtensionSettings: { [id]: install } };
  const payloads = [
    payload("com.google.Chrome", "org.example.phi-guard.chrome", "Google Chrome: install PHI Guard", settings),
    payload(`com.google.Chrome.extensions.${id}`, "org.example.phi-guard.chrome.policy", "PHI Guard policy (Chrome)", policy, SCHEMA),
    payload("com.microsoft.Edge", "org.example.phi-guard.edge", "Microsoft Edge: install PHI Guard", settings),
    payload(`com.microsoft.Edge.extensions.${id}`, "org.example.phi-guard.edge.policy", "PHI Guard policy (Edge)", policy, SCHEMA),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    `<!-- PHI Guard for Chrome and Edge on macOS. ${origin[0]}`,
    `     ${origin[1]} -->`,
    '<plist version="1.0">',
    "<dict>",
    "  <key>PayloadContent</key>",
    "  <array>",
    ...payloads,
    "  </array>",
    "  <key>PayloadDescription</key>",
    "  <string>Installs the PHI Guard extension in Google Chrome and Microsoft Edge and sets its policy.</string>",
    "  <key>PayloadDisplayName</key>",
    "  <string>PHI Guard</string>",
    "  <key>PayloadIdentifier</key>",
    "  <string>org.example.phi-guard</string>",
    "  <key>PayloadScope</key>",
    "  <string>System</string>",
    "  <key>PayloadType</key>",
    "  <string>Configuration</string>",
    "  <key>PayloadUUID</key>",
    `  <string>${uuid("org.example.phi-guard")}</string>`,
    "  <key>PayloadVersion</key>",
    "  <integer>1</integer>",
    "</dict>",
    "</plist>",
    "",
  ].join("\n");
}

/** The placeholder copies checked in to extension/policy/, from its policy.json. */
export function placeholderTemplates(policy = readPolicy()) {
  return templates(policy, PLACEHOLDERS);
}

export function readPolicy() {
  return JSON.parse(readFileSync(join(POLICY_DIR, "policy.json"), "utf8"));
}

// ---- The release ----

function loadKey() {
  const path = process.env.PHI_GUARD_CRX_KEY;
  if (path) {
    const key = createPrivateKey(readFileSync(path));
    if (key.asymmetricKeyType !== "rsa") throw new Error(`PHI_GUARD_CRX_KEY: ${path} is a ${key.asymmetricKeyType} key; the CRX needs an RSA key (openssl genrsa -out key.pem 2048)`);
    return { key, note: `signed with ${path}` };
  }
  if (!existsSync(THROWAWAY_KEY)) {
    mkdirSync(DIST, { recursive: true });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(THROWAWAY_KEY, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  return {
    key: createPrivateKey(readFileSync(THROWAWAY_KEY)),
    note: `signed with a THROWAWAY key, ${relative(process.cwd(), THROWAWAY_KEY)}: for tests only. Set PHI_GUARD_CRX_KEY to your key's PEM file for a real release (the key decides the extension ID)`,
  };
}

function tree(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .sort();
}

export function release(out, { baseUrl = DEFAULT_BASE_URL } = {}) {
  baseUrl = baseUrl.replace(/\/+$/, "");
  const chromeZip = join(DIST, `phi-guard-chrome-${VERSION}.zip`);
  const firefoxZip = join(DIST, `phi-guard-firefox-${VERSION}.zip`);
  for (const f of [chromeZip, firefoxZip]) if (!existsSync(f)) throw new Error(`${relative(process.cwd(), f)} is missing: run make extension first`);
  const { key, note } = loadKey();
  const zip = readFileSync(chromeZip);
  const crx = crx3(zip, key);
  const id = extensionId(createPublicKey(key).export({ type: "spki", format: "der" }));
  const crxName = `phi-guard-chrome-${VERSION}.crx`;

  // The folder is replaced whole; never one that holds anything but an earlier release.
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, "SHA256SUMS"))) throw new Error(`${out} holds files but no SHA256SUMS: not an earlier release, so not replaced`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "policy"), { recursive: true });
  copyFileSync(chromeZip, join(out, `phi-guard-chrome-${VERSION}.zip`));
  writeFileSync(join(out, crxName), crx);
  copyFileSync(firefoxZip, join(out, `phi-guard-firefox-${VERSION}.xpi`));
  const hash = createHash("sha256").update(crx).digest("hex");
  writeFileSync(join(out, "update.xml"), [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${id}'>`,
    `    <updatecheck codebase='${xml(`${baseUrl}/${crxName}`)}' version='${VERSION}' hash_sha256='${hash}' />`,
    "  </app>",
    "</gupdate>",
    "",
  ].join("\n"));
  for (const [name, text] of Object.entries(templates(readPolicy(), { id, baseUrl, version: VERSION }))) writeFileSync(join(out, "policy", name), text);
  const sums = tree(out).map((f) => `${createHash("sha256").update(readFileSync(join(out, f))).digest("hex")}  ${f}\n`);
  writeFileSync(join(out, "SHA256SUMS"), sums.join(""));
  return { id, note, baseUrl };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args[0] === "--templates") {
    for (const [name, text] of Object.entries(placeholderTemplates())) writeFileSync(join(POLICY_DIR, name), text);
    console.log("extension/policy/ templates written from extension/policy/policy.json");
  } else {
    const out = args[0] === "--out" ? args[1] : join(DIST, "release");
    const { id, note, baseUrl } = release(out, { baseUrl: process.env.PHI_GUARD_UPDATE_BASE_URL || DEFAULT_BASE_URL });
    console.log(`extension ${VERSION} packaged in ${relative(process.cwd(), out)}/: extension ID ${id}, update URL ${baseUrl}/update.xml`);
    if (!process.env.PHI_GUARD_UPDATE_BASE_URL) console.log(`(the update URL is a placeholder: set PHI_GUARD_UPDATE_BASE_URL to where you will serve ${relative(process.cwd(), out)}/)`);
    console.log(`(${note})`);
  }
}
