// The packages `make extension` writes: one zip per browser, holding exactly
// the unpacked build (the Firefox tests install the Firefox zip itself),
// versioned from Cargo.toml, with the icons the manifest names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { EXTENSION, VERSION, unzip } from "./harness.mjs";

const DIST = join(EXTENSION, "..");
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
