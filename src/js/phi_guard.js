// PHI Guard for ES modules: `import init, { PhiGuard } from "./phi_guard.js"`.
// Two wasm modules: the core, and the attachment readers (see wrap.js).
import initCore, * as core from "./phi_guard_core.js";
import initFiles, * as files from "./phi_guard_files.js";
import { wrap } from "./wrap.js";

const api = wrap(core, files, { initCore, initCoreSync: core.initSync, initFiles, initFilesSync: files.initSync });

export default api.init;
export const { initSync, loadFiles, PhiGuard, panicForTests } = api;
