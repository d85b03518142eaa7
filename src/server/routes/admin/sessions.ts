import { z } from "zod";
import { sessionSchema } from "../../../contract/admin.ts";
import { queryScope, type ResourceRef } from "../../../domain/access/policy.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { empty, errors } from "../../route-schema.ts";
import { sessionJson } from "./records.ts";

/** The SHA-256 digest (hex) a session is named by. */
const sessionParams = z.object({ id: z.string().meta({ description: "a session's id (SHA-256 hex)" }) });

/** Sessions: everyone's own, and for administrators anyone's; listed and revoked. */
export function sessionRoutes(app: ApiApp, ctx: AppContext): void {
  /** An open session's user as the policy sees it, or undefined when there is no such open session. */
  const openSession = async (id: string): Promise<ResourceRef | undefined> => {
    const owner = await ctx.sessions.openOwner(id);
    return owner && { kind: "user", ...owner };
  };

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
      const list = await ctx.sessions.list(queryScope(req.actor, "session.read"), {
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
      const ref = await findFor(req.actor, "session.revoke", {
        read: "session.read",
        what: "open session",
        id: `${id.slice(0, 12)}…`,
        load: () => openSession(id),
        resource: (r) => r,
      });
      await ctx.change(req, async (tx) => {
        await tx.sessions.revoke(id);
        return {
          value: null,
          audit: {
            action: "session.revoke",
            resource: ref,
            kind: "session",
            id,
            before: { session: id, revoked: false },
            after: { session: id, revoked: true },
          },
        };
      });
      return reply.status(204).send(null);
    },
  );
}
