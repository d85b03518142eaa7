import { describe, expect, it } from "vitest";
import { mineStatus, type MineStanding } from "./mine-status.ts";

const calm: MineStanding = {
  reportState: "published",
  openFlags: 0,
  openNotices: 0,
  escalatedNotices: 0,
  earliestNoticeDeadline: null,
};
// The 2025 report is due by the end of 31 March 2026 in China Standard Time (15:59:59 UTC).
const beforeDue = new Date("2026-03-31T15:00:00Z");
const afterDue = new Date("2026-03-31T16:00:01Z");

describe("a mine's status in a reporting year", () => {
  it("is in order once the year's report is approved or published and nothing is open", () => {
    expect(mineStatus(calm, 2025, afterDue, "03-31")).toBe("in-order");
    expect(mineStatus({ ...calm, reportState: "approved" }, 2025, afterDue, "03-31")).toBe("in-order");
  });

  it("is overdue only after the deadline in China Standard Time, while the report is not handed in", () => {
    for (const reportState of [null, "draft", "returned"] as const) {
      expect(mineStatus({ ...calm, reportState }, 2025, beforeDue, "03-31")).toBe("in-progress");
      expect(mineStatus({ ...calm, reportState }, 2025, afterDue, "03-31")).toBe("report-overdue");
    }
    // Handed in before the deadline and still in review: not the enterprise's delay.
    expect(mineStatus({ ...calm, reportState: "in-review" }, 2025, afterDue, "03-31")).toBe("in-progress");
  });

  it("lets the worst condition win: rectification over flags over an overdue report", () => {
    const late = { ...calm, reportState: null, openFlags: 2 };
    expect(mineStatus(late, 2025, afterDue, "03-31")).toBe("flagged");
    const notice = { ...late, openNotices: 1, earliestNoticeDeadline: new Date("2026-06-30T00:00:00Z") };
    expect(mineStatus(notice, 2025, afterDue, "03-31")).toBe("rectification");
    expect(mineStatus(notice, 2025, new Date("2026-07-01T00:00:00Z"), "03-31")).toBe("rectification-overdue");
    expect(mineStatus({ ...calm, escalatedNotices: 1 }, 2025, beforeDue, "03-31")).toBe(
      "rectification-overdue",
    );
  });

  it("counts a rejected report as a finding to follow up", () => {
    expect(mineStatus({ ...calm, reportState: "rejected" }, 2025, beforeDue, "03-31")).toBe("flagged");
  });
});
