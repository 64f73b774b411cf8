// Builds the unpacked extension for each browser into extension/dist/<browser>/:
// the sources, the wasm package from www/pkg (make wasm), and a manifest with
// only the keys that browser reads (Chrome: a service worker; Firefox: a
// background script and its gecko settings), versioned from Cargo.toml. Each
// is also packed into extension/dist/phi-guard-<browser>-<version>.zip, the
// file a store upload or an admin's deployment takes.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "www", "pkg");
const SOURCES = ["background", "content", "ui", "popup", "options", "icons", "managed-schema.json"];
const PKG_FILES = ["phi_guard.js", "wrap.js", "phi_guard_core.js", "phi_guard_core_bg.wasm", "phi_guard_files.js", "phi_guard_files_bg.wasm"];
// The icon's source and its renderer stay out of the packages.
const NOT_PACKED = /^icons\/(icon\.svg|render\.sh)$/;

const cargo = readFileSync(join(here, "..", "Cargo.toml"), "utf8");
const version = /^version\s*=\s*"(\d+\.\d+\.\d+)"/m.exec(cargo)[1];
const manifest = { ...JSON.parse(readFileSync(join(here, "manifest.json"), "utf8")), version };

function forBrowser(browser) {
  const m = structuredClone(manifest);
  if (browser === "chrome") {
    delete m.background.scripts;
    delete m.browser_specific_settings;
  } else {
    delete m.background.service_worker;
    delete m.minimum_chrome_version;
  }
  return m;
}

function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .sort();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip of the given files (deflated, fixed 1980-01-01 timestamps), so the
 * same sources always give the same bytes.
 */
function zip(dir, names) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const packed = deflateRawSync(data, { level: 9 });
    const path = Buffer.from(name, "utf8");
    // The fields the local and the central header share: version needed,
    // flags (UTF-8 names), method (deflate), time, date, CRC, sizes, name
    // length, extra length.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x0800, 2);
    common.writeUInt16LE(8, 4);
    common.writeUInt16LE(0x21, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(path.length, 22);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    const tail = Buffer.alloc(14); // comment length, disk, attributes: 0; then the local header's offset
    tail.writeUInt32LE(offset, 10);
    locals.push(local, common, path, packed);
    centrals.push(central, common, tail, path);
    offset += 30 + path.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const dist = join(here, "dist");
for (const browser of ["chrome", "firefox"]) {
  const out = join(dist, browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "pkg"), { recursive: true });
  for (const name of SOURCES) cpSync(join(here, name), join(out, name), { recursive: true, filter: (src) => !NOT_PACKED.test(relative(here, src).split(sep).join("/")) });
  for (const name of PKG_FILES) cpSync(join(pkg, name), join(out, "pkg", name));
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(forBrowser(browser), null, 2)}\n`);
  writeFileSync(join(dist, `phi-guard-${browser}-${version}.zip`), zip(out, files(out)));
}
console.log(`extension ${version} built: extension/dist/{chrome,firefox} and extension/dist/phi-guard-{chrome,firefox}-${version}.zip`);
