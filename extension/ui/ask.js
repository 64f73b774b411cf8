// For the extension's own pages: one request to the background, its reply, or
// an Error with the background's message.
export async function ask(message) {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply || !reply.ok) throw new Error((reply && reply.error) || "PHI Guard did not answer");
  return reply;
}
