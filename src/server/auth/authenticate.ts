import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Identity } from "../../app/auth/identity.ts";
import { ANONYMOUS, type Actor } from "../../domain/access/actor.ts";
import { asSystem, rowScopeOf, withRowScope } from "../../storage/row-scope.ts";
import { authError } from "./auth-errors.ts";
import { originProblem } from "./same-origin.ts";
import { sessionSecretOf } from "./session-cookie.ts";

/** How the actor of a request was told: by the session cookie, by an API token, or not at all. */
export type Credential = "session" | "token" | null;

declare module "fastify" {
  interface FastifyRequest {
    /** Who asks: the signed-in user, the API token's client, or the anonymous public. */
    actor: Actor;
    /** What made `actor` known (null for the public). */
    credential: Credential;
    /**
     * Why a credential the request carried was not taken ("the session has ended", "the token is
     * unknown, revoked or expired"), said in the 401 of a route that needs a signed-in actor.
     */
    credentialProblem: string | null;
  }
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const BEARER = /^Bearer[ ]+(\S+)\s*$/i;
/** Routes that take credentials themselves (signing in): their writes carry no session to protect. */
const LOGIN_ROUTE = "/api/auth/login";

/** The secret of an `Authorization: Bearer …` header, or undefined. */
export function bearerSecretOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === "string" ? BEARER.exec(h) : null;
  return m ? m[1] : undefined;
}

export interface AuthenticateOptions {
  readonly identity: Identity;
}

/**
 * Resolves the actor of every API request (under /api/), before its route runs: the session cookie `mc_session`
 * (Identity.sessionActor), else an `Authorization: Bearer mct_…` header (Identity.tokenActor), else
 * the anonymous public. A cookie or token that is no longer valid leaves the request anonymous
 * (`credentialProblem` says why), so that public pages still answer a browser with a stale cookie.
 *
 * CSRF: a write (POST, PUT, PATCH, DELETE) authenticated by the session cookie must come from this
 * server's own pages: its `Origin` — or, if the browser sent none, its `Referer` — must be the
 * server's own origin (scheme and Host), else 403 `csrf`. This is OWASP's "verifying origin with
 * standard headers" defence, beside the cookie's `SameSite=Lax` (browsers do not send the cookie
 * with another site's writes at all) and the request guard's `Sec-Fetch-Site` and content-type
 * checks: three independent layers, no token to keep in the page. Requests with a bearer token are
 * exempt: a browser never adds an Authorization header to a cross-site request without a CORS
 * preflight, which this server never grants, so a page of another site cannot send one. A login
 * carries no session yet, but a foreign Origin on it is refused too (login CSRF: another site
 * signing the browser in to an account of the attacker's).
 */
export async function authenticate(app: FastifyInstance, o: AuthenticateOptions): Promise<void> {
  if (!app.hasRequestDecorator("cookies")) await app.register(cookie);
  // Set by the hook below before any route or later hook reads it.
  app.decorateRequest("actor", null as never);
  app.decorateRequest("credential", null);
  app.decorateRequest("credentialProblem", null);
  // Row-level security on PostgreSQL (row-scope.ts): a request starts as the public, whatever the
  // context the server was started in; finding its session or token is the system's work; once
  // the body is read and the actor known, every query of the route carries the actor's scope.
  // Callback hooks, so that what runs after `done` (the later hooks, the handler) runs inside.
  app.addHook("onRequest", (_req, _reply, done) => withRowScope(rowScopeOf(ANONYMOUS), done));
  app.addHook("preHandler", (req, _reply, done) => withRowScope(rowScopeOf(req.actor), done));
  app.addHook("onRequest", async (req) => {
    req.actor = ANONYMOUS;
    req.credential = null;
    req.credentialProblem = null;
    // The web app's pages and assets are the same for everyone (the app asks /api/me): no session
    // lookup, and no touch of the session, for each of the dozens of files a page loads.
    if (!req.url.startsWith("/api/")) return;
    const session = sessionSecretOf(req);
    if (session !== undefined) {
      const actor = await asSystem(() => o.identity.sessionActor(session));
      if (actor) {
        req.actor = actor;
        req.credential = "session";
      } else req.credentialProblem = "the session has ended (signed out, expired or revoked); sign in again";
    }
    if (req.credential === null) {
      const bearer = bearerSecretOf(req);
      if (bearer !== undefined) {
        const actor = await asSystem(() => o.identity.tokenActor(bearer));
        if (actor) {
          req.actor = actor;
          req.credential = "token";
          req.credentialProblem = null;
        } else req.credentialProblem = "the API token is unknown, revoked or expired";
      }
    }
    if (!WRITES.has(req.method)) return;
    const login = (req.routeOptions.url ?? "") === LOGIN_ROUTE;
    if (req.credential !== "session" && !login) return;
    const problem = originProblem(req, req.credential === "session");
    if (problem)
      throw authError(
        "csrf",
        "a write signed in by the session cookie is accepted only from this server's own pages",
        [problem],
      );
  });
}
