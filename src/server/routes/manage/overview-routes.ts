import { z } from "zod";
import { managementOverviewSchema, type ManagementOverview } from "../../../contract/management-overview.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { decide, grantsFor, queryScope } from "../../../domain/access/policy.ts";
import type { RegionCode } from "../../../domain/access/region-code.ts";
import {
  DEFAULT_REPORT_DUE,
  MINE_STATUSES,
  mineStatus,
  type MineStatus,
} from "../../../domain/manage/mine-status.ts";
import {
  nextReportEvents,
  REPORT_EVENTS,
  REPORT_STATES,
  type ReportState,
} from "../../../domain/manage/report-workflow.ts";
import { reportDeadline } from "../../../domain/manage/supervision.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../route-schema.ts";

/** Most waiting reports the overview lists. */
const QUEUE_MAX = 200;
const DAY_MS = 86_400_000;

/** The report states from which some event is one the actor holds a grant for (whatever its scope). */
const actionableStates = (actor: Actor): ReportState[] =>
  REPORT_STATES.filter((s) =>
    nextReportEvents(s).some((e) => grantsFor(actor, REPORT_EVENTS[e].action).length > 0),
  );

/** The reporting year whose reports are being handed in or reviewed at `today`: last year's. */
const currentReportingYear = (today: Date) => new Date(today.getTime() + 8 * 3_600_000).getUTCFullYear() - 1;

/**
 * The management overview (issue 13): what the regulator's dashboard, the enterprise's "my mines"
 * and the verifier's list open with — every mine the actor may read with its status for the year,
 * the key figures, and the reports waiting for the actor. A fixed number of queries whatever the
 * number of mines (docs/management-overview.md; measured by bench/management-province.ts).
 */
export function overviewRoutes(api: ApiApp, ctx: AppContext): void {
  api.get(
    "/api/management/overview",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary:
          "the mines the actor may read with their status for a reporting year, key figures and the reports waiting for the actor",
        querystring: z
          .object({
            year: z.coerce
              .number()
              .int()
              .min(1990)
              .max(2100)
              .optional()
              .meta({ description: "the reporting year; default: last year (China Standard Time)" }),
          })
          .strict(),
        response: { 200: managementOverviewSchema, ...errors("bad-input", "not-signed-in", "forbidden") },
      },
    },
    async (req): Promise<ManagementOverview> => {
      const now = new Date();
      const year = req.query.year ?? currentReportingYear(now);
      const q = ctx.overview;
      const actor = req.actor;
      const mayReadFeedback = queryScope(actor, "feedback.read").kind !== "nothing";
      const [rows, pending, feedbackAwaiting] = await Promise.all([
        q.mines(queryScope(actor, "mine.read"), year),
        q.pendingReports(queryScope(actor, "annual-report.read"), actionableStates(actor), 5 * QUEUE_MAX),
        mayReadFeedback ? q.feedbackAwaiting(queryScope(actor, "feedback.read")) : Promise.resolve(null),
      ]);
      const mines = rows.map((m) => ({
        id: m.mineId,
        name: m.name,
        nameZh: m.nameZh,
        organisation: { id: m.organisationId, name: m.organisationName, nameZh: m.organisationNameZh },
        regionCode: m.regionCode,
        stage: m.stage,
        bbox: m.bbox ? ([...m.bbox] as [number, number, number, number]) : null,
        status: mineStatus(
          {
            reportState: m.report?.state ?? null,
            openFlags: m.openFlags,
            openNotices: m.openNotices,
            escalatedNotices: m.escalatedNotices,
            earliestNoticeDeadline: m.earliestNoticeDeadline,
          },
          year,
          now,
          DEFAULT_REPORT_DUE,
        ),
        report: m.report
          ? { id: m.report.id, state: m.report.state, updatedAt: m.report.updatedAt.toISOString() }
          : null,
        openFlags: m.openFlags,
        flagKinds: [...m.flagKinds],
        openNotices: m.openNotices,
        escalatedNotices: m.escalatedNotices,
        earliestNoticeDeadline: m.earliestNoticeDeadline?.toISOString() ?? null,
      }));
      const byStatus = Object.fromEntries(MINE_STATUSES.map((s) => [s, 0])) as Record<MineStatus, number>;
      const reportsByState: Record<string, number> = {};
      const flagsByKind: Record<string, number> = {};
      for (const m of mines) {
        byStatus[m.status] += 1;
        const state = m.report?.state ?? "none";
        reportsByState[state] = (reportsByState[state] ?? 0) + 1;
        for (const k of m.flagKinds) flagsByKind[k] = (flagsByKind[k] ?? 0) + 1;
      }
      const namesOf = new Map(rows.map((m) => [m.mineId, m]));
      // The reports waiting for this actor: those on which the policy lets it fire an event now.
      const queue = pending
        .map((r) => ({
          r,
          events: nextReportEvents(r.state).filter(
            (e) =>
              decide(actor, REPORT_EVENTS[e].action, {
                kind: "annual-report",
                organisationId: r.organisationId,
                regionCode: r.regionCode as RegionCode,
                published: r.published,
                verifierOrganisationIds: r.verifierOrganisationId ? [r.verifierOrganisationId] : [],
              }).allowed,
          ),
        }))
        .filter((x) => x.events.length > 0)
        .slice(0, QUEUE_MAX)
        .map(({ r, events }) => ({
          id: r.id,
          mineId: r.mineId,
          mineName: namesOf.get(r.mineId)?.name ?? null,
          mineNameZh: namesOf.get(r.mineId)?.nameZh ?? null,
          year: r.year,
          state: r.state,
          updatedAt: r.updatedAt.toISOString(),
          waitingDays: Math.max(0, Math.floor((now.getTime() - r.updatedAt.getTime()) / DAY_MS)),
          events,
        }));
      return {
        schemaVersion: 1,
        year,
        reportDue: reportDeadline(year, DEFAULT_REPORT_DUE).toISOString(),
        mines,
        figures: {
          mines: mines.length,
          byStatus,
          reportsByState,
          openFlags: mines.reduce((a, m) => a + m.openFlags, 0),
          flagsByKind,
          openNotices: mines.reduce((a, m) => a + m.openNotices + m.escalatedNotices, 0),
          rectificationOverdueMines: mines.filter((m) => m.status === "rectification-overdue").length,
          feedbackAwaiting,
        },
        queue,
      };
    },
  );
}
