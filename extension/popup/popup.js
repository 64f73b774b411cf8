// The toolbar popup: is this site guarded, is the guard on, which policy is in
// force and who set it, and the last decisions (content-free).
import { siteOf } from "../background/sites.js";
import { ask } from "../ui/ask.js";

const $ = (id) => document.getElementById(id);
const { plural } = globalThis.PhiGuardPanel;

async function activeSite() {
  const asked = new URLSearchParams(location.search).get("site");
  if (asked) return asked;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab && tab.url ? siteOf(tab.url) : "";
}

function describeDecision(d) {
  const kinds = Object.entries(d.kinds).map(([k, n]) => plural(k, n)).join(", ") || "nothing readable";
  const time = new Date(d.ts).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return `${time} · ${d.site} · ${d.action}: ${d.verdict}, ${d.decision}${d.reason_code ? ` (${d.reason_code})` : ""} · ${kinds}`;
}

async function render() {
  const site = await activeSite();
  const { state } = await ask({ type: "get-state", site: site || undefined });
  $("site").textContent = !site ? "No web page in this tab." : state.guarded ? `${site} is guarded.` : `${site} is not a guarded site.`;
  const toggle = $("enabled");
  toggle.checked = state.guarded && state.enabled;
  toggle.disabled = !state.guarded || state.source === "managed";
  $("enabled-note").textContent = state.source === "managed" ? "Your administrator manages this setting." : "";
  const mode = { warn: "Warn before sharing", block: "Block sharing", monitor: "Monitor only" }[state.policy.mode];
  $("policy").textContent = `${mode}. ${state.sourceText}.`;
  $("policy-error").hidden = !state.error;
  $("policy-error").textContent = state.error ? `The policy has errors, so the defaults are in use: ${state.error}` : "";
  const list = $("decisions");
  list.replaceChildren(...state.decisions.slice(0, 5).map((d) => Object.assign(document.createElement("li"), { textContent: describeDecision(d) })));
  $("no-decisions").hidden = state.decisions.length > 0;
  toggle.onchange = async () => {
    await ask({ type: "set-site-enabled", site, enabled: toggle.checked }).catch((e) => {
      show();
      $("enabled-note").textContent = e.message;
    });
  };
}

const show = () => render().catch((e) => { $("site").textContent = `PHI Guard could not load its state: ${e.message}`; });
show();
// New decisions and policy changes show up while the popup is open.
chrome.storage.onChanged.addListener(show);
