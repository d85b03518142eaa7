import { describe, expect, it } from "vitest";
import type { AnnualReportListItem } from "../../src/contract/annual-report.ts";
import { join } from "node:path";
import {
  DESKTOP,
  expectNoHorizontalOverflow,
  PHONE,
  shot,
  SHOTS,
  useBrowserSession,
} from "./browser-session.ts";

const session = useBrowserSession();

/*
 * The year against the mine's pathway plan on the report's page (issue 13, seed 002's
 * evaluate-and-adjust): the demo stores a plan for the mine whose 2025 report is approved; its
 * page shows the review part by part (planned, actual, behind by, the plan's measures) and what
 * keeps the mine on track, in English and Chinese, on a desktop and a phone.
 */
describe("the report's review against the mine's pathway plan", () => {
  it("shows the review part by part in en and zh at 1280 and 390 px", async () => {
    await session.server.demoHistory; // the demo's reports and plans, made at start
    const r = await session.fetch(`${session.server.url}/api/annual-reports?year=2025`);
    const list = (await r.json()) as AnnualReportListItem[];
    const approved = list.find((x) => x.state === "approved")!;
    expect(approved).toBeDefined();
    for (const [lang, size, texts] of [
      ["en", DESKTOP, ["against the mine's pathway plan", "Energy", "Methane", "Behind by", "from 20"]],
      ["zh", PHONE, ["减排路径方案", "能源", "甲烷", "落后量", "年起"]],
      ["en", PHONE, ["Energy"]],
      ["zh", DESKTOP, ["能源"]],
    ] as const) {
      const page = await session.openPage({ ...size });
      await page.goto(`${session.server.url}/reports/${approved.id}?lang=${lang}`);
      const review = page.locator("#adjust-review");
      await review.waitFor();
      const text = (await review.textContent()) ?? "";
      for (const s of texts) expect(text, `${lang} ${size.width}`).toContain(s);
      expect(await page.locator("#adjust-no-plan").count()).toBe(0);
      await review.scrollIntoViewIfNeeded();
      await shot(page, `report-review-${lang}-${size.width}`);
      await review.screenshot({ path: join(SHOTS, `report-review-part-${lang}-${size.width}.png`) });
      if (size.width === PHONE.width) await expectNoHorizontalOverflow(page);
      await page.close();
    }
  });
});
