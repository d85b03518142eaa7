import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { inboxMessageSchema } from "../../../contract/inbox.ts";
import { storedId } from "../../../contract/stored-id.ts";
import type { ResourceRef } from "../../../domain/access/policy.ts";
import { INBOX_PAGE_MAX } from "../../../storage/inbox-repository.ts";
import type { ApiApp } from "../../api-app.ts";
import { authorise } from "../../auth/authorise.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../route-schema.ts";

/**
 * The actor's own user for `action`: a signed-in user's. An API token has no inbox (it is no
 * person; messages go to users): 403, as for any action its grants do not reach.
 */
function ownUser(
  req: FastifyRequest,
  action: "inbox.read" | "inbox.mark",
): { userId: string; ref: ResourceRef } {
  const a = req.actor;
  const ref: ResourceRef = {
    kind: "user",
    organisationId: a.kind === "anonymous" ? null : a.organisationId,
    regionCode: null,
    userId: a.kind === "user" ? a.userId : undefined,
  };
  authorise(a, action, ref);
  return { userId: (a as { userId: string }).userId, ref };
}

/** The inbox (issue 13): each user's notifications — read, page through, mark read. */
export function inboxRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/inbox",
    {
      config: { access: { action: "inbox.read" } },
      schema: {
        summary:
          "the signed-in user's messages, newest first, with the number unread (an API token has none: 403)",
        querystring: z
          .object({
            unread: z.enum(["true", "false"]).optional().describe("true: only unread messages"),
            before: storedId.optional().describe("the previous page's next"),
            limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MAX).default(50),
          })
          .strict(),
        response: {
          200: z
            .object({
              items: z.array(inboxMessageSchema),
              next: z.string().nullable(),
              unread: z.number().int(),
            })
            .meta({ id: "InboxPage" }),
          ...errors("bad-input", "forbidden"),
        },
      },
    },
    async (req) => {
      const { userId } = ownUser(req, "inbox.read");
      return ctx.inbox.list(userId, {
        unreadOnly: req.query.unread === "true",
        ...(req.query.before ? { before: req.query.before } : {}),
        limit: req.query.limit,
      });
    },
  );

  app.post(
    "/api/inbox/read",
    {
      config: { access: { action: "inbox.mark" } },
      schema: {
        summary: "mark the signed-in user's messages read (the given ones, or all)",
        body: z
          .object({ ids: z.array(storedId).max(1000).optional().describe("omitted: every message") })
          .strict()
          .meta({ id: "InboxMark" }),
        response: { 200: z.object({ marked: z.number().int() }), ...errors("bad-input", "forbidden") },
      },
    },
    async (req) => {
      const { userId, ref } = ownUser(req, "inbox.mark");
      const marked = await ctx.change(req, async (tx) => {
        const n = await tx.inbox.markRead(userId, req.body.ids);
        return {
          value: n,
          audit: {
            action: "inbox.mark" as const,
            resource: ref,
            kind: "inbox" as const,
            id: userId,
            after: { marked: n },
          },
        };
      });
      return { marked };
    },
  );
}
