import type { FastifyRequest } from "fastify";
import type { InputIssue } from "../../domain/validation/input-issue.ts";

/** The origin (scheme://host[:port], default port left out) of a URL, or undefined when it has none. */
function originOf(url: string): string | undefined {
  try {
    const o = new URL(url).origin;
    return o === "null" ? undefined : o;
  } catch {
    return undefined;
  }
}

/**
 * This server's own origin as the request names it: its scheme (https over TLS, or when a trusted
 * proxy says so through X-Forwarded-Proto) and its Host header (X-Forwarded-Host behind a trusted
 * proxy). The Host itself is checked against the allowed names by the request guard
 * (src/server/request-guard.ts), so an attacker's DNS name never gets this far.
 */
export function ownOrigin(req: FastifyRequest): string | undefined {
  const host = req.host;
  return host ? originOf(`${req.protocol}://${host}`) : undefined;
}

/**
 * Why a request does not come from this server's own pages, or undefined when it does: its `Origin`
 * — or, when a browser sent none, its `Referer` — must name this server's origin. A request with
 * neither is refused when `required` (a write carrying the session cookie: browsers send an Origin
 * with every cross-origin request and with every POST, and a Referer unless told not to).
 */
export function originProblem(req: FastifyRequest, required: boolean): InputIssue | undefined {
  const own = ownOrigin(req);
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const [path, sent] =
    origin !== undefined
      ? ["headers.origin", origin]
      : referer !== undefined
        ? ["headers.referer", referer]
        : [];
  if (path === undefined || sent === undefined)
    return required
      ? {
          path: "headers.origin",
          message: `must be this server's origin${own ? ` (${own})` : ""}; the request carries neither Origin nor Referer`,
        }
      : undefined;
  if (own !== undefined && originOf(sent) === own) return undefined;
  return {
    path,
    message: `must be this server's origin${own ? ` (${own})` : ""}; got "${sent.slice(0, 200)}"`,
  };
}
