import { z } from "zod";
import { MINE_STATUSES } from "../domain/manage/mine-status.ts";
import { REPORT_EVENT_TYPES, REPORT_STATES } from "../domain/manage/report-workflow.ts";

/**
 * `GET /api/management/overview?year=`: the management system's overview for whoever asks (issue
 * 13) — a regulator's jurisdiction, an enterprise's own mines, a verifier's assigned ones. Version 1.
 */
const count = (description: string) => z.number().int().nonnegative().meta({ description });

export const mineOverviewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string().nullable(), nameZh: z.string().nullable() }),
    regionCode: z.string(),
    stage: z.string(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().meta({
      description: "the mining-right boundary's extent [west, south, east, north], degrees (WGS 84)",
    }),
    status: z
      .enum(MINE_STATUSES)
      .meta({ description: "the worst open condition (domain/manage/mine-status.ts)" }),
    report: z
      .object({ id: z.string(), state: z.enum(REPORT_STATES), updatedAt: z.string() })
      .nullable()
      .meta({ description: "the year's annual report, null when none was opened" }),
    openFlags: count("open supervision flags"),
    flagKinds: z.array(z.string()),
    openNotices: count("rectification notices open or answered, not closed"),
    escalatedNotices: count("rectification notices escalated"),
    earliestNoticeDeadline: z.string().nullable().meta({ description: "ISO 8601 time: end of the day, CST" }),
  })
  .strict();

export const pendingReportSchema = z
  .object({
    id: z.string(),
    mineId: z.string(),
    mineName: z.string().nullable(),
    mineNameZh: z.string().nullable(),
    year: z.number().int(),
    state: z.enum(REPORT_STATES),
    updatedAt: z.string(),
    waitingDays: z.number().nonnegative().meta({ "x-unit": "d", description: "days since its last change" }),
    events: z
      .array(z.enum(REPORT_EVENT_TYPES))
      .meta({ description: "what the asking actor may do with it now" }),
  })
  .strict();

export const managementOverviewSchema = z
  .object({
    schemaVersion: z.literal(1),
    year: z.number().int().meta({ description: "the reporting year" }),
    reportDue: z.string().meta({
      description: "when the year's report is due (ISO 8601, end of 31 March of the next year, CST)",
    }),
    mines: z.array(mineOverviewSchema),
    figures: z
      .object({
        mines: count("mines"),
        byStatus: z.record(z.enum(MINE_STATUSES), z.number().int().nonnegative()),
        reportsByState: z
          .record(z.string(), z.number().int().nonnegative())
          .meta({ description: "the year's reports by state; `none`: mines without one" }),
        openFlags: count("open flags"),
        flagsByKind: z.record(z.string(), z.number().int().nonnegative()),
        openNotices: count("open rectification notices"),
        rectificationOverdueMines: count("mines with a rectification notice past its deadline or escalated"),
        feedbackAwaiting: z.number().int().nonnegative().nullable().meta({
          description: "public feedback not yet answered; null when the actor does not read feedback",
        }),
      })
      .strict(),
    queue: z
      .array(pendingReportSchema)
      .meta({ description: "reports waiting for the asking actor, oldest first" }),
  })
  .strict()
  .meta({ id: "ManagementOverview" });
export type ManagementOverview = z.infer<typeof managementOverviewSchema>;
