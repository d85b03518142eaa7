import { z } from "zod";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../app/auth/identity.ts";
import { hashPassword, passwordProblems } from "../../app/auth/passwords.ts";
import {
  organisationInput,
  organisationPatch,
  organisationSchema,
  passwordChangeInput,
  regionInput,
  regionSchema,
  resetPasswordInput,
  sessionSchema,
  tokenCreatedSchema,
  tokenInput,
  tokenSchema,
  userInput,
  userPatch,
  userSchema,
} from "../../contract/admin.ts";
import type { ActionId } from "../../domain/access/actions.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { decide, queryScope, type ResourceRef } from "../../domain/access/policy.ts";
import { isRegionCode, type RegionCode } from "../../domain/access/region-code.ts";
import { ROLES, type RoleId } from "../../domain/access/roles.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { ApiTokenRepository, type ApiTokenInfo } from "../../storage/api-token-repository.ts";
import { OrganisationRepository } from "../../storage/organisation-repository.ts";
import { RegionRepository } from "../../storage/region-repository.ts";
import { SessionRepository, type SessionInfo } from "../../storage/session-repository.ts";
import { UserRepository, type User } from "../../storage/user-repository.ts";
import { auditRequest } from "../access/audit.ts";
import type { ApiApp } from "../api-app.ts";
import { ApiError, notFound } from "../api-error.ts";
import { authError } from "../auth/auth-errors.ts";
import { authorise } from "../auth/authorise.ts";
import type { AppContext } from "../context.ts";
import { empty, errors, idParams } from "../route-schema.ts";
import { routeRateLimit } from "./public-routes.ts";
import { areaAdminRoutes } from "./admin/areas.ts";
import { orgResource } from "./admin/resources.ts";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const userJson = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  roles: [...u.roles],
  mustChangePassword: u.mustChangePassword,
  disabled: u.disabled,
  passwordChangedAt: u.passwordChangedAt.toISOString(),
  createdAt: u.createdAt.toISOString(),
});

const tokenJson = (t: ApiTokenInfo) => ({
  id: t.id,
  organisationId: t.organisationId,
  name: t.name,
  roles: [...t.roles],
  actions: [...t.actions],
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
  lastUsedAt: iso(t.lastUsedAt),
});

const sessionJson = (s: SessionInfo, actor: Actor) => ({
  id: s.id,
  userId: s.userId,
  username: s.username,
  organisationId: s.organisationId,
  current: actor.kind === "user" && actor.sessionId === s.id,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  revokedAt: iso(s.revokedAt),
  revokedReason: s.revokedReason,
  address: s.address,
  userAgent: s.userAgent,
});

/** The session SHA-256 digest a session is named by. */
const sessionParams = z.object({ id: z.string().meta({ description: "a session's id (SHA-256 hex)" }) });

/** The password's problems as input issues at `path` (the password itself is never repeated). */
const passwordIssues = (password: string, username: string, path: string): InputIssue[] =>
  passwordProblems(password, username).map((message) => ({ path, message }));

/** An Identity whose writes go into `trx`, the transaction of the change and its audit event. */
const identityIn = (trx: Parameters<typeof auditRequest>[0]) => new Identity(trx, DEFAULT_SESSION_LIFETIMES);

/**
 * Administration: regions, organisations, users, the signed-in user's own password, API tokens,
 * sessions, and the owners, publication and verifiers of areas. Lists are scoped by the policy; a
 * record the actor may not read is not found (404), one it may read but not change is refused
 * (403). Every change writes one audit event in the transaction that makes it.
 */
