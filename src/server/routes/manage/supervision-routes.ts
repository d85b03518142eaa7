import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  flagDismissInput,
  flagQuery,
  flagSchema,
  supervisionRunInput,
  supervisionRunSchema,
  type FlagJson,
} from "../../../contract/supervision.ts";
import type { InboxMessageInput } from "../../../contract/inbox.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import { queryScope, type ResourceRef } from "../../../domain/access/policy.ts";
import { isRegionCode, isWithinRegion, type RegionCode } from "../../../domain/access/region-code.ts";
import { superviseMine, type SupervisionFlag } from "../../../domain/manage/supervision.ts";
import { gatherMines, supervisionInput } from "../../../app/manage/supervision-gather.ts";
import { recipients } from "../../../app/manage/supervision-recipients.ts";
import type { StoredFlag } from "../../../storage/flag-repository.ts";
import { mineResource, type Mine } from "../../../storage/mine-repository.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError } from "../../api-error.ts";
import { authorise } from "../../auth/authorise.ts";
import { isId, type AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";

/** When a year's report is due: 31 March of the next year, China Standard Time (as China's ETS). */
export const REPORT_DUE = "03-31";
/** A notice's deadline this many days ahead (or fewer) sends its reminder, once. */
export const NOTICE_REMINDER_DAYS = 7;

export const flagJson = (f: StoredFlag): FlagJson => {
  const { mine: _mine, ...json } = f;
  void _mine;
  return json;
};

/**
 * A record of a mine (a flag, a notice) named in the URL, for `action`: 404 when the actor may not
 * read its mine, 403 when it may read but not act.
 */
export async function mineRecordFor<T extends { readonly mineId: string }>(
  ctx: AppContext,
  req: FastifyRequest,
  action: ActionId,
  what: string,
  id: string,
  load: (id: string) => Promise<T | undefined>,
): Promise<{ record: T; mine: Mine }> {
  return findFor(req.actor, action, {
    read: "mine.read",
    what,
    id,
    load: async (scope) => {
      const record = isId(id) ? await load(id) : undefined;
      const mine = record && (await ctx.mines.getScoped(record.mineId, scope));
      return record && mine ? { record, mine } : undefined;
    },
    resource: ({ mine }) => mineResource(mine),
  });
}

/** The region a jurisdiction-wide action is asked for: the one given (within the jurisdiction) or the jurisdiction. */
export function regionOfRequest(
  req: FastifyRequest,
  action: ActionId,
  regionCode: string | undefined,
): ResourceRef {
  const actor = req.actor;
  const jurisdiction = actor.kind === "anonymous" ? null : actor.jurisdiction;
  const region = (regionCode ?? jurisdiction) as RegionCode | null;
  const ref: ResourceRef = { kind: "mine", organisationId: null, regionCode: region };
  authorise(actor, action, ref);
  if (regionCode !== undefined && !isRegionCode(regionCode))
    throw new ApiError("bad-input", "the region code has problems", [
      { path: "regionCode", message: "must be six digits" },
    ]);
  return ref;
}

/** The mines of the actor's scope for `action`, within `region` when given. */
export async function minesIn(
  ctx: AppContext,
  req: FastifyRequest,
  action: ActionId,
  region: string | null,
): Promise<Mine[]> {
  const mines = await ctx.mines.list(queryScope(req.actor, action));
  return region === null || !isRegionCode(region)
    ? mines
    : mines.filter((m) => isWithinRegion(m.regionCode, region as RegionCode));
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Supervision (issue 13; docs/supervision.md): the rules over the mines of the actor's
 * jurisdiction raise flags, each once; the regulator dismisses a flag with a reason, or issues a
 * rectification notice from it (notice-routes.ts).
 */
export function supervisionRoutes(app: ApiApp, ctx: AppContext): void {
  app.post(
    "/api/supervision/run",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary:
          "run the supervision rules for a year over the mines of the actor's jurisdiction (or one region in it): raise each flag once, notify the enterprise and the regulators, send notice deadline reminders",
        body: supervisionRunInput,
        response: { 200: supervisionRunSchema, ...errors("bad-input", "forbidden") },
      },
    },
    async (req) => {
      const started = performance.now();
      const { year, regionCode } = req.body;
      const ref = regionOfRequest(req, "supervision.run", regionCode);
      const today = new Date();
      const mines = await minesIn(ctx, req, "supervision.run", ref.regionCode);
      const gathered = await gatherMines(
        ctx.db,
        mines.map((m) => m.id),
        year,
      );
      const raised: SupervisionFlag[] = [];
      const problems: { mineId: string; year: number; message: string }[] = [];
      for (const m of mines) {
        const g = gathered.get(m.id)!;
        raised.push(
          ...superviseMine(supervisionInput(m.id, g, year), { year, today, reportDue: REPORT_DUE }),
        );
        problems.push(...g.problems.map((p) => ({ mineId: m.id, ...p })));
      }
      const horizon = new Date(today.getTime() + NOTICE_REMINDER_DAYS * 86_400_000);
      const to = await recipients(ctx.db, [...new Set(mines.map((m) => m.organisationId))]);
      const byId = new Map(mines.map((m) => [m.id, m]));
      const result = await ctx.change(req, async (tx) => {
        const r = await tx.flags.raise(raised);
        const open = await tx.flags.list({ kind: "everything" }, { mineIds: mines.map((m) => m.id), year });
        const now = new Set(r.ids);
        const notRaised = open.filter((f) => f.status === "open" && !now.has(f.id)).map((f) => f.id);
        const fresh = new Set([...r.created, ...r.reopened]);
        const messages: InboxMessageInput[] = [];
        for (const f of open.filter((x) => fresh.has(x.id))) {
          const m = byId.get(f.mineId)!;
          for (const userId of new Set([
            ...to.ofOrganisation(m.organisationId),
            ...to.regulatorsOf(m.regionCode),
          ]))
            messages.push({
              userId,
              kind: "flag",
              subject: { kind: "flag", id: f.id },
              text: { key: "inbox.flag-raised", values: { mine: m.name, kind: { term: `flag.${f.kind}` } } },
            });
        }
        const due = await tx.notices.dueBetween(
          mines.map((m) => m.id),
          dayOf(today),
          dayOf(horizon),
        );
        let reminders = 0;
        for (const n of due) {
          const users = to.ofOrganisation(n.mine.organisationId);
          reminders += users.length;
          for (const userId of users)
            messages.push({
              userId,
              kind: "deadline",
              subject: { kind: "notice", id: n.id },
              text: { key: "inbox.notice-due", values: { mine: n.mine.name, date: n.deadline } },
              key: `notice-due/${n.id}/${n.deadline}`,
            });
        }
        await tx.inbox.send(messages);
        const value = {
          year,
          today: today.toISOString(),
          reportDue: REPORT_DUE,
          mines: mines.length,
          raised: r.ids.length,
          created: r.created,
          reopened: r.reopened,
          notRaised,
          reminders,
          problems,
          elapsedMs: 0,
        };
        return {
          value,
          audit: {
            action: "supervision.run" as const,
            resource: ref,
            kind: "flag" as const,
            id: null,
            after: { ...value, elapsedMs: undefined },
          },
        };
      });
      return { ...result, elapsedMs: Math.round(performance.now() - started) };
    },
  );

  app.get(
    "/api/flags",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the supervision flags of the mines the actor may read, newest first",
        querystring: flagQuery,
        response: { 200: z.array(flagSchema), ...errors("bad-input") },
      },
    },
    async (req) => (await ctx.flags.list(queryScope(req.actor, "mine.read"), req.query)).map(flagJson),
  );

  app.get(
    "/api/flags/:id",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "a supervision flag with its evidence",
        params: idParams,
        response: { 200: flagSchema, ...errors("not-found") },
      },
    },
    async (req) =>
      flagJson(
        (await mineRecordFor(ctx, req, "mine.read", "flag", req.params.id, (id) => ctx.flags.get(id))).record,
      ),
  );

  app.post(
    "/api/flags/:id/dismiss",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary:
          "dismiss a flag (the regulator, with the reason); a dismissed flag stays dismissed when raised again",
        params: idParams,
        body: flagDismissInput,
        response: { 200: flagSchema, ...errors("bad-input", "not-found", "forbidden", "not-finished") },
      },
    },
    async (req) => {
      const { record: before, mine } = await mineRecordFor(
        ctx,
        req,
        "supervision.run",
        "flag",
        req.params.id,
        (id) => ctx.flags.get(id),
      );
      if (before.status === "dismissed" || before.status === "resolved")
        throw new ApiError("not-finished", `flag ${before.id} is ${before.status} already`);
      const after = await ctx.change(req, async (tx) => {
        await tx.flags.setStatus(before.id, "dismissed", req.body.reason);
        const f = (await tx.flags.get(before.id))!;
        return {
          value: f,
          audit: {
            action: "supervision.run" as const,
            resource: mineResource(mine),
            kind: "flag" as const,
            id: f.id,
            before: flagJson(before),
            after: flagJson(f),
          },
        };
      });
      return flagJson(after);
    },
  );
}
