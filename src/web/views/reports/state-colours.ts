import type { ReportState } from "../../../domain/manage/report-workflow.ts";

/** The colour of each report state's tag (antd preset colours): waiting ones blue, done green, stopped red. */
export const STATE_COLOUR: Readonly<Record<ReportState, string>> = {
  draft: "default",
  submitted: "blue",
  verification: "purple",
  "in-review": "geekblue",
  returned: "orange",
  approved: "cyan",
  published: "green",
  rejected: "red",
};
