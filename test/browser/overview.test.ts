import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  DESKTOP,
  expectNoHorizontalOverflow,
  mapRendered,
  paintedShare,
  PHONE,
  shot,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

describe("the overview", () => {
  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`shows the area at a glance in ${lang} at ${size.width}px: key figures with units and sources, the latest map, the stock and emissions chart`, async () => {
        const page = await session.openPage(size);
        const pingshuo = await areaIdNamed(session, /Pingshuo/);
        await page.goto(viewUrl(session, pingshuo, "overview", lang));
        const area = page.locator('[data-figure="area"]');
        await expect.poll(() => area.textContent()).toMatch(/51,69\d/);
        // The unit in the page's language (FIELD_UNITS), not the contract's English unit id.
        const unit = (id: string) => page.locator(`[data-figure="${id}"] .unit`).textContent();
        expect(await unit("area")).toBe(lang === "en" ? "ha" : "公顷");
        expect(await unit("landuse-budget")).toBe(lang === "en" ? "t CO2e/yr" : "吨CO2当量/年");
        expect(await page.locator('[data-figure="landuse-budget"] .source').textContent()).toMatch(
          lang === "en" ? /seed001-yang2019/ : /seed001-yang2019|碳密度/,
        );
        if (lang === "zh") {
          expect(await page.locator("h2").first().textContent()).toContain("平朔");
          expect(await page.locator('[data-figure="area"] .source').textContent()).toMatch(/分析像元数/);
        }
        // The latest land use drawn on the map, the chart painted beside it.
        await mapRendered(page);
        await expect.poll(() => paintedShare(page, "#overview-map canvas")).toBeGreaterThan(0.05);
        await expect.poll(() => paintedShare(page, "#overview-chart canvas")).toBeGreaterThan(0.005);
        await expectNoHorizontalOverflow(page);
        await shot(page, `overview-${lang}-${size.width}`);
      });

  it("shows the inventory figures of a mine without maps, and says the map is missing", async () => {
    const page = await session.openPage();
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "overview", "en"));
    await expect
      .poll(() => page.locator('[data-figure="inventory-total"] .value').textContent())
      .toMatch(/21,06\d/);
    expect(await page.locator('[data-figure="area"] [data-missing="true"]').count()).toBe(1);
    await expect.poll(() => page.getByText(/No land-use map yet/).count()).toBe(1);
    await expect.poll(() => paintedShare(page, "#overview-chart canvas")).toBeGreaterThan(0.001);
    await shot(page, "overview-yongning-en");
  });

  it("reloads 20 times, and goes back and forth between views, without an error from the chart or the map", async () => {
    const page = await session.openPage();
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "overview", "zh"));
    for (let i = 0; i < 20; i++) {
      await page.reload();
      await expect.poll(() => paintedShare(page, "#overview-chart canvas")).toBeGreaterThan(0.005);
    }
    // Unmounted while drawing: the chart and the map are disposed, nothing reaches them afterwards.
    for (let i = 0; i < 5; i++) {
      await page.click("#tab-map");
      await page.click("#tab-overview");
    }
    await expect.poll(() => paintedShare(page, "#overview-chart canvas")).toBeGreaterThan(0.005);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => paintedShare(page, "#overview-chart canvas")).toBeGreaterThan(0.005);
  });

  it("downloads a PDF report of the latest analysis", async () => {
    // Reports are made by the area's owner (the regulator reads it but makes no report of it).
    const page = await session.openPage({ as: "demo-enterprise-a" });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "overview", "en"));
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.locator(".analysis-report .report-pdf").click(),
    ]);
    const path = join(session.dir, "overview-report.pdf");
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(path).length).toBeGreaterThan(50_000);
  });
});
