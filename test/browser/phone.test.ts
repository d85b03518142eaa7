import type { Page } from "playwright-core";
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

/** The rows the header's parts sit in (their tops, 12 px apart at least). */
async function headerRows(page: Page): Promise<number> {
  const tops: number[] = [];
  for (const sel of [
    ".shell-header .brand",
    ".area-pick",
    "#nav-menu, #nav-public",
    "#lang-toggle",
    "#user-menu",
  ]) {
    const box = await page.locator(sel).first().boundingBox();
    if (box) tops.push(box.y);
  }
  tops.sort((a, b) => a - b);
  return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 12).length;
}

describe("the app at 390 px", () => {
  for (const lang of ["en", "zh"] as const)
    it(`keeps the header to two rows, the current view's tab in sight, the scale bar clear of the map's labels and the charts within the width (${lang})`, async () => {
      const pingshuo = await areaIdNamed(session, /Pingshuo/);
      const yongning = await areaIdNamed(session, /Yongning/);
      const page = await session.openPage(PHONE);
      await page.goto(viewUrl(session, pingshuo, "map", lang));
      await mapRendered(page);
      expect(await headerRows(page)).toBeLessThanOrEqual(2);
      // No view is folded away under "…": the current one is in sight.
      expect(await page.locator(".view-menu .ant-menu-overflow-item-rest:visible").count()).toBe(0);
      await expect.poll(() => page.locator("#tab-map").isVisible()).toBe(true);
      // The scale bar sits at the top of the map; the graticule's longitude labels run along its bottom.
      const map = (await page.locator("#map").boundingBox())!;
      const scale = (await page.locator("#map .ol-scale-line").boundingBox())!;
      expect(scale.y + scale.height).toBeLessThan(map.y + map.height / 4);
      await shot(page, `phone-map-${lang}-390`);

      // The header's links are in its menu.
      await page.click("#nav-menu");
      await page.locator("#nav-public").waitFor();
      await page.keyboard.press("Escape");

      // The last tab (inventory) is in sight too, as the current view.
      await page.goto(viewUrl(session, yongning, "inventory", lang));
      await page.locator("#inventory-form").waitFor();
      const tab = page.locator("#tab-inventory");
      expect(await tab.isVisible()).toBe(true);
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(await headerRows(page)).toBeLessThanOrEqual(2);

      // The Sankey and the chord at the card's width, without labels, the classes named beneath.
      await page.goto(viewUrl(session, pingshuo, "charts", lang));
      await page.locator("#sankey canvas").waitFor();
      await expect.poll(() => paintedShare(page, "#sankey canvas")).toBeGreaterThan(0.1);
      await expect.poll(() => paintedShare(page, "#chord canvas")).toBeGreaterThan(0.05);
      expect(await page.locator("#sankey-panel .chart-scroll").count()).toBe(0);
      for (const id of ["sankey", "chord"]) {
        const chart = (await page.locator(`#${id}`).boundingBox())!;
        const card = (await page.locator(`#${id}-panel`).boundingBox())!;
        expect(chart.x + chart.width).toBeLessThanOrEqual(card.x + card.width);
        expect(await page.locator(`#${id}-panel .class-key li`).count()).toBeGreaterThan(3);
      }
      expect(await page.locator("#sankey-panel .class-key-years").textContent()).toBe(
        "1986 → 2000 → 2009 → 2018",
      );
      await expectNoHorizontalOverflow(page);
      await shot(page, `phone-charts-${lang}-390`);
    });

  it("draws the header in one row with its links, and the charts with their labels, at 1280 px", async () => {
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    for (const lang of ["en", "zh"] as const) {
      const page = await session.openPage(DESKTOP);
      await page.goto(viewUrl(session, pingshuo, "charts", lang));
      await page.locator("#sankey canvas").waitFor();
      expect(await headerRows(page)).toBe(1);
      expect(await page.locator("#nav-menu").count()).toBe(0);
      await page.locator("#nav-public").waitFor();
      // The links stand apart (not run together into one word).
      const admin = (await page.locator("#nav-admin").boundingBox())!;
      const audit = (await page.locator("#nav-audit").boundingBox())!;
      expect(audit.x - (admin.x + admin.width)).toBeGreaterThanOrEqual(8);
      expect(await page.locator("#sankey-panel .class-key").count()).toBe(0);
      await expect.poll(() => paintedShare(page, "#sankey canvas")).toBeGreaterThan(0.1);
      await shot(page, `phone-charts-${lang}-1280`);
      await page.goto(viewUrl(session, pingshuo, "map", lang));
      await mapRendered(page);
      await shot(page, `phone-map-${lang}-1280`);
    }
  });
});
