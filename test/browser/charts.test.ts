import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import {
  areaIdNamed,
  CLIENT,
  cjkGlyphCheck,
  DESKTOP,
  expectNoHorizontalOverflow,
  paintedShare,
  PHONE,
  shot,
  SHOTS,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

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
        // A factor's name and source in the language (the library's Chinese texts beside the English).
        const factors = page.locator("#factors-table tbody tr", {
          hasText: "seed001.yang2019.soil_loss.arable",
        });
        expect(await factors.textContent()).toMatch(
          lang === "en"
            ? /Soil carbon lost when arable land is taken by mining.*Yang et al\. \(2019\), as cited in seed 001/
            : /采矿占用耕地时损失的土壤碳.*Yang et al\. \(2019\)，转引自种子论文 001/,
        );
        // A factor's status is named in the language, not shown as its id.
        expect(await page.locator("#factors-table").textContent()).toMatch(
          lang === "en"
            ? /\((primary|secondary|unverified|assumption)\)/
            : /（(一手来源|二手来源|未核实|假设)）/,
        );
        if (lang === "zh") {
          expect(await page.locator("#matrix-panel .ant-card-head-title").textContent()).toMatch(/转移矩阵/);
          expect(await cjkGlyphCheck(page, "#matrix-panel .ant-card-head-title")).toMatchObject({
            rendered: true,
          });
        }
        await expectNoHorizontalOverflow(page);
        await shot(page, `charts-${lang}-${size.width}`);
        // The Sankey's labels close up (drawn on the canvas: Chinese must be in the web font, not boxes).
        await page
          .locator("#sankey-panel")
          .screenshot({ path: join(SHOTS, `charts-sankey-${lang}-${size.width}.png`) });
      });

  it("draws a waterfall for every inventory of the area, read with their results in one request", async () => {
    const page = await session.openPage();
    const yongning = await areaIdNamed(session, /Yongning/);
    const listed = (await (
      await session.fetch(`${session.server.url}/api/areas/${yongning}/inventories`)
    ).json()) as {
      id: string;
    }[];
    expect(listed.length).toBeGreaterThan(0);
    const requests: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (/\/inventories\b/.test(u.pathname)) requests.push(`${u.pathname}${u.search}`);
    });
    await page.goto(viewUrl(session, yongning, "charts", "en"), { waitUntil: "domcontentloaded" });
    for (const i of listed)
      await expect
        .poll(() => paintedShare(page, `[id="waterfall-${i.id}"] canvas`), i.id)
        .toBeGreaterThan(0.01);
    expect(await page.locator('[id^="waterfall-"] canvas').count()).toBe(listed.length);
    // One request for the list with the results, none per inventory.
    expect(requests).toEqual([`/api/areas/${yongning}/inventories?withResult=true`]);
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

  // At 390 px the Sankey and the chord fit the card without labels, the classes named beneath
  // them: test/browser/phone.test.ts.

  it("shows a new area's analysis in the matrix, with hostile class names as text", async () => {
    const XSS = `<img src=x onerror=alert("xss-img")>`;
    // Two maps of 30×20 px (UTM 50N, 30 m): 6 columns of arable land (120 px, 10.8 ha) became forest.
    const a = new Uint8Array(30 * 20).fill(1);
    writeCodeRaster(join(session.dir, "charts-2005.tif"), a, 30, 20);
    for (let y = 0; y < 20; y++) a.fill(2, y * 30, y * 30 + 6);
    writeCodeRaster(join(session.dir, "charts-2015.tif"), a, 30, 20);
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const r = await session.fetch(`${session.server.url}${path}`, {
        method: "POST",
        headers: { ...CLIENT, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    const area = await post<{ id: string }>("/api/areas", {
      name: `Charts area ${XSS}`,
      crs: "EPSG:32650",
      legend: {
        classes: LEGEND_PRESETS.seed001!.classes.map((c) => ({
          code: c.code,
          key: c.key,
          name: `${c.name} ${XSS}`,
          nameZh: `${c.nameZh ?? c.name} ${XSS}`,
          ...(c.group ? { group: c.group } : {}),
          ...(c.colour ? { colour: c.colour } : {}),
        })),
      },
    });
    for (const year of ["2005", "2015"]) {
      const fd = new FormData();
      fd.set("year", year);
      fd.set("file", new Blob([readFileSync(join(session.dir, `charts-${year}.tif`))]), `${year}.tif`);
      const r = await session.fetch(`${session.server.url}/api/areas/${area.id}/maps`, {
        method: "POST",
        body: fd,
        headers: CLIENT,
      });
      expect(r.status, await r.clone().text()).toBe(201);
    }
    await post("/api/areas/" + area.id + "/analyses", { densitySet: "seed001-yang2019" });
    await session.server.ctx.jobs.whenIdle();
    const page = await session.openPage();
    await page.goto(viewUrl(session, area.id, "charts", "en"), { waitUntil: "domcontentloaded" });
    const cell = page.locator('#matrix-table [data-from="1"][data-to="2"]');
    await expect.poll(() => cell.textContent()).toBe("10.8");
    // The class names are shown as text, in the matrix's header and rows.
    expect(await page.locator("#matrix-table thead").textContent()).toContain(`forest land ${XSS}`);
    await expect.poll(() => paintedShare(page, "#sankey canvas")).toBeGreaterThan(0.05);
    await shot(page, "charts-new-area-matrix");
    expect(await page.locator("img[src=x]").count()).toBe(0);
    // The session fails the test on an alert, a CSP violation or a request for the planted image.
  });
});
