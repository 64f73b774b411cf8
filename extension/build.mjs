// Builds the unpacked extension for each browser into extension/dist/<browser>/:
// the sources, the wasm package from www/pkg (make wasm), and a manifest with
// only the keys that browser reads (Chrome: a service worker; Firefox: a
// background script and its gecko settings).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "www", "pkg");
const SOURCES = ["background", "content", "ui", "popup", "options", "managed-schema.json"];
const PKG_FILES = ["phi_guard.js", "wrap.js", "phi_guard_core.js", "phi_guard_core_bg.wasm"];

const manifest = JSON.parse(readFileSync(join(here, "manifest.json"), "utf8"));

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

for (const browser of ["chrome", "firefox"]) {
  const out = join(here, "dist", browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "pkg"), { recursive: true });
  for (const name of SOURCES) cpSync(join(here, name), join(out, name), { recursive: true });
  for (const name of PKG_FILES) cpSync(join(pkg, name), join(out, "pkg", name));
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(forBrowser(browser), null, 2)}\n`);
}
console.log(`extension built: ${join("extension", "dist")}/{chrome,firefox}`);
