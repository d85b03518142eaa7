import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../../src/server/serve.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

/** Where CI keeps the screenshots (uploaded as artefacts / printed as paths). */
const SHOTS = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), "mc-browser-"));

async function areaIdNamed(name: RegExp): Promise<string> {
  const areas = (await (await fetch(`${server.url}/api/areas`)).json()) as { id: string; name: string }[];
  return areas.find((a) => name.test(a.name))!.id;
}

async function shot(name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serve({ port: 0, dataDir: join(dir, "data") });
  // The demo's analysis runs as a job: wait for it.
  await server.ctx.jobs.whenIdle();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: "en-US",
  });
  page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the web app on the demo", () => {
  it("opens the demo area with its key figures, units and sources", async () => {
    await page.goto(`${server.url}/`);
    const area = page.locator('[data-figure="area"]');
    await expect.poll(() => area.textContent()).toMatch(/51,69\d/);
    expect(await area.textContent()).toMatch(/ha/);
    expect(await page.locator('[data-figure="landuse-budget"] .source').textContent()).toMatch(
      /seed001-yang2019/,
    );
    await shot("01-overview-en");
  });

  it("switches to Chinese, formats for it, and remembers it", async () => {
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-overview").textContent()).toBe("概览");
    expect(await page.locator("h2").first().textContent()).toContain("平朔");
    await expect.poll(() => page.locator('[data-figure="area"] .source').textContent()).toMatch(/分析像元数/);
    await page.reload();
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("地图");
    await shot("02-overview-zh");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("Map");
  });

  it("shows the zoning layer on the map, its legend, and a pixel's class history", async () => {
    // Reached from the keyboard: Tab to the Map tab, Enter.
    await page.goto(`${server.url}/`);
    await page.locator("#tab-overview").waitFor();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== "tab-map"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-map");
    await page.keyboard.press("Enter");
    const zones = page.getByLabel("Carbon-sink zones 1986–2018");
    await zones.waitFor();
    await zones.check();
    const legend = page.locator(".legend-box");
    await expect.poll(() => legend.textContent()).toMatch(/emission-control/);
    const pingshuo = await areaIdNamed(/Pingshuo/);
    const layers = (await (await fetch(`${server.url}/api/areas/${pingshuo}/layers`)).json()) as {
      layers: { id: string; url: string }[];
    };
    const zonesLayer = layers.layers.find((l) => l.id === "zones-1986-2018")!;
    const res = await page.request.get(`${server.url}${zonesLayer.url}`);
    expect(res.headers()["content-type"]).toBe("image/png");
    await page.waitForTimeout(500);
    const box = (await page.locator("#map").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator("table.history tr").count()).toBe(4);
    expect(await page.locator("table.history").textContent()).toMatch(/1986/);
    await shot("03-map-zoning");
  });

  it("draws the Sankey of transfers and the other charts", async () => {
    await page.click("#tab-charts");
    const sankey = page.locator("#sankey canvas");
    await sankey.waitFor();
    const painted = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>("#sankey canvas")!;
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n / (c.width * c.height);
    });
    expect(painted).toBeGreaterThan(0.1);
    expect(await page.locator("#zone-shares canvas").count()).toBe(1);
    expect(await page.locator("#factors-table").textContent()).toMatch(
      /seed001\.yang2019\.soil_loss\.arable.*Yang et al\. \(2019\)/,
    );
    await shot("04-charts-sankey");
  });

  it("downloads a PDF report of the demo analysis", async () => {
    await page.click("#tab-overview");
    const download = page.waitForEvent("download");
    await page.locator("button.report-pdf").first().click();
    const d = await download;
    const path = join(dir, "report.pdf");
    await d.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(path).length).toBeGreaterThan(50_000);
  });

  it("shows a bad activity value at its field", async () => {
    const yongning = await areaIdNamed(/Yongning/);
    await page.goto(`${server.url}/?r=1#area=${yongning}&tab=data`);
    const coal = page.locator('[data-path="years[0].coalOutputT"] input');
    await coal.waitFor();
    expect(await coal.inputValue()).toBe("900000");
    // Import from CSV: known fields fill the form; an unknown one is named, not dropped.
    await page.locator("#inventory-import").setInputFiles({
      name: "activity.csv",
      mimeType: "text/csv",
      buffer: Buffer.from('field,value\ncoalOutputT,800000\n"diesel",60\nbogus,1\n'),
    });
    await expect.poll(() => coal.inputValue()).toBe("800000");
    expect(await page.locator("#inventory-form .form-error").textContent()).toMatch(
      /unknown field\(s\) bogus/,
    );
    await coal.fill("-5");
    await page.locator("#inventory-form button[type=submit]").click();
    const err = page.locator('[data-path="years[0].coalOutputT"] .field-error');
    await expect
      .poll(() => err.textContent())
      .toMatch(/must be ≥ 0|must be greater than or equal to 0|>= ?0/);
    expect(await coal.getAttribute("aria-invalid")).toBe("true");
    await shot("05-inventory-field-error");
  });

  it("creates an area, uploads a small GeoTIFF pair, runs the analysis and shows its matrix", async () => {
    const a = new Uint8Array(30 * 20).fill(1);
    writeCodeRaster(join(dir, "2005.tif"), a, 30, 20);
    for (let y = 0; y < 20; y++) a.fill(2, y * 30, y * 30 + 6);
    writeCodeRaster(join(dir, "2015.tif"), a, 30, 20);
    await page.goto(`${server.url}/?r=2#tab=data`);
    await page.locator("#create-area input[name=name]").fill("Browser test field");
    await page.locator("#create-area button").click();
    await page.locator("#upload-map").waitFor();
    // Edit the legend: a bad code is shown at its cell, a good one is saved.
    const firstCode = page.locator("#legend-form input.code").first();
    await firstCode.fill("x");
    await page.locator("#legend-form button[type=submit]").click();
    await expect
      .poll(() =>
        page.locator('#legend-form [data-path="legend.classes[0].code"] .field-error').textContent(),
      )
      .toMatch(/must be a number/);
    await firstCode.fill("1");
    await page.locator("#legend-form input.nameZh").first().fill("耕地（测试）");
    await page.locator("#legend-form button[type=submit]").click();
    await expect.poll(() => page.locator("#legend-form .ok").textContent()).toMatch(/✓/);
    await shot("06a-legend-editor");
    for (const year of ["2005", "2015"]) {
      await page.locator("#upload-map input[name=year]").fill(year);
      await page.locator("#upload-map input[type=file]").setInputFiles(join(dir, `${year}.tif`));
      await page.locator("#upload-map button").click();
      await expect.poll(() => page.locator("#upload-map .ok").textContent()).toContain(`${year}: 30×20 px`);
      await page.waitForTimeout(800);
    }
    await page.locator("#run-analysis select").selectOption("");
    await page.locator("#run-analysis button").click();
    await expect
      .poll(() => page.locator("#analysis-status").textContent(), { timeout: 30_000 })
      .toMatch(/done 100%/);
    await shot("06-upload-and-analysis");
    await page.click("#tab-charts");
    // 120 arable pixels of 30 m (0.09 ha) became forest: 10.8 ha.
    const cell = page.locator('#matrix-table td[data-from="1"][data-to="2"]');
    await expect.poll(() => cell.textContent()).toBe("10.8");
    await shot("07-matrix");
  });

  it("builds a scenario: a bad start year at its field, then the pathway to 2060 and the optimisation", async () => {
    const yongning = await areaIdNamed(/Yongning/);
    await page.goto(`${server.url}/?r=4#area=${yongning}&tab=plan`);
    const start = page.locator('[data-path="scenarios[0].measures[0].start"] input');
    await start.waitFor();
    await start.fill("1800");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect
      .poll(() => page.locator('[data-path="scenarios[0].measures[0].start"] .field-error').textContent())
      .toMatch(/1900/);
    await start.fill("2026");
    // The methane-use slider down to 0 %: still neutral in the example, later than with it.
    await page.locator('[data-kind="methane-use"] input.level').fill("0");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect
      .poll(() => page.locator("#pathway-result").textContent())
      .toMatch(/Neutral in 20\d\d|Not neutral by 2060/);
    const later = await page.locator("#pathway-result").textContent();
    await page.locator('[data-kind="methane-use"] input.level').fill("50");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect.poll(() => page.locator("#neutral-year").textContent()).toBe("Neutral in 2048");
    expect(later).not.toContain("Neutral in 2048");
    expect(await page.locator("#pathway-chart canvas").count()).toBe(1);
    expect(await page.locator("#mac-chart canvas").count()).toBe(1);
    const download = page.waitForEvent("download");
    await page.locator(".scenario-report button.report-pdf").click();
    const pdf = join(dir, "scenario-report.pdf");
    await (await download).saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.locator("#run-optimise").click();
    await expect.poll(() => page.locator("#optimise-change").textContent()).toMatch(/\+909,04\d/);
    await shot("09-plan-pathway-and-optimisation");
  });

  it("works on a narrow screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${server.url}/?r=3#area=${pingshuo}&tab=overview`);
    await page.locator('[data-figure="area"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await shot("08-narrow-overview");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
