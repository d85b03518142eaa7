import { z } from "zod";
import { tokenCreatedSchema, tokenInput, tokenSchema } from "../../../contract/admin.ts";
import { decide, queryScope } from "../../../domain/access/policy.ts";
import { ROLES, type RoleId } from "../../../domain/access/roles.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { authError } from "../../auth/auth-errors.ts";
import { authorise } from "../../auth/authorise.ts";
import type { AppContext } from "../../context.ts";
import { empty, errors, idParams } from "../../route-schema.ts";
import { orgResource, tokenJson } from "./records.ts";
import { identityOn } from "./users.ts";

/**
 * API tokens for machine clients: an organisation's editors (and administrators) list, create and
 * revoke them; a token reaches no further than the user who created it.
 */
export function tokenRoutes(app: ApiApp, ctx: AppContext): void {
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
    async (req) => (await ctx.tokens.list(queryScope(req.actor, "token.read"))).map(tokenJson),
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
      const created = await ctx.change(req, async (tx) => {
        const { id, secret } = await identityOn(tx.db).createToken({
          organisationId: org.id,
          name: req.body.name,
          roles: [...new Set(req.body.roles)] as RoleId[],
          actions: [...new Set(req.body.actions)],
          createdBy: actor.userId,
          expiresAt,
        });
        const token = (await tx.tokens.get(id))!;
        return {
          value: { token: tokenJson(token), secret },
          audit: {
            action: "token.manage",
            resource: orgResource(org),
            kind: "token",
            id: token.id,
            after: tokenJson(token),
          },
        };
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
      const { token: before, org } = await findFor(req.actor, "token.manage", {
        read: "token.read",
        what: "API token",
        id: req.params.id,
        load: async () => {
          const token = await ctx.tokens.get(req.params.id);
          const org = token && (await ctx.organisations.get(token.organisationId));
          return token && org ? { token, org } : undefined;
        },
        resource: ({ org }) => orgResource(org),
      });
      await ctx.change(req, async (tx) => {
        await identityOn(tx.db).revokeToken(before.id);
        const after = (await tx.tokens.get(before.id))!;
        return {
          value: null,
          audit: {
            action: "token.manage",
            resource: orgResource(org),
            kind: "token",
            id: before.id,
            before: tokenJson(before),
            after: tokenJson(after),
          },
        };
      });
      return reply.status(204).send(null);
    },
  );
}
