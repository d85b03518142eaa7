import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  cjkGlyphCheck,
  DESKTOP,
  paintedShare,
  PHONE,
  shot,
  SHOTS,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

/**
 * Whether the page scrolls sideways, and what sticks out of the page: an element counts only when it
 * is not inside a box that scrolls on its own (a wide table or chart scrolls in its box, which itself
 * fits the page).
 */
async function pageOverflow(page: Page): Promise<{ overflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    const inScrollBox = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(s.overflowX) && p.getBoundingClientRect().right <= vw + 1)
          return true;
      }
      return false;
    };
    const widest = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((e) => e.getBoundingClientRect().right > vw + 1 && getComputedStyle(e).position !== "fixed")
      .filter((e) => !inScrollBox(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].join(".")}`);
    return { overflow: doc.scrollWidth - vw, widest };
  });
}

describe("the charts view", () => {
  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`draws the demo analysis's charts and tables in ${lang} at ${size.width}px, inside the page`, async () => {
        const page = await session.openPage(size);
        const pingshuo = await areaIdNamed(session, /Pingshuo/);
        await page.goto(viewUrl(session, pingshuo, "charts", lang), { waitUntil: "domcontentloaded" });
        await page.locator("#sankey canvas").waitFor();
        await expect.poll(() => paintedShare(page, "#sankey canvas")).toBeGreaterThan(0.1);
        await expect.poll(() => paintedShare(page, "#chord canvas")).toBeGreaterThan(0.1);
        for (const id of ["class-areas", "zone-shares", "components"])
          await expect.poll(() => paintedShare(page, `#${id} canvas`), id).toBeGreaterThan(0.01);
        // The transition matrix: one row per class, the Yang et al. factors with their source.
        expect(await page.locator("#matrix-table tbody tr.ant-table-row").count()).toBeGreaterThan(3);
        expect(await page.locator("#factors-table").textContent()).toMatch(
          /seed001\.yang2019\.soil_loss\.arable.*Yang et al\. \(2019\)/,
        );
        expect(await page.locator("#chord-panel .ant-card-head-title").textContent()).toBe(
          lang === "en" ? "Transitions from the first to the last year (ha)" : "首末年份间土地转移 (公顷)",
        );
        if (lang === "zh") {
          expect(await page.locator("#matrix-panel .ant-card-head-title").textContent()).toMatch(/转移矩阵/);
          expect(await cjkGlyphCheck(page, "#matrix-panel .ant-card-head-title")).toMatchObject({
            rendered: true,
          });
        }
        expect(await pageOverflow(page)).toEqual({ overflow: 0, widest: [] });
        await shot(page, `charts-${lang}-${size.width}`);
      });

  it("sorts the transition matrix by a column", async () => {
    const page = await session.openPage();
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "charts", "en"), { waitUntil: "domcontentloaded" });
    const table = page.locator("#matrix-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    const totals = () =>
      table
        .locator('tbody tr.ant-table-row [data-to="total"]')
        .allTextContents()
        .then((xs) => xs.map((x) => Number(x.replace(/,/g, ""))));
    const before = await totals();
    await table.locator("th", { hasText: "Total" }).click();
    await expect.poll(totals).toEqual([...before].sort((a, b) => a - b));
    await table.locator("th", { hasText: "Total" }).click();
    await expect.poll(totals).toEqual([...before].sort((a, b) => b - a));
  });

  it("reloads twenty times without a console error (the ECharts null-reading error does not come back)", async () => {
    const page = await session.openPage();
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "charts", "en"), { waitUntil: "domcontentloaded" });
    for (let i = 0; i < 20; i++) {
      await page.locator("#sankey canvas").waitFor();
      await page.locator("#chord canvas").waitFor();
      await page.locator("#zone-shares canvas").waitFor();
      if (i % 2 === 1) await page.setViewportSize(i % 4 === 1 ? PHONE : DESKTOP);
      await page.reload();
    }
    await page.locator("#sankey canvas").waitFor();
    // The session fails the test on any console error or uncaught exception on the page.
  });

  it("keeps the Sankey's labels apart at 390 px", async () => {
    const page = await session.openPage(PHONE);
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "charts", "en"), { waitUntil: "domcontentloaded" });
    await page.locator("#sankey canvas").waitFor();
    await expect.poll(() => paintedShare(page, "#sankey canvas")).toBeGreaterThan(0.1);
    // The chart keeps the width its labels need (as at 1280 px, where the nodes' labels stand apart)
    // and scrolls sideways in its own box, which fits the page.
    expect(await page.locator("#sankey").evaluate((e) => e.clientWidth)).toBeGreaterThanOrEqual(720);
    expect(
      await page
        .locator(".chart-scroll")
        .first()
        .evaluate((e) => e.getBoundingClientRect().right),
    ).toBeLessThanOrEqual(390);
    await page.locator("#sankey-panel").screenshot({ path: join(SHOTS, "charts-sankey-390.png") });
  });
});
