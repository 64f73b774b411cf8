// The packages `make extension` writes: one zip per browser, holding exactly
// the unpacked build (the Firefox tests install the Firefox zip itself),
// versioned from Cargo.toml, with the icons the manifest names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { inflateRawSync } from "node:zlib";
import { EXTENSION } from "./harness.mjs";

const DIST = join(EXTENSION, "..");
const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(DIST, "..", "..", "Cargo.toml"), "utf8"))[1];

/** The entries of a zip, read from its central directory: name -> contents. */
function unzip(bytes) {
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

function tree(dir) {
  return readdirSync(dir, { recursive: true }).map((p) => relative(dir, join(dir, p))).filter((p) => statSync(join(dir, p)).isFile()).map((p) => p.split(sep).join("/")).sort();
}

for (const browser of ["chrome", "firefox"]) {
  test(`${browser}: the zip holds exactly the unpacked build, version ${VERSION} from Cargo.toml`, () => {
    const entries = unzip(readFileSync(join(DIST, `phi-guard-${browser}-${VERSION}.zip`)));
    const unpacked = join(DIST, browser);
    assert.deepEqual([...entries.keys()].sort(), tree(unpacked));
    for (const [name, data] of entries) assert.ok(data.equals(readFileSync(join(unpacked, name))), `${name} is the built file`);
    const manifest = JSON.parse(entries.get("manifest.json"));
    assert.equal(manifest.version, VERSION);
    assert.equal(manifest.name, "PHI Guard");
    assert.ok(manifest.description.length > 20);
    for (const path of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)]) {
      assert.ok(entries.has(path), `icon ${path} is packed`);
      assert.ok(entries.get(path).subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])), `${path} is a PNG`);
    }
    assert.ok(entries.has("pkg/phi_guard_core_bg.wasm"), "the wasm core is inside");
    assert.equal(browser === "chrome" ? manifest.background.service_worker : manifest.background.scripts[0], "background/service-worker.js");
  });
}
