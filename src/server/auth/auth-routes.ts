import type { Kysely } from "kysely";
import { loginInput, meSchema } from "../../contract/auth.ts";
import type { Identity } from "../../app/auth/identity.ts";
import type { Database } from "../../storage/schema.ts";
import type { ApiApp } from "../api-app.ts";
import type { FastifyRequest } from "fastify";
import { auditWho, type AuditWho, type AuthAction } from "../../domain/access/audit-event.ts";
import { ANONYMOUS, type UserActor } from "../../domain/access/actor.ts";
import type { RegionCode } from "../../domain/access/region-code.ts";
import { auditedChange } from "../access/audit.ts";
import { notSignedIn } from "../access/route-access.ts";
import { empty, errors } from "../route-schema.ts";
import { authError } from "./auth-errors.ts";
import { LoginGate } from "./login-gate.ts";
import { DEFAULT_LOGIN_LIMITS, loginLimiter, rateLimited, type LoginLimits } from "./login-limits.ts";
import { asSystem, rowScopeOf, withRowScope } from "../../storage/row-scope.ts";
import { meAnswer } from "./me-answer.ts";
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from "./session-cookie.ts";

export interface AuthRoutesOptions {
  readonly db: Kysely<Database>;
  readonly identity: Identity;
  readonly limits?: LoginLimits;
  /** How many logins are checked at once and queued (login-gate.ts). */
  readonly gate?: LoginGate;
}

/** The one answer to a failed login: it never says whether the account exists, the password was wrong or the account is disabled. */
export const LOGIN_REFUSED = "the username or password is wrong, or the account cannot sign in";

/** Answers about who is signed in are personal and change with each login: never cached. */
const NO_STORE = { "cache-control": "no-store" } as const;

/**
 * Signing in and out, and who is signed in:
 * - `POST /api/auth/login` {username, password}: a new session (its secret only in the HttpOnly
 *   cookie), answered with the `/api/me` body. Every login makes a new session and ends the one the
 *   request's cookie named, so a session id planted before the login is worth nothing (fixation).
 *   Rate-limited per address and per account (login-limits.ts), a few checked at once with a
 *   bounded queue (login-gate.ts); the refusal is the same for an unknown user, a wrong password
 *   and a disabled account.
 * - `POST /api/auth/logout`: ends the cookie's session and clears the cookie (also when it had ended).
 * - `GET /api/me`: who the request's actor is; 401 for the public.
 * `authenticate` (authenticate.ts) must be registered on the app first.
 */
export async function authRoutes(app: ApiApp, o: AuthRoutesOptions): Promise<void> {
  const limiter = await loginLimiter(app, o.limits ?? DEFAULT_LOGIN_LIMITS);
  const gate = o.gate ?? new LoginGate();

  /**
   * Records a sign-in, a refused one or a sign-out in the audit trail (MLPS level 2 asks for both),
   * in a transaction of its own: there is no change of stored data to share it with. The account is
   * the user as the policy sees it — its organisation and that organisation's region — so that the
   * regulators of the region read its sign-ins, as they read the other events on the account.
   */
  const auditSignIn = (req: FastifyRequest, action: AuthAction, who: AuditWho, user: UserActor | null) =>
    // Finding the account's organisation is the system's work, like finding the account (the row
    // scope of a transaction is set when it begins).
    asSystem(() =>
      auditedChange(o.db, req, async (trx) => {
        const org = user
          ? await trx
              .selectFrom("organisations")
              .select("region_code")
              .where("id", "=", user.organisationId)
              .executeTakeFirst()
          : undefined;
        return {
          value: undefined,
          audit: {
            action,
            resource: {
              kind: "user",
              organisationId: user?.organisationId ?? null,
              regionCode: (org?.region_code as RegionCode | undefined) ?? user?.jurisdiction ?? null,
              ...(user ? { userId: user.userId } : {}),
            },
            id: user?.userId ?? null,
            outcome: action === "auth.login-failed" ? "refused" : "done",
            who,
          },
        };
      }),
    );

  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        summary: "sign in: sets the session cookie mc_session and answers who signed in",
        body: loginInput,
        response: {
          200: meSchema,
          ...errors("bad-input", "not-signed-in", "rate-limited", "csrf"),
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      await limiter.admit(req, reply, username);
      let checked;
      try {
        // Finding the account is the system's work (row-scope.ts): there is no actor yet.
        checked = await gate.run(() =>
          asSystem(() =>
            o.identity.login(username, password, {
              address: req.ip ?? null,
              userAgent: req.headers["user-agent"] ?? null,
            }),
          ),
        );
        if (checked && !checked.value.ok) await limiter.failed(req, username);
      } finally {
        limiter.settled(username);
      }
      if (!checked)
        throw rateLimited(reply, 2, "the server is checking too many logins at once; try again in a moment");
      const r = checked.value;
      if (!r.ok) {
        // The name as typed (printable, bounded), so that guessing at one account shows in the trail.
        // eslint-disable-next-line no-control-regex -- control characters are what it replaces
        const typed = username.replace(/[\u0000-\u001f\u007f\uD800-\uDFFF]/g, "?").slice(0, 64);
        await auditSignIn(req, "auth.login-failed", { ...auditWho(ANONYMOUS), username: typed || "?" }, null);
        throw authError("not-signed-in", LOGIN_REFUSED);
      }
      const previous = sessionSecretOf(req);
      if (previous !== undefined) await asSystem(() => o.identity.logout(previous));
      setSessionCookie(req, reply, r.sessionSecret);
      await auditSignIn(req, "auth.login", auditWho(r.actor), r.actor);
      const me = await withRowScope(rowScopeOf(r.actor), () => meAnswer(o.db, r.actor));
      return reply.headers(NO_STORE).send(me);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "public" },
      schema: {
        summary: "sign out: ends the session and clears its cookie",
        response: { 204: empty("signed out (also when no session was open)"), ...errors("csrf") },
      },
    },
    async (req, reply) => {
      const secret = sessionSecretOf(req);
      if (secret !== undefined) await asSystem(() => o.identity.logout(secret));
      if (req.actor.kind === "user") await auditSignIn(req, "auth.logout", auditWho(req.actor), req.actor);
      clearSessionCookie(req, reply);
      return reply.status(204).headers(NO_STORE).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "who is signed in: user, organisation, roles and the actions they may use",
        response: { 200: meSchema, ...errors("not-signed-in") },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (actor.kind === "anonymous") throw notSignedIn(req, reply);
      return reply.headers(NO_STORE).send(await meAnswer(o.db, actor));
    },
  );
}
