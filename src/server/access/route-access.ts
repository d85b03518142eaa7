import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isActionId, type ActionId } from "../../domain/access/actions.ts";
import { grantsFor } from "../../domain/access/policy.ts";
import { authError } from "../auth/auth-errors.ts";

/**
 * What a route needs before its handler runs:
 * - an action of src/domain/access/actions.ts: the actor must hold some grant of it (the handler
 *   then asks the policy about the resource itself, e.g. `ctx.area(actor, id, action)`, or `findFor` of access/find-for.ts);
 * - `signed-in`: any signed-in user or API token (e.g. `GET /api/me`);
 * - `public`: anyone (signing in, the public portal).
 * Every route under /api/ declares one in `config.access`; the app refuses to start otherwise, so a
 * new route cannot be open by omission. The OpenAPI document carries it as `x-access`, which the
 * route-walking isolation test reads.
 */
export type RouteAccess = { readonly action: ActionId } | "signed-in" | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
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

/** What a user who must change the password may still reach (signing out is public): who they are, the change. */
const PASSWORD_CHANGE_ROUTES = new Set(["/api/me", "/api/me/password"]);

const label = (a: RouteAccess) => (typeof a === "string" ? a : a.action);

/** The access a route's config declares, or an error naming the route. */
function declared(method: string, url: string, access: unknown): RouteAccess {
  if (access === "public" || access === "signed-in") return access;
  if (
    typeof access === "object" &&
    access !== null &&
    "action" in access &&
    isActionId(String(access.action))
  )
    return access as RouteAccess;
  throw new Error(
    `route ${method} ${url} declares no access: give it config.access = { action: "<one of src/domain/access/actions.ts>" }, "signed-in" or "public"`,
  );
}

/**
 * Registers the check: every API route declares its access (startup fails otherwise) and every
 * request is refused before its body is read when the actor cannot have it: 401 `not-signed-in`
 * for the public, 403 `forbidden` for an actor none of whose roles grants the action.
 * Must be registered after `authenticate` (which sets `req.actor`).
 */
export function routeAccess(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const access = declared([route.method].flat().join(","), route.url, route.config?.access);
    if (route.schema && !route.schema.hide) {
      const schema = route.schema as Record<string, unknown>;
      schema["x-access"] = label(access);
      if (access !== "public") schema.security = [{ session: [] }, { token: [] }];
    }
  });
  app.addHook("onRequest", async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    if (req.actor.kind === "anonymous") throw notSignedIn(req, reply);
    if (
      req.actor.kind === "user" &&
      req.actor.mustChangePassword &&
      !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? "")
    )
      throw authError("forbidden", "change the password an administrator set first (POST /api/me/password)", [
        { path: "", message: "the account must change its password before anything else" },
      ]);
    if (access === "signed-in") return;
    if (grantsFor(req.actor, access.action).every((g) => g.scope === "published"))
      throw authError(
        "forbidden",
        `${req.actor.kind === "token" ? "this API token" : "no role of this user"} may ${access.action}`,
        [{ path: "", message: `action ${access.action}: not granted` }],
      );
  });
}
