/*
 * Test support only (test/server/auth-test-app.ts, auth.test.ts): production refuses the public by
 * each route's declared access (access/route-access.ts). To be moved into those tests and deleted.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { notSignedIn } from "../access/route-access.ts";

/** Paths anyone may ask without signing in: signing in itself, the public portal, the API document. */
const OPEN = [/^\/api\/auth\//, /^\/api\/public(\/|$)/];

/**
 * Whether a path of the API needs a signed-in actor: everything under /api/ but /api/auth/* and
 * /api/public/* (and what lies outside /api/: /openapi.json, the web app's pages and assets).
 */
export function needsSignIn(path: string): boolean {
  return path.startsWith("/api/") && !OPEN.some((p) => p.test(path));
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
