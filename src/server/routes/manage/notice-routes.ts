import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { InboxMessageInput } from "../../../contract/inbox.ts";
import {
  NOTICE_STEPS,
  noticeInput,
  noticeQuery,
  noticeResponseInput,
  noticeSchema,
  noticeStepInput,
  noticeWithEventsSchema,
  type NoticeJson,
} from "../../../contract/notice.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import { queryScope } from "../../../domain/access/policy.ts";
import { recipients } from "../../../app/manage/supervision-recipients.ts";
import type { StoredNotice } from "../../../storage/notice-repository.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError, notFound } from "../../api-error.ts";
import { isId, type AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { mineRecordFor } from "./supervision-routes.ts";

const noticeJson = (n: StoredNotice): NoticeJson => {
  const { mine: _mine, ...json } = n;
  void _mine;
  return json;
};

/** Who acts: a signed-in user or a token's organisation (a token's events name the user who made it). */
function who(req: FastifyRequest): { userId: string; organisationId: string } {
  const a = req.actor;
  if (a.kind === "anonymous") throw new ApiError("not-signed-in", "sign in first");
  return { userId: a.kind === "user" ? a.userId : a.createdBy, organisationId: a.organisationId };
}

/**
 * Rectification notices (issue 13; docs/supervision.md): the regulator issues one for a mine (from a
 * flag, which becomes notice-issued), the enterprise responds with evidence, the regulator closes
 * (the flag is resolved) or escalates it. States: NOTICE_STEPS; a step not allowed now is 409.
 * Each step is an append-only event and a message in the inbox of the other side.
 */
export function noticeRoutes(app: ApiApp, ctx: AppContext): void {
  const noticeFor = (req: FastifyRequest, id: string, action: ActionId) =>
    mineRecordFor(ctx, req, action, "notice", id, (x) => ctx.notices.get(x));

  app.post(
    "/api/mines/:id/notices",
    {
      config: { access: { action: "notice.issue" } },
      schema: {
        summary:
          "issue a rectification notice to a mine's enterprise, with a deadline (from a flag, optionally)",
        params: idParams,
        body: noticeInput,
        response: {
          201: noticeWithEventsSchema,
          ...errors("bad-input", "not-found", "forbidden", "not-finished"),
        },
      },
    },
    async (req, reply) => {
      const mine = await findFor(req.actor, "notice.issue", {
        read: "mine.read",
        what: "mine",
        id: req.params.id,
        load: async (scope) => (isId(req.params.id) ? ctx.mines.getScoped(req.params.id, scope) : undefined),
        resource: mineResource,
      });
      const { flagId, text, deadline } = req.body;
      if (flagId !== undefined) {
        const f = await ctx.flags.get(flagId);
        if (!f || f.mineId !== mine.id)
          throw new ApiError("bad-input", `flag ${flagId} is not a flag of mine ${mine.id}`, [
            { path: "flagId", message: `must be a flag of mine ${mine.id}` },
          ]);
        if (f.status !== "open")
          throw new ApiError(
            "not-finished",
            `flag ${flagId} is ${f.status}: only an open flag gets a notice`,
          );
      }
      const by = who(req);
      const to = await recipients(ctx.db, [mine.organisationId]);
      const created = await ctx.change(req, async (tx) => {
        const id = await tx.notices.issue({ mineId: mine.id, flagId: flagId ?? null, text, deadline, ...by });
        if (flagId !== undefined) await tx.flags.setStatus(flagId, "notice-issued", `notice ${id}`);
        await tx.inbox.send(
          to.ofOrganisation(mine.organisationId).map((userId): InboxMessageInput => ({
            userId,
            kind: "notice",
            subject: { kind: "notice", id },
            text: { key: "inbox.notice-issued", values: { mine: mine.name, date: deadline } },
          })),
        );
        const n = (await tx.notices.get(id))!;
        const value = { ...noticeJson(n), events: await tx.notices.events(id) };
        return {
          value,
          audit: {
            action: "notice.issue" as const,
            resource: mineResource(mine),
            kind: "notice" as const,
            id,
            after: value,
          },
        };
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/notices",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the rectification notices of the mines the actor may read, newest first",
        querystring: noticeQuery,
        response: { 200: z.array(noticeSchema), ...errors("bad-input") },
      },
    },
    async (req) => (await ctx.notices.list(queryScope(req.actor, "mine.read"), req.query)).map(noticeJson),
  );

  app.get(
    "/api/notices/:id",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "a rectification notice with its events",
        params: idParams,
        response: { 200: noticeWithEventsSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const { record } = await noticeFor(req, req.params.id, "mine.read");
      return { ...noticeJson(record), events: await ctx.notices.events(record.id) };
    },
  );

  const step = (
    type: "respond" | "close" | "escalate",
    action: "notice.respond" | "notice.issue",
    summary: string,
  ) =>
    app.post(
      `/api/notices/:id/${type}`,
      {
        config: { access: { action } },
        schema: {
          summary,
          params: idParams,
          body: type === "respond" ? noticeResponseInput : noticeStepInput,
          response: {
            200: noticeWithEventsSchema,
            ...errors("bad-input", "not-found", "forbidden", "not-finished"),
          },
        },
      },
      async (req) => {
        const { record: before, mine } = await noticeFor(req, req.params.id, action);
        const rule = NOTICE_STEPS[type];
        if (!rule.from.includes(before.state))
          throw new ApiError(
            "not-finished",
            `notice ${before.id} is ${before.state}: it may be ${type === "respond" ? "responded to" : `${type}d`} only when ${rule.from.join(" or ")}`,
          );
        const body = req.body as { text: string; evidence?: unknown[] };
        const by = who(req);
        // The enterprise hears of closing and escalating; the issuing department of a response.
        const to = await recipients(ctx.db, [
          type === "respond" ? before.issuedByOrganisationId : mine.organisationId,
        ]);
        const users =
          type === "respond"
            ? to
                .ofOrganisation(before.issuedByOrganisationId)
                .filter((u) => to.regulatorsOf(mine.regionCode).includes(u))
            : to.ofOrganisation(mine.organisationId);
        const after = await ctx.change(req, async (tx) => {
          await tx.notices.step(before.id, rule.to, {
            type,
            ...by,
            text: body.text,
            evidence: body.evidence ?? [],
          });
          if (type === "close" && before.flagId !== null)
            await tx.flags.setStatus(
              before.flagId,
              "resolved",
              `notice ${before.id} closed: ${body.text}`.slice(0, 2000),
            );
          await tx.inbox.send(
            users.map((userId): InboxMessageInput => ({
              userId,
              kind: "notice",
              subject: { kind: "notice", id: before.id },
              text: {
                key: "inbox.notice-state",
                values: { mine: mine.name, state: { term: `notice.${rule.to}` } },
              },
            })),
          );
          const n = await tx.notices.get(before.id);
          if (!n) throw notFound("notice", before.id);
          const value = { ...noticeJson(n), events: await tx.notices.events(before.id) };
          return {
            value,
            audit: {
              action,
              resource: mineResource(mine),
              kind: "notice" as const,
              id: before.id,
              before: noticeJson(before),
              after: value,
            },
          };
        });
        return after;
      },
    );
  step(
    "respond",
    "notice.respond",
    "answer a rectification notice with what was done and its evidence (the enterprise; when open, escalated or responded)",
  );
  step("close", "notice.issue", "close a rectification notice (the regulator; resolves its flag)");
  step(
    "escalate",
    "notice.issue",
    "escalate a rectification notice (the regulator; the enterprise must respond again)",
  );
}
