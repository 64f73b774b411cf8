// PHI Guard for ES modules: `import init, { PhiGuard } from "./phi_guard.js"`.
import init, * as core from "./phi_guard_core.js";
import { wrap } from "./wrap.js";

export default init;
export const { initSync } = core;
export const { PhiGuard, panicForTests } = wrap(core);
