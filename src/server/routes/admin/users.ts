import type { Kysely } from "kysely";
import { z } from "zod";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../../app/auth/identity.ts";
import { hashPassword, passwordProblems } from "../../../app/auth/passwords.ts";
import {
  passwordChangeInput,
  resetPasswordInput,
  userInput,
  userPatch,
  userSchema,
} from "../../../contract/admin.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { decide, queryScope } from "../../../domain/access/policy.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import type { Database } from "../../../storage/schema.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError } from "../../api-error.ts";
import { authError } from "../../auth/auth-errors.ts";
import { authorise } from "../../auth/authorise.ts";
import type { AppContext } from "../../context.ts";
import { passwordChangeLimit } from "../../rate-limits.ts";
import { empty, errors, idParams } from "../../route-schema.ts";
import { orgResource, userJson, userResource } from "./records.ts";

/** The password's problems as input issues at `path` (the password itself is never repeated). */
const passwordIssues = (password: string, username: string, path: string): InputIssue[] =>
  passwordProblems(password, username).map((message) => ({ path, message }));

/**
 * Identity's writes on `db`, the transaction of the change and its audit event. Revoking sessions
 * and changing a password do not depend on the session lifetimes (only opening a session does).
 */
export const identityOn = (db: Kysely<Database>) => new Identity(db, DEFAULT_SESSION_LIFETIMES);

/**
 * User accounts (administrators create them, change their roles, disable and enable them and set
 * their passwords; everyone reads their own) and the signed-in user's own password.
 */
export function userRoutes(app: ApiApp, ctx: AppContext): void {
  /** The user of an id for `action`: 404 when the actor may not read it, 403 when it may not act. */
  const userFor = async (actor: Actor, id: string, action: ActionId) => {
    const found = await findFor(actor, action, {
      read: "user.read",
      what: "user",
      id,
      load: async () => {
        const user = await ctx.users.get(id);
        return user && { user, org: await ctx.organisations.get(user.organisationId) };
      },
      resource: ({ user, org }) => userResource(user, org),
    });
    return { user: found.user, ref: userResource(found.user, found.org) };
  };

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
          "create a user account with roles and a first password, which the user must change at the first sign-in",
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
      const user = await ctx.change(req, async (tx) => {
        const u = await tx.users.add({
          ...body,
          passwordHash,
          // Always: a password someone else chose is known to them until the user changes it.
          mustChangePassword: true,
        });
        return {
          value: u,
          audit: { action: "user.manage", resource: userResource(u, org), id: u.id, after: userJson(u) },
        };
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
      const self = req.actor.kind === "user" && req.actor.userId === before.id;
      if (req.body.disabled && self)
        throw new ApiError("bad-input", "you cannot disable your own account", [
          { path: "disabled", message: "would lock you out: ask another administrator" },
        ]);
      if (
        req.body.roles !== undefined &&
        self &&
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
        self &&
        req.body.roles.some((r) => !(before.roles as readonly string[]).includes(r))
      )
        throw new ApiError("bad-input", "you cannot give yourself a role", [
          { path: "roles", message: "another administrator gives you a role, and the trail records who" },
        ]);
      const after = await ctx.change(req, async (tx) => {
        if (req.body.roles !== undefined) await tx.users.setRoles(before.id, req.body.roles);
        if (req.body.disabled !== undefined) {
          await tx.users.setDisabled(before.id, req.body.disabled);
          if (req.body.disabled) await identityOn(tx.db).revokeSessions(before.id, "user-disabled");
        }
        const u = (await tx.users.get(before.id))!;
        return {
          value: u,
          audit: {
            action: "user.manage",
            resource: ref,
            id: u.id,
            before: userJson(before),
            after: userJson(u),
          },
        };
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
      await ctx.change(req, async (tx) => {
        await tx.users.setPasswordHash(user.id, passwordHash, true);
        await identityOn(tx.db).revokeSessions(user.id, "password-changed");
        const after = (await tx.users.get(user.id))!;
        return {
          value: null,
          audit: {
            action: "user.manage",
            resource: ref,
            id: user.id,
            before: userJson(user),
            after: userJson(after),
          },
        };
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
        rateLimit: passwordChangeLimit,
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
      // One's own account is read, not written, under row-level security: the change the policy
      // allowed (the current password checked) is written as the system.
      await ctx.changeAsSystem(req, async (tx) => {
        await identityOn(tx.db).changePassword(actor.userId, req.body.new, actor.sessionId);
        const after = await tx.users.get(actor.userId);
        const org = await tx.organisations.get(actor.organisationId);
        return {
          value: null,
          audit: {
            action: "user.manage",
            resource: userResource({ id: actor.userId, organisationId: actor.organisationId }, org),
            id: actor.userId,
            before: before ? userJson(before) : null,
            after: after ? userJson(after) : null,
          },
        };
      });
      return reply.status(204).send(null);
    },
  );
}
