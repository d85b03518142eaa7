import type { MineStatus } from "../../../domain/manage/mine-status.ts";

/**
 * The colour of each mine status, worst first (red to green): the map's rectangles and markers, its
 * legend and the tables' tags all read it here.
 */
export const STATUS_COLOUR: Readonly<Record<MineStatus, string>> = {
  "rectification-overdue": "#a8071a",
  rectification: "#fa541c",
  flagged: "#faad14",
  "report-overdue": "#722ed1",
  "in-progress": "#1677ff",
  "in-order": "#389e0d",
};
