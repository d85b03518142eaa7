/**
 * Where to go after signing in: the page asked for (`?next=`) when it is a path of this app, else
 * the start. Anything else — another site (`//host`, `https:`), a `javascript:` URL, the login page
 * itself — is not followed (no open redirect).
 */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/^\/login(?:[/?#]|$)/.test(next)) return "/";
  return next;
}
