import type { FastifyReply, FastifyRequest } from "fastify";
import type { ActionId } from "../../domain/access/actions.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { decide, type ResourceRef } from "../../domain/access/policy.ts";
import { authError } from "./auth-errors.ts";

/** Paths anyone may ask without signing in: signing in itself, the public portal, the API document. */
const OPEN = [/^\/api\/auth\//, /^\/api\/public(\/|$)/];

/**
 * Whether a path of the API needs a signed-in actor: everything under /api/ but /api/auth/* and
 * /api/public/* (and what lies outside /api/: /openapi.json, the web app's pages and assets).
 */
export function needsSignIn(path: string): boolean {
  return path.startsWith("/api/") && !OPEN.some((p) => p.test(path));
}

/** A 401 for the request's anonymous actor, saying why a credential it carried was not taken. */
export function notSignedIn(req: FastifyRequest, reply: FastifyReply) {
  // RFC 9110 §11.6.1: a 401 names the schemes the server takes (the session cookie has none).
  reply.header("www-authenticate", 'Bearer realm="minecarbon"');
  return authError(
    "not-signed-in",
    req.credentialProblem ?? "sign in first (POST /api/auth/login) or send an API token",
  );
}

/**
 * An onRequest hook (registered after `authenticate`): an anonymous request for a path that
 * `needsSignIn` is answered 401 `not-signed-in` before its route runs. The path is the matched
 * route's pattern when there is one (so `/api/public/../areas` cannot pass for a public path),
 * else the URL's path.
 */
export async function requireSignedIn(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = req.routeOptions.url ?? req.url.split("?")[0]!;
  if (req.actor.kind === "anonymous" && needsSignIn(path)) throw notSignedIn(req, reply);
}

/**
 * Asks the policy whether the request's actor may do `action` on `resource` and throws when not:
 * 401 `not-signed-in` for the public, 403 `forbidden` naming the action for everyone else.
 */
export function authorise(actor: Actor, action: ActionId, resource: ResourceRef): void {
  const d = decide(actor, action, resource);
  if (d.allowed) return;
  if (d.reason === "not-signed-in") throw authError("not-signed-in", `sign in to ${action}`);
  throw authError(
    "forbidden",
    d.reason === "not-granted"
      ? `${actor.kind === "token" ? "this API token" : "no role of this user"} may ${action}`
      : `${action} is not allowed on this ${resource.kind} (outside what this ${actor.kind === "token" ? "token" : "user"}'s roles reach)`,
    [{ path: "", message: `action ${action}: ${d.reason}` }],
  );
}