export function adminRoutes(app: ApiApp, ctx: AppContext): void {
  const db = ctx.store.db;

  /** The organisation of an id for `action`: 404 when the actor may not read it, 403 when it may not act. */
  const organisationFor = async (actor: Actor, id: string, action: ActionId) => {
    const o = await ctx.organisations.get(id);
    if (!o || !decide(actor, "organisation.read", orgResource(o)).allowed) throw notFound("organisation", id);
    authorise(actor, action, orgResource(o));
    return o;
  };

  const userResource = async (u: User): Promise<ResourceRef> => {
    const org = await ctx.organisations.get(u.organisationId);
    return {
      kind: "user",
      organisationId: u.organisationId,
      regionCode: org?.regionCode ?? null,
      userId: u.id,
    };
  };

  /** The user of an id for `action`: 404 when the actor may not read it, 403 when it may not act. */
  const userFor = async (actor: Actor, id: string, action: ActionId) => {
    const u = await ctx.users.get(id);
    const ref = u ? await userResource(u) : undefined;
    if (!u || !ref || !decide(actor, "user.read", ref).allowed) throw notFound("user", id);
    authorise(actor, action, ref);
    return { user: u, ref };
  };

  // Regions ------------------------------------------------------------------------------------
  app.get(
    "/api/regions",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "the regions of GB/T 2260 the system knows (public reference data), by code",
        response: { 200: z.array(regionSchema), ...errors("not-signed-in") },
      },
    },
    async () => ctx.regions.list(),
  );
  app.post(
    "/api/regions",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary: "add a region below its parent (administrators)",
        body: regionInput,
        response: { 201: regionSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const ref: ResourceRef = {
        kind: "organisation",
        organisationId: null,
        regionCode: req.body.code as RegionCode,
      };
      authorise(req.actor, "organisation.manage", ref);
      const region = await db.transaction().execute(async (trx) => {
        const r = await new RegionRepository(trx).add(req.body);
        await auditRequest(trx, req, { action: "organisation.manage", resource: ref, id: r.code, after: r });
        return r;
      });
      return reply.status(201).send(region);
    },
  );

  // Organisations ------------------------------------------------------------------------------
  app.get(
    "/api/organisations",
    {
      config: { access: { action: "organisation.read" } },
      schema: {
        summary:
          "the organisations the actor may see (its own; a regulator's jurisdiction; all for administrators)",
        response: { 200: z.array(organisationSchema) },
      },
    },
    async (req) => ctx.organisations.list(queryScope(req.actor, "organisation.read")),
  );
  app.post(
    "/api/organisations",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary: "add an organisation: a department, an enterprise or a verification body (administrators)",
        body: organisationInput,
        response: { 201: organisationSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      authorise(req.actor, "organisation.manage", {
        kind: "organisation",
        organisationId: null,
        regionCode: isRegionCode(req.body.regionCode) ? req.body.regionCode : null,
      });
      const org = await db.transaction().execute(async (trx) => {
        const o = await new OrganisationRepository(trx).add(req.body);
        await auditRequest(trx, req, {
          action: "organisation.manage",
          resource: orgResource(o),
          id: o.id,
          after: o,
        });
        return o;
      });
      return reply.status(201).send(org);
    },
  );
  app.patch(
    "/api/organisations/:id",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary:
          "disable an organisation (its users cannot sign in, its sessions and API tokens stop) or enable it",
        params: idParams,
        body: organisationPatch,
        response: { 200: organisationSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const before = await organisationFor(req.actor, req.params.id, "organisation.manage");
      if (req.body.disabled && req.actor.kind !== "anonymous" && req.actor.organisationId === before.id)
        throw new ApiError("bad-input", "an administrator cannot disable their own organisation", [
          { path: "disabled", message: "would lock you out: ask another administrator" },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = (await new OrganisationRepository(trx).setDisabled(before.id, req.body.disabled))!;
        await auditRequest(trx, req, {
          action: "organisation.manage",
          resource: orgResource(after),
          id: after.id,
          before,
          after,
        });
        return after;
      });
    },
  );

  // Users --------------------------------------------------------------------------------------
  app.get(
    "/api/users",
    {
      config: { access: { action: "user.read" } },
      schema: {
        summary: "the user accounts the actor may see (administrators: all; everyone: their own)",
        querystring: z.object({ organisationId: z.string().max(20).optional() }),
        response: { 200: z.array(userSchema) },
      },
    },
    async (req) =>
      (
        await ctx.users.list(
          queryScope(req.actor, "user.read"),
          req.query.organisationId !== undefined ? { organisationId: req.query.organisationId } : {},
        )
      ).map(userJson),
  );
  app.post(
    "/api/users",
    {
      config: { access: { action: "user.manage" } },
      schema: {
        summary:
          "create a user account with roles and a first password (which the user must change at first sign-in unless told otherwise)",
        body: userInput,
        response: { 201: userSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const { password, ...body } = req.body;
      const org = await ctx.organisations.get(body.organisationId);
      if (!org || !decide(req.actor, "organisation.read", orgResource(org)).allowed)
        throw new InputError(`user ${body.username}`, [
          { path: "organisationId", message: `no organisation ${body.organisationId}` },
        ]);
      authorise(req.actor, "user.manage", {
        kind: "user",
        organisationId: org.id,
        regionCode: org.regionCode,
      });
      const problems = passwordIssues(password, body.username.trim().toLowerCase(), "password");
      if (problems.length) throw new InputError("the password", problems);
      const passwordHash = await hashPassword(password);
      const user = await db.transaction().execute(async (trx) => {
        const u = await new UserRepository(trx).add({
          ...body,
          passwordHash,
          // Always: a password someone else chose is known to them until the user changes it.
          mustChangePassword: true,
        });
        await auditRequest(trx, req, {
          action: "user.manage",
          resource: {
            kind: "user",
            organisationId: u.organisationId,
            regionCode: org.regionCode,
            userId: u.id,
          },
          id: u.id,
          after: userJson(u),
        });
        return u;
      });
      return reply.status(201).send(userJson(user));
    },
  );
  app.patch(
    "/api/users/:id",
    {
      config: { access: { action: "user.manage" } },
      schema: {
        summary:
          "change a user's roles (they act with them from their next request), disable the account (its sessions end) or enable it",
        params: idParams,
        body: userPatch,
        response: { 200: userSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const { user: before, ref } = await userFor(req.actor, req.params.id, "user.manage");
      if (req.body.disabled && req.actor.kind === "user" && req.actor.userId === before.id)
        throw new ApiError("bad-input", "you cannot disable your own account", [
          { path: "disabled", message: "would lock you out: ask another administrator" },
        ]);
      if (
        req.body.roles !== undefined &&
        req.actor.kind === "user" &&
        req.actor.userId === before.id &&
        before.roles.includes("administrator") &&
        !req.body.roles.includes("administrator")
      )
        throw new ApiError("bad-input", "you cannot take the administrator role from yourself", [
          { path: "roles", message: "would lock you out: ask another administrator" },
        ]);
      // Separated duties: an administrator manages accounts but gives no role to itself (it would
      // otherwise make itself a regulator or an editor and act on the data it administers).
      if (
        req.body.roles !== undefined &&
        req.actor.kind === "user" &&
        req.actor.userId === before.id &&
        req.body.roles.some((r) => !(before.roles as readonly string[]).includes(r))
      )
        throw new ApiError("bad-input", "you cannot give yourself a role", [
          { path: "roles", message: "another administrator gives you a role, and the trail records who" },
        ]);
      const after = await db.transaction().execute(async (trx) => {
        const users = new UserRepository(trx);
        if (req.body.roles !== undefined) await users.setRoles(before.id, req.body.roles);
        if (req.body.disabled !== undefined) {
          await users.setDisabled(before.id, req.body.disabled);
          if (req.body.disabled) await identityIn(trx).revokeSessions(before.id, "user-disabled");
        }
        const u = (await users.get(before.id))!;
        await auditRequest(trx, req, {
          action: "user.manage",
          resource: ref,
          id: u.id,
          before: userJson(before),
          after: userJson(u),
        });
        return u;
      });
      return userJson(after);
    },
  );
  app.post(
    "/api/users/:id/reset-password",
    {
      config: { access: { action: "user.manage" } },
      schema: {
        summary:
          "set a user's password (administrators); the user must change it at the next sign-in, and their sessions end",
        params: idParams,
        body: resetPasswordInput,
        response: { 204: empty("the password was set"), ...errors("bad-input", "not-found") },
      },
    },
    async (req, reply) => {
      const { user, ref } = await userFor(req.actor, req.params.id, "user.manage");
      const problems = passwordIssues(req.body.password, user.username, "password");
      if (problems.length) throw new InputError("the password", problems);
      const passwordHash = await hashPassword(req.body.password);
      await db.transaction().execute(async (trx) => {
        await new UserRepository(trx).setPasswordHash(user.id, passwordHash, true);
        await identityIn(trx).revokeSessions(user.id, "password-changed");
        const after = (await new UserRepository(trx).get(user.id))!;
        await auditRequest(trx, req, {
          action: "user.manage",
          resource: ref,
          id: user.id,
          before: userJson(user),
          after: userJson(after),
        });
      });
      return reply.status(204).send(null);
    },
  );

  // The signed-in user's own password ---------------------------------------------------------------
  app.post(
    "/api/me/password",
    {
      config: {
        access: "signed-in",
        // Guessing the current password through a session left open: 5 tries in 15 minutes per user.
        rateLimit: routeRateLimit(5, 15, "password changes", (req) =>
          req.actor.kind === "user" ? `password:${req.actor.userId}` : `password-address:${req.ip}`,
        ),
      },
      schema: {
        summary:
          "change your own password: give the current one; your other sessions end and you need not change it again",
        body: passwordChangeInput,
        response: {
          204: empty("the password was changed"),
          ...errors("bad-input", "not-signed-in", "rate-limited"),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (actor.kind !== "user")
        throw authError("forbidden", "only a signed-in user changes their password (not an API token)");
      if (!(await ctx.identity.checkPassword(actor.userId, req.body.current)))
        throw new InputError("the password change", [
          { path: "current", message: "is not your current password" },
        ]);
      const problems = passwordIssues(req.body.new, actor.username, "new");
      if (req.body.new === req.body.current)
        problems.push({ path: "new", message: "must differ from the current one" });
      if (problems.length) throw new InputError("the new password", problems);
      const before = await ctx.users.get(actor.userId);
      await db.transaction().execute(async (trx) => {
        await identityIn(trx).changePassword(actor.userId, req.body.new, actor.sessionId);
        const after = await new UserRepository(trx).get(actor.userId);
        const org = await new OrganisationRepository(trx).get(actor.organisationId);
        await auditRequest(trx, req, {
          action: "user.manage",
          resource: {
            kind: "user",
            organisationId: actor.organisationId,
            regionCode: org?.regionCode ?? null,
            userId: actor.userId,
          },
          id: actor.userId,
          before: before ? userJson(before) : null,
          after: after ? userJson(after) : null,
        });
      });
      return reply.status(204).send(null);
    },
  );

  // API tokens ---------------------------------------------------------------------------------
  const tokens = new ApiTokenRepository(db);
  app.get(
    "/api/tokens",
    {
      config: { access: { action: "token.read" } },
      schema: {
        summary:
          "the API tokens the actor may see (an enterprise editor: its organisation's), never their secrets",
        response: { 200: z.array(tokenSchema) },
      },
    },
    async (req) => (await tokens.list(queryScope(req.actor, "token.read"))).map(tokenJson),
  );
  app.post(
    "/api/tokens",
    {
      config: { access: { action: "token.manage" } },
      schema: {
        summary:
          "create an API token for the actor's organisation (or, for administrators, another); its secret is answered ONCE",
        body: tokenInput,
        response: { 201: tokenCreatedSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (actor.kind === "anonymous") throw authError("not-signed-in", "sign in to create a token");
      // A token never makes tokens: a leaked one could otherwise outlive its own revocation.
      if (actor.kind === "token")
        throw authError("forbidden", "an API token cannot create tokens; a signed-in user creates them", [
          { path: "", message: "sign in as a user of the organisation" },
        ]);
      const orgId = req.body.organisationId ?? actor.organisationId;
      const org = await ctx.organisations.get(orgId);
      if (!org || !decide(actor, "token.read", orgResource(org)).allowed)
        throw new InputError("the token", [{ path: "organisationId", message: `no organisation ${orgId}` }]);
      authorise(actor, "token.manage", orgResource(org));
      const issues: InputIssue[] = [];
      // A token never reaches further than its creator: its roles are the creator's, its actions theirs.
      req.body.roles.forEach((r, i) => {
        if (!actor.roles.includes(r as RoleId))
          issues.push({
            path: `roles[${i}]`,
            message: `you do not hold the role ${r}; a token gets only roles you hold`,
          });
      });
      const granted = new Set(req.body.roles.flatMap((r) => (ROLES[r as RoleId] ?? []).map((g) => g.action)));
      req.body.actions.forEach((a, i) => {
        if (!granted.has(a))
          issues.push({ path: `actions[${i}]`, message: `no role of the token grants ${a}` });
      });
      const expiresAt = req.body.expiresAt ? new Date(req.body.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= Date.now())
        issues.push({ path: "expiresAt", message: "must lie in the future" });
      if (issues.length) throw new InputError("the token", issues);
      const created = await db.transaction().execute(async (trx) => {
        const { id, secret } = await identityIn(trx).createToken({
          organisationId: org.id,
          name: req.body.name,
          roles: [...new Set(req.body.roles)] as RoleId[],
          actions: [...new Set(req.body.actions)],
          createdBy: actor.userId,
          expiresAt,
        });
        const token = (await new ApiTokenRepository(trx).get(id))!;
        await auditRequest(trx, req, {
          action: "token.manage",
          resource: orgResource(org),
          id: token.id,
          after: tokenJson(token),
        });
        return { token: tokenJson(token), secret };
      });
      return reply.status(201).headers({ "cache-control": "no-store" }).send(created);
    },
  );
  app.delete(
    "/api/tokens/:id",
    {
      config: { access: { action: "token.manage" } },
      schema: {
        summary: "revoke an API token (it stops at once)",
        params: idParams,
        response: { 204: empty("revoked (also when it was revoked before)"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const before = await tokens.get(req.params.id);
      const org = before ? await ctx.organisations.get(before.organisationId) : undefined;
      if (!before || !org || !decide(req.actor, "token.read", orgResource(org)).allowed)
        throw notFound("API token", req.params.id);
      authorise(req.actor, "token.manage", orgResource(org));
      await db.transaction().execute(async (trx) => {
        await identityIn(trx).revokeToken(before.id);
        const after = (await new ApiTokenRepository(trx).get(before.id))!;
        await auditRequest(trx, req, {
          action: "token.manage",
          resource: orgResource(org),
          id: before.id,
          before: tokenJson(before),
          after: tokenJson(after),
        });
      });
      return reply.status(204).send(null);
    },
  );

  // Sessions -----------------------------------------------------------------------------------
  app.get(
    "/api/sessions",
    {
      config: { access: { action: "session.read" } },
      schema: {
        summary: "sessions: your own, and for administrators anyone's; newest first",
        querystring: z.object({
          userId: z.string().max(20).optional(),
          open: z
            .enum(["true", "false"])
            .default("true")
            .describe("only sessions not revoked and not past their absolute expiry (default)"),
        }),
        response: { 200: z.array(sessionSchema) },
      },
    },
    async (req) => {
      const list = await new SessionRepository(db).list(queryScope(req.actor, "session.read"), {
        ...(req.query.userId !== undefined ? { userId: req.query.userId } : {}),
        ...(req.query.open === "true" ? { openAt: new Date() } : {}),
      });
      return list.map((s) => sessionJson(s, req.actor));
    },
  );
  app.delete(
    "/api/sessions/:id",
    {
      config: { access: { action: "session.revoke" } },
      schema: {
        summary: "revoke a session (sign it out): your own, or for administrators anyone's",
        params: sessionParams,
        response: { 204: empty("revoked"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      const s = /^[0-9a-f]{64}$/.test(id)
        ? await db
            .selectFrom("sessions as s")
            .innerJoin("users as u", "u.id", "s.user_id")
            .innerJoin("organisations as o", "o.id", "u.organisation_id")
            .select(["s.user_id", "u.organisation_id", "o.region_code", "s.revoked_at"])
            .where("s.id", "=", id)
            .executeTakeFirst()
        : undefined;
      const ref: ResourceRef | undefined = s && {
        kind: "user",
        organisationId: String(s.organisation_id),
        regionCode: s.region_code as RegionCode,
        userId: String(s.user_id),
      };
      if (!s || !ref || s.revoked_at !== null || !decide(req.actor, "session.read", ref).allowed)
        throw notFound("open session", `${id.slice(0, 12)}…`);
      authorise(req.actor, "session.revoke", ref);
      await db.transaction().execute(async (trx) => {
        await new SessionRepository(trx).revoke(id);
        await auditRequest(trx, req, {
          action: "session.revoke",
          resource: ref,
          id: ref.userId!,
          before: { session: id, revoked: false },
          after: { session: id, revoked: true },
        });
      });
      return reply.status(204).send(null);
    },
  );

  areaAdminRoutes(app, ctx);
}
