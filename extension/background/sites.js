// Plain helpers about sites and policy sources, shared by the background and
// the extension's pages. No browser APIs here.

/** The host name of a page URL ("" when there is none). */
export function siteOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** The host part of a match pattern: "*://*.atlassian.net/*" -> "*.atlassian.net". */
export function hostOfPattern(pattern) {
  return pattern.replace(/^[^:]+:\/\//, "").replace(/\/.*$/, "");
}

/** Whether a site is the host "jira.example.org", or falls under "*.example.org" (the domain itself included). */
export function hostMatches(site, host) {
  return host.startsWith("*.") ? site === host.slice(2) || site.endsWith(host.slice(1)) : site === host;
}

/** Which Atlassian product a page belongs to, for the decision log. */
export function productOf(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return "unknown";
  }
  const where = `${u.hostname}${u.pathname}`.toLowerCase();
  if (u.hostname === "bitbucket.org" || where.includes("bitbucket")) return "bitbucket";
  if (/\/wiki(\/|$)/.test(u.pathname) || where.includes("confluence")) return "confluence";
  if (/\/(browse|jira|projects)(\/|$)/.test(u.pathname) || where.includes("jira")) return "jira";
  return "unknown";
}

/** Who set the policy, in words for the popup and the options page. */
export function describePolicySource(source) {
  return {
    managed: "Set by your administrator",
    user: "Your settings",
    default: "Default settings",
  }[source] || source;
}
