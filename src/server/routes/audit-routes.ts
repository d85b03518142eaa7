import {
  auditPageSchema,
  auditQuery,
  auditResourceParams,
  auditTimelineQuery,
} from "../../contract/audit.ts";
import { queryScope } from "../../domain/access/policy.ts";
import { REPORT_STATES } from "../../domain/manage/report-workflow.ts";
import { listAuditEvents, type AuditFilter, type ChainedAuditEvent } from "../../storage/audit-log.ts";
import type { ApiApp } from "../api-app.ts";
import { isId, type AppContext } from "../context.ts";
import { errors } from "../route-schema.ts";

const eventJson = (e: ChainedAuditEvent) => ({
  seq: e.seq,
  at: e.at.toISOString(),
  who: { ...e.who, roles: [...e.who.roles] },
  action: e.action,
  resource: e.resource,
  outcome: e.outcome,
  beforeDigest: e.beforeDigest,
  afterDigest: e.afterDigest,
  requestId: e.requestId,
  address: e.address,
  hash: e.hash,
});

/**
 * The maps, analyses, inventories and reports an area holds now, by kind: its timeline lists their
 * events beside its own (those of records deleted since are found by their own kind and id, or by
 * the area's owner and region in the filtered trail). Ids only: the events are still scoped.
 */
async function recordsOfArea(ctx: AppContext, areaId: string) {
  const [maps, analyses, inventories, reports] = await Promise.all([
    ctx.maps.forArea(areaId),
    ctx.analyses.forArea(areaId),
    ctx.inventories.forArea(areaId),
    ctx.reports.idsForArea(areaId),
  ]);
  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
  return [
    { kind: "map" as const, ids: ids(maps) },
    { kind: "analysis" as const, ids: ids(analyses) },
    { kind: "inventory" as const, ids: ids(inventories) },
    { kind: "report" as const, ids: reports },
  ];
}

/**
 * The records of a mine's management, by kind: its timeline (the per-mine page of the management
 * system) lists the events on its plots, targets, reclamation plan, annual reports, flags and
 * notices beside its own. Ids only, as for an area: the events are still scoped by `audit.read`.
 */
async function recordsOfMine(ctx: AppContext, mineId: string) {
  const everything = { kind: "everything" } as const;
  const [plots, targets, reports, flags, notices] = await Promise.all([
    ctx.plots.forMine(mineId),
    ctx.targets.forMine(mineId),
    ctx.annualReports.ofMine(mineId, REPORT_STATES),
    ctx.flags.list(everything, { mineId }),
    ctx.notices.list(everything, { mineId }),
  ]);
  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
  return [
    { kind: "plot" as const, ids: ids(plots) },
    { kind: "target" as const, ids: ids(targets) },
    { kind: "reclamation-plan" as const, ids: [mineId] },
    { kind: "annual-report" as const, ids: ids(reports) },
    { kind: "flag" as const, ids: ids(flags) },
    { kind: "notice" as const, ids: ids(notices) },
  ];
}

/**
 * The audit trail, read as the policy scopes `audit.read`: administrators all of it, a regulator
 * the events on what lies in its jurisdiction. Pages by seq (keyset): stable while events arrive.
 */
export function auditRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/audit",
    {
      config: { access: { action: "audit.read" } },
      schema: {
        summary:
          "the audit trail, filtered, newest first unless told (administrators; regulators: their jurisdiction)",
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...errors("bad-input") },
      },
    },
    async (req) => {
      const q = req.query;
      const filter: AuditFilter = {
        ...(q.since ? { since: new Date(q.since) } : {}),
        ...(q.until ? { until: new Date(q.until) } : {}),
        ...(q.userId ? { userId: q.userId } : {}),
        ...(q.username ? { username: q.username } : {}),
        ...(q.organisationId ? { organisationId: q.organisationId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.resourceKind
          ? { resource: { kind: q.resourceKind, ...(q.resourceId ? { id: q.resourceId } : {}) } }
          : {}),
        ...(q.outcome ? { outcome: q.outcome } : {}),
        order: q.order,
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        limit: q.limit,
      };
      const page = await listAuditEvents(ctx.store.db, queryScope(req.actor, "audit.read"), filter);
      return { events: page.events.map(eventJson), next: page.next };
    },
  );
  app.get(
    "/api/audit/resource/:kind/:id",
    {
      config: { access: { action: "audit.read" } },
      schema: {
        summary:
          "a record's timeline: the events on it that the actor may read, oldest first (an area's also lists those of the maps, analyses, inventories and reports it holds; a mine's those of its plots, targets, reclamation plan, annual reports, flags and notices)",
        params: auditResourceParams,
        querystring: auditTimelineQuery,
        response: { 200: auditPageSchema, ...errors("bad-input") },
      },
    },
    async (req) => {
      const { kind, id } = req.params;
      const page = await listAuditEvents(ctx.store.db, queryScope(req.actor, "audit.read"), {
        resource: { kind, id },
        ...(kind === "area" && isId(id) ? { alsoRecords: await recordsOfArea(ctx, id) } : {}),
        ...(kind === "mine" && isId(id) ? { alsoRecords: await recordsOfMine(ctx, id) } : {}),
        order: "oldest-first",
        ...(req.query.cursor !== undefined ? { cursor: req.query.cursor } : {}),
        limit: req.query.limit,
      });
      return { events: page.events.map(eventJson), next: page.next };
    },
  );
}
