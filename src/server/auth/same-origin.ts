import type { FastifyRequest } from "fastify";
import type { InputIssue } from "../../domain/validation/input-issue.ts";

/**
 * The one check that a request comes from this server's own pages, used by the request guard (every
 * write, src/server/request-guard.ts) and by authentication (a write carrying the session cookie, and
 * the login: the CSRF check in auth/authenticate.ts), each with its rule.
 */
export interface OriginRule {
  /** A request naming no origin (neither Origin nor, when `referer`, Referer) is refused. */
  readonly required: boolean;
  /** Without an Origin, the Referer's origin is compared (browsers send one unless told not to). */
  readonly referer: boolean;
  /**
   * The scheme must be this server's (https over TLS or behind a trusted proxy). Without it only the
   * host and port are compared: behind a TLS proxy the server is not told of, it sees http while
   * the page is https.
   */
  readonly scheme: boolean;
}

/** A write carrying the session cookie, or a login: its origin must be named, and be exactly ours. */
export const SESSION_ORIGIN: OriginRule = { required: true, referer: true, scheme: true };

/** Any write (the request guard): an Origin, when sent, must name this server's host and port. */
export const ANY_WRITE_ORIGIN: OriginRule = { required: false, referer: false, scheme: false };

/** The origin (scheme://host[:port], default port left out) of a URL, or undefined when it has none. */
function originOf(url: string): string | undefined {
  try {
    const o = new URL(url).origin;
    return o === "null" ? undefined : o;
  } catch {
    return undefined;
  }
}

/** The scheme of an origin ("https"), or undefined. */
const schemeOf = (origin: string | undefined) => origin?.slice(0, origin.indexOf(":"));

/**
 * This server's own origin as the request names it: its scheme (https over TLS, or when a trusted
 * proxy says so through X-Forwarded-Proto) — or `scheme` when given — and its Host header
 * (X-Forwarded-Host behind a trusted proxy). The Host itself is checked against the allowed names by
 * the request guard, so an attacker's DNS name never gets this far.
 */
export function ownOrigin(req: FastifyRequest, scheme: string = req.protocol): string | undefined {
  const host = req.host;
  return host ? originOf(`${scheme}://${host}`) : undefined;
}

/**
 * Why a request does not come from this server's own pages under `rule`, or undefined when it does:
 * its `Origin` — or, when the rule takes it and the browser sent no Origin, its `Referer` — must
 * name this server's origin (a default port written or not is the same origin). `true` is
 * SESSION_ORIGIN and `false` the same rule with nothing required.
 */
export function originProblem(req: FastifyRequest, rule: OriginRule | boolean): InputIssue | undefined {
  const r = typeof rule === "boolean" ? { ...SESSION_ORIGIN, required: rule } : rule;
  const origin = req.headers.origin;
  const referer = r.referer ? req.headers.referer : undefined;
  const [path, sent] =
    origin !== undefined
      ? ["headers.origin", origin]
      : referer !== undefined
        ? ["headers.referer", referer]
        : [];
  const own = ownOrigin(req);
  const shown = r.scheme ? own : req.host ? `…//${req.host}` : undefined;
  const must = `must be this server's origin${shown ? ` (${shown})` : ""}`;
  if (path === undefined || sent === undefined)
    return r.required
      ? { path: "headers.origin", message: `${must}; the request carries neither Origin nor Referer` }
      : undefined;
  const theirs = originOf(sent);
  const ours = r.scheme ? own : ownOrigin(req, schemeOf(theirs) ?? req.protocol);
  if (ours !== undefined && theirs === ours) return undefined;
  return { path, message: `${must}; got "${sent.slice(0, 200)}"` };
}
