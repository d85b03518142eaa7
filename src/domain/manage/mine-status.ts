import type { ReportState } from "./report-workflow.ts";
import { reportDeadline } from "./supervision.ts";

/**
 * A mine's standing in one reporting year, as the regulator's map colours it and the dashboard counts
 * it (issue 13). The worst condition wins, in this order: an escalated or overdue rectification,
 * an open rectification, open flags, the year's report overdue, the report waiting for someone, and
 * in order. Each mine is given one status so that a map legend adds up to the number of mines.
 */
export const MINE_STATUSES = [
  "rectification-overdue",
  "rectification",
  "flagged",
  "report-overdue",
  "in-progress",
  "in-order",
] as const;
export type MineStatus = (typeof MINE_STATUSES)[number];

/**
 * When a year's report is due: the end of 31 March of the next year, as China's national ETS asks of
 * key emitters' annual emission reports (MEE, 碳排放权交易管理办法（试行）and its annual notices;
 * status: regulation — a department may set its own date).
 */
export const DEFAULT_REPORT_DUE = "03-31";

/** What the status reads about one mine and year. */
export interface MineStanding {
  /** The state of the year's annual report; null when none has been opened. */
  readonly reportState: ReportState | null;
  readonly openFlags: number;
  /** Open (or responded, not yet closed) rectification notices, and the earliest deadline among them. */
  readonly openNotices: number;
  readonly escalatedNotices: number;
  readonly earliestNoticeDeadline: Date | null;
}

/** Report states in which the enterprise has not (or no longer) handed the report in. */
const NOT_HANDED_IN: readonly (ReportState | null)[] = [null, "draft", "returned"];

/**
 * The status of a mine in reporting year `year`, judged at `today`; `reportDue` is the month and day
 * of the next year by which the report is due ("03-31", as in China's ETS).
 */
export function mineStatus(s: MineStanding, year: number, today: Date, reportDue: string): MineStatus {
  if (s.escalatedNotices > 0) return "rectification-overdue";
  if (s.openNotices > 0)
    return s.earliestNoticeDeadline !== null && s.earliestNoticeDeadline.getTime() < today.getTime()
      ? "rectification-overdue"
      : "rectification";
  if (s.openFlags > 0) return "flagged";
  if (NOT_HANDED_IN.includes(s.reportState) && today.getTime() > reportDeadline(year, reportDue).getTime())
    return "report-overdue";
  if (s.reportState === "published" || s.reportState === "approved") return "in-order";
  if (s.reportState === "rejected") return "flagged";
  return "in-progress";
}
