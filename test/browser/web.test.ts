import { readFileSync } from "node:fs";
import { join } from "node:path";
import proj4 from "proj4";
import { beforeAll, describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import {
  areaIdNamed as areaIdNamedIn,
  CLIENT,
  mapRendered,
  shot,
  SHOTS,
  useBrowserSession,
} from "./browser-session.ts";

// The former app (plain DOM, served at / until the new one replaces it). Only CSP violations among
// console messages fail these tests, as before.
const session = useBrowserSession({ consoleErrors: false });
const dir = session.dir;
const openPage = session.openPage;
const areaIdNamed = (name: RegExp) => areaIdNamedIn(session, name);

/** Sends a JSON write to the API as a script would; fails the test on anything but 2xx. */
async function apiWrite<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${session.server.url}${path}`, {
    method,
    headers: { ...CLIENT, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

describe("the web app on the demo", () => {
  it("opens the demo area with its key figures, units and sources", async () => {
    const page = await openPage();
    await page.goto(`${session.server.url}/`);
    const area = page.locator('[data-figure="area"]');
    await expect.poll(() => area.textContent()).toMatch(/51,69\d/);
    expect(await area.textContent()).toMatch(/ha/);
    expect(await page.locator('[data-figure="landuse-budget"] .source').textContent()).toMatch(
      /seed001-yang2019/,
    );
    await shot(page, "01-overview-en");
  });

  it("switches to Chinese, formats for it, and remembers it", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=overview`);
    await expect.poll(() => page.locator("#tab-overview").textContent()).toBe("Overview");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-overview").textContent()).toBe("概览");
    expect(await page.locator("h2").first().textContent()).toContain("平朔");
    await expect.poll(() => page.locator('[data-figure="area"] .source').textContent()).toMatch(/分析像元数/);
    await page.reload();
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("地图");
    await shot(page, "02-overview-zh");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("Map");
  });

  it("shows the zoning layer on the map, its legend, and a pixel's class history", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    // Reached from the keyboard: Tab to the Map tab, Enter.
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=overview`);
    await page.locator("#tab-overview").waitFor();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== "tab-map"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-map");
    await page.keyboard.press("Enter");
    const zones = page.getByLabel("Carbon-sink zones 1986–2018");
    await zones.waitFor();
    await zones.check();
    const legend = page.locator(".legend-box");
    await expect.poll(() => legend.textContent()).toMatch(/emission.control/);
    const layers = (await (await fetch(`${session.server.url}/api/areas/${pingshuo}/layers`)).json()) as {
      layers: { id: string; url: string }[];
    };
    const zonesLayer = layers.layers.find((l) => l.id === "zones-1986-2018")!;
    const res = await page.request.get(`${session.server.url}${zonesLayer.url}`);
    expect(res.headers()["content-type"]).toBe("image/png");
    await mapRendered(page);
    const box = (await page.locator("#map").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator("table.history tr").count()).toBe(4);
    expect(await page.locator("table.history").textContent()).toMatch(/1986/);
    await shot(page, "03-map-zoning");
  });

  it("draws the Sankey of transfers and the other charts", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=charts`);
    const sankey = page.locator("#sankey canvas");
    await sankey.waitFor();
    const painted = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>("#sankey canvas")!;
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n / (c.width * c.height);
      });
    await expect.poll(painted).toBeGreaterThan(0.1);
    expect(await page.locator("#zone-shares canvas").count()).toBe(1);
    expect(await page.locator("#factors-table").textContent()).toMatch(
      /seed001\.yang2019\.soil_loss\.arable.*Yang et al\. \(2019\)/,
    );
    await shot(page, "04-charts-sankey");
  });

  it("shows the accumulated changes as a map layer with its legend, in English and in Chinese", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=map`);
    const layer = page.getByLabel("Accumulated changes 1986–2018");
    await layer.waitFor();
    await layer.check();
    const legend = page.locator(".legend-box");
    // Four dates: 0 to 3 class changes per pixel, each in its colour.
    await expect
      .poll(() => legend.locator("li").allTextContents())
      .toEqual(["no change", "1 change", "2 changes", "3 changes"]);
    const swatches = await legend
      .locator(".swatch")
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(swatches).size).toBe(4);
    await mapRendered(page);
    // The layer's image is on the map: some of the map's pixels are drawn in the ramp's dark red.
    const layers = (await (await fetch(`${session.server.url}/api/areas/${pingshuo}/layers`)).json()) as {
      layers: { id: string; kind: string; url: string }[];
    };
    const acc = layers.layers.find((l) => l.id === "accumulated-changes")!;
    expect(acc.kind).toBe("changes");
    const png = await page.request.get(`${session.server.url}${acc.url}`);
    expect(png.headers()["content-type"]).toBe("image/png");
    await shot(page, "03b-map-accumulated-changes-en");
    await page.click("#lang-toggle");
    const layerZh = page.getByLabel("1986–2018年累计变化次数");
    await layerZh.waitFor();
    await layerZh.check();
    await expect
      .poll(() => legend.locator("li").allTextContents())
      .toEqual(["未变化", "1 次变化", "2 次变化", "3 次变化"]);
    await mapRendered(page);
    await shot(page, "03c-map-accumulated-changes-zh");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("Map");
  });

  it("draws the chord diagram of the transitions from the first to the last year", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=charts`);
    const chord = page.locator("#chord canvas");
    await chord.waitFor();
    expect(await page.locator("#chord-panel h2").textContent()).toBe(
      "Transitions from the first to the last year (ha)",
    );
    const painted = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>("#chord canvas")!;
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n / (c.width * c.height);
      });
    await expect.poll(painted).toBeGreaterThan(0.1);
    await page.locator("#chord-panel").scrollIntoViewIfNeeded();
    await page.locator("#chord-panel").screenshot({ path: join(SHOTS, "04b-charts-chord-en.png") });
    // Hovering the ribbon of arable land that stayed arable (left of the centre, where its two arcs
    // meet) shows the transition and its area.
    const box = (await chord.boundingBox())!;
    const r = (0.56 * Math.min(box.width, box.height)) / 2;
    await page.mouse.move(box.x + 0.45 * box.width - 0.8 * r, box.y + 0.52 * box.height);
    await expect
      .poll(() => page.locator("#chord").textContent())
      .toMatch(/arable land 1986.*arable land 2018.*ha/);
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#chord-panel h2").textContent()).toBe("首末年份间土地转移 (公顷)");
    await page.locator("#chord canvas").waitFor();
    await expect.poll(painted).toBeGreaterThan(0.1);
    await page.locator("#chord-panel").screenshot({ path: join(SHOTS, "04c-charts-chord-zh.png") });
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-charts").textContent()).toBe("Charts");
  });

  it("downloads a PDF report of the demo analysis", async () => {
    const page = await openPage();
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=overview`);
    const download = page.waitForEvent("download");
    await page.locator("button.report-pdf").first().click();
    const d = await download;
    const path = join(dir, "report.pdf");
    await d.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(path).length).toBeGreaterThan(50_000);
  });

  it("shows a bad activity value at its field", async () => {
    const page = await openPage();
    const yongning = await areaIdNamed(/Yongning/);
    await page.goto(`${session.server.url}/#area=${yongning}&tab=data`);
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
    await shot(page, "05-inventory-field-error");
  });

  it("creates an area, uploads a small GeoTIFF pair, runs the analysis and shows its matrix", async () => {
    const page = await openPage();
    const a = new Uint8Array(30 * 20).fill(1);
    writeCodeRaster(join(dir, "2005.tif"), a, 30, 20);
    for (let y = 0; y < 20; y++) a.fill(2, y * 30, y * 30 + 6);
    writeCodeRaster(join(dir, "2015.tif"), a, 30, 20);
    await page.goto(`${session.server.url}/#tab=data`);
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
    await shot(page, "06a-legend-editor");
    for (const year of ["2005", "2015"]) {
      await page.locator("#upload-map input[name=year]").fill(year);
      await page.locator("#upload-map input[type=file]").setInputFiles(join(dir, `${year}.tif`));
      await page.locator("#upload-map button").click();
      await expect.poll(() => page.locator("#upload-map .ok").textContent()).toContain(`${year}: 30×20 px`);
      // The view draws itself again with the new map listed: the next upload goes to that form.
      await expect.poll(() => page.locator("#run-analysis p").first().textContent()).toContain(year);
    }
    await page.locator("#run-analysis select").selectOption("");
    await page.locator("#run-analysis button").click();
    await expect.poll(() => page.locator("#analysis-status").textContent()).toMatch(/done 100%/);
    await shot(page, "06-upload-and-analysis");
    await page.click("#tab-charts");
    // 120 arable pixels of 30 m (0.09 ha) became forest: 10.8 ha.
    const cell = page.locator('#matrix-table td[data-from="1"][data-to="2"]');
    await expect.poll(() => cell.textContent()).toBe("10.8");
    await shot(page, "07-matrix");
  });

  it("builds a scenario: a bad start year at its field, then the pathway to 2060 and the optimization", async () => {
    const page = await openPage();
    const yongning = await areaIdNamed(/Yongning/);
    await page.goto(`${session.server.url}/#area=${yongning}&tab=plan`);
    const start = page.locator('[data-path="scenarios[0].measures[0].start"] input');
    await start.waitFor();
    await start.fill("1800");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect
      .poll(() => page.locator('[data-path="scenarios[0].measures[0].start"] .field-error').textContent())
      .toMatch(/1900/);
    await start.fill("2026");
    // The methane-use slider down to 0 %, then back to 50 %: read with stocks as stocks (IPCC Tier 1),
    // the example is not neutral by 2060 either way; methane use shrinks the gap left in 2060.
    await page.locator('[data-kind="methane-use"] input.level').fill("0");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect
      .poll(() => page.locator("#pathway-result").textContent())
      .toMatch(/Not neutral by 2060 \(3,72\d t CO2e\/yr\)/);
    await page.locator('[data-kind="methane-use"] input.level').fill("50");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect
      .poll(() => page.locator("#pathway-result").textContent())
      .toMatch(/Not neutral by 2060 \(2,37\d t CO2e\/yr\)/);
    expect(await page.locator("#pathway-chart canvas").count()).toBe(1);
    expect(await page.locator("#mac-chart canvas").count()).toBe(1);
    const download = page.waitForEvent("download");
    await page.locator(".scenario-report button.report-pdf").click();
    const pdf = join(dir, "scenario-report.pdf");
    await (await download).saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.locator("#run-optimize").click();
    await expect.poll(() => page.locator("#optimize-change").textContent()).toMatch(/\+20,15\d/);
    await shot(page, "09-plan-pathway-and-optimization");
  });

  it("works on a narrow screen without sideways scrolling", async () => {
    const page = await openPage({ width: 390, height: 844 });
    const pingshuo = await areaIdNamed(/Pingshuo/);
    await page.goto(`${session.server.url}/#area=${pingshuo}&tab=overview`);
    await page.locator('[data-figure="area"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await shot(page, "08-narrow-overview");
  });

  it("serves the API docs page under the same policy, without violations", async () => {
    const page = await openPage();
    const r = await page.goto(`${session.server.url}/docs`);
    expect(r!.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/MineCarbon API/);
  });
});

/** Text that runs script wherever it is put into a page as markup (or a link) instead of as text. */
const XSS = [
  `<img src=x onerror=alert("xss-img")>`,
  `<script>alert("xss-script")</script>`,
  `"><svg onload=alert("xss-svg")>`,
  `javascript:alert("xss-url")`,
].join(" ");
const planted = (what: string) => `${what} ${XSS}`;

describe("hostile text in every field a user can fill", () => {
  let areaId: string;
  let inventoryId: string;
  let analysisId: string;

  beforeAll(async () => {
    // Two maps of 30×20 px (UTM 50N, 30 m): columns 0–9 of arable became open pit, 10–14 forest.
    const a = new Uint8Array(30 * 20).fill(1);
    writeCodeRaster(join(dir, "xss-2005.tif"), a, 30, 20);
    for (let y = 0; y < 20; y++) {
      a.fill(7, y * 30, y * 30 + 10);
      a.fill(2, y * 30 + 10, y * 30 + 15);
    }
    writeCodeRaster(join(dir, "xss-2015.tif"), a, 30, 20);
    // A boundary of two named mine fields (the west and east halves), in WGS 84.
    const utm = "+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs";
    const ring = (x0: number, x1: number) =>
      [
        [x0, 4399400],
        [x1, 4399400],
        [x1, 4400000],
        [x0, 4400000],
        [x0, 4399400],
      ].map((p) => proj4(utm, "WGS84", p));
    const field = (name: string, x0: number, x1: number) => ({
      type: "Feature",
      properties: { name },
      geometry: { type: "Polygon", coordinates: [ring(x0, x1)] },
    });
    const seed001 = LEGEND_PRESETS.seed001!.classes;
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: planted("Area"),
      nameZh: planted("矿区"),
      crs: "EPSG:32650",
      legend: {
        classes: seed001.map((c) => ({
          code: c.code,
          key: c.key,
          name: planted(c.name),
          nameZh: planted(c.nameZh ?? c.name),
          ...(c.group ? { group: c.group } : {}),
          ...(c.colour ? { colour: c.colour } : {}),
        })),
      },
      boundary: {
        type: "FeatureCollection",
        features: [
          field(planted("West field"), 500000, 500450),
          field(planted("East field"), 500450, 500900),
        ],
      },
    });
    areaId = area.id;
    for (const year of ["2005", "2015"]) {
      const fd = new FormData();
      fd.set("year", year);
      fd.set("file", new Blob([readFileSync(join(dir, `xss-${year}.tif`))]), planted(`${year}.tif`));
      const r = await fetch(`${session.server.url}/api/areas/${areaId}/maps`, {
        method: "POST",
        body: fd,
        headers: CLIENT,
      });
      if (r.status !== 201) throw new Error(`upload ${year}: ${r.status} ${await r.text()}`);
    }
    const job = await apiWrite<{ id: string }>("POST", `/api/areas/${areaId}/analyses`, {
      densitySet: "seed001-yang2019",
    });
    analysisId = job.id;
    await session.server.ctx.jobs.whenIdle();
    const state = (await (await fetch(`${session.server.url}/api/jobs/${job.id}`)).json()) as {
      state: string;
    };
    if (state.state !== "done") throw new Error(`the analysis did not finish: ${JSON.stringify(state)}`);

    // Seed 002's inventory with every free text planted: mine, location, description, assumptions, labels.
    const doc = readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")) as {
      mine: string;
      location: string;
      description: string;
      assumptions: string[];
      years: {
        methane: { underground: { label?: string }[] };
        co2Fugitive: { label?: string }[];
        sinks: Record<string, { label?: string; assumption?: string }[]>;
      }[];
    };
    doc.mine = planted("Mine");
    doc.location = planted("Location");
    doc.description = planted("Description");
    doc.assumptions = [planted("Assumption")];
    for (const y of doc.years) {
      for (const m of y.methane.underground) m.label = planted("Methane");
      for (const c of y.co2Fugitive) c.label = planted("CO2");
      for (const list of Object.values(y.sinks))
        for (const s of list) {
          s.label = planted("Sink");
          if (s.assumption !== undefined) s.assumption = planted("Sink assumption");
        }
    }
    const saved = await apiWrite<{ id: string }[]>("POST", `/api/areas/${areaId}/inventories`, doc);
    inventoryId = saved[0]!.id;
  });

  /**
   * Moves the mouse over a grid of points of a chart; every text its tooltip shows meanwhile is
   * recorded (read them with tooltipTexts). ECharts adds the tooltip as a div in the chart's element
   * and fills it as HTML — the place where unescaped text would turn into markup.
   */
  async function hoverAll(page: Page, selector: string, xs: number[], ys: number[]): Promise<void> {
    const chart = page.locator(selector);
    await chart.scrollIntoViewIfNeeded();
    await chart.evaluate((el) => {
      const w = window as unknown as { __tips?: Record<string, string[]> };
      const seen: string[] = ((w.__tips ??= {})[el.id] ??= []);
      new MutationObserver(() => {
        for (const c of [...el.children].slice(1)) seen.push(c.textContent ?? "");
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });
    const box = (await chart.boundingBox())!;
    for (const fy of ys)
      for (const fx of xs) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 3 });
        // Let the chart handle the move and draw (two frames), then go on.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
  }

  /** Every text a chart's tooltip showed while hoverAll moved over it. */
  const tooltipTexts = (page: Page, id: string) =>
    page.evaluate(
      (i) => ((window as unknown as { __tips?: Record<string, string[]> }).__tips?.[i] ?? []).join("\n"),
      id,
    );

  it("runs no planted script in the overview, map, charts, plan and data views", async () => {
    const page = await openPage();
    // Overview: the area's names and the inventory's mine.
    await page.goto(`${session.server.url}/#area=${areaId}&tab=overview`);
    await expect.poll(() => page.locator("h2").first().textContent()).toContain(`Area <img src=x`);
    expect(await page.locator("#area-select option:checked").textContent()).toContain("<script>");
    await shot(page, "10-xss-overview");

    // Map: the class legend, the zoning layer, and a pixel's history with the class names.
    await page.click("#tab-map");
    await page.locator('input[name=layer][value="landuse-2015"]').check();
    await expect.poll(() => page.locator(".legend-box").textContent()).toContain(`<img src=x`);
    await mapRendered(page);
    const box = (await page.locator("#map").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator("table.history").textContent()).toContain(`"><svg onload`);
    await shot(page, "11-xss-map");

    // Charts: hover the Sankey's nodes and the waterfall's bars until their tooltips show the names.
    await page.click("#tab-charts");
    await page.locator("#sankey canvas").waitFor();
    await expect.poll(() => page.locator("#matrix-table").textContent()).toContain(`<script>alert`);
    await hoverAll(page, "#sankey", [0.02, 0.05, 0.95, 0.98], [0.1, 0.3, 0.5, 0.7, 0.9]);
    await expect.poll(() => tooltipTexts(page, "sankey")).toContain(`<img src=x onerror`);
    const waterfall = `waterfall-${inventoryId}`;
    await page.locator(`#${waterfall} canvas`).waitFor();
    const xs = Array.from({ length: 24 }, (_, i) => 0.08 + (0.9 * i) / 24);
    // Long labels take much of the chart's height: the bars are in its upper part.
    await hoverAll(page, `#${waterfall}`, xs, [0.15, 0.3]);
    await expect
      .poll(() => tooltipTexts(page, waterfall))
      .toContain(`Sink <img src=x onerror=alert("xss-img")>`);
    await shot(page, "12-xss-charts");

    // Plan: the scenario takes its name from the mine; run it, hover the abatement-cost curve.
    await page.click("#tab-plan");
    await page.locator("#scenario-form button[type=submit]").click();
    await expect.poll(() => page.locator("#pathway-result").textContent()).toMatch(/Neutral in|Not neutral/);
    await page.locator("#mac-chart canvas").waitFor();
    await hoverAll(page, "#mac-chart", xs, [0.5]);
    await expect.poll(() => tooltipTexts(page, "mac-chart")).toMatch(/CNY\/t CO2e/);
    await hoverAll(page, "#pathway-chart", [0.2, 0.5, 0.8], [0.5]);
    await shot(page, "13-xss-plan");

    // Data: the legend editor and the inventory form hold the names as values, not markup.
    await page.click("#tab-data");
    await page.locator("#legend-form input.name").first().waitFor();
    expect(await page.locator("#legend-form input.name").first().inputValue()).toBe(planted("arable land"));
    await shot(page, "14-xss-data");
  });

  it("runs no planted script in its reports, served under the same policy", async () => {
    const page = await openPage();
    const example = readInputFile(join(PROJECT_ROOT, "examples", "yongning-pathway.yaml")) as {
      measures: Record<string, unknown>[];
    };
    const scenario = {
      ...example,
      // The free texts of a measure: what is planted and where its stock comes from.
      measures: example.measures.map((m) =>
        m.kind === "reclamation" ? { ...m, species: planted("Species"), source: planted("Source") } : m,
      ),
      name: planted("Scenario"),
      description: planted("Scenario description"),
      assumptions: [planted("Scenario assumption")],
      baseline: { inventoryId },
    };
    const reports = [
      await apiWrite<{ url: string }>("POST", `/api/analyses/${analysisId}/reports`, { format: "html" }),
      await apiWrite<{ url: string }>("POST", `/api/inventories/${inventoryId}/reports`, {
        format: "html",
        scenario,
      }),
    ];
    for (const [i, r] of reports.entries()) {
      const res = await page.request.get(`${session.server.url}${r.url}`);
      const policy = res.headers()["content-security-policy"]!;
      expect(policy).toMatch(/script-src 'self'/);
      const html = await res.text();
      // Reports download as files; shown in the browser they get the server's policy, as here.
      const view = `${session.server.url}/report-view-${i}`;
      await page.route(view, (route) =>
        route.fulfill({
          status: 200,
          body: html,
          headers: { "content-type": "text/html", "content-security-policy": policy },
        }),
      );
      await page.goto(view);
      await expect.poll(() => page.locator("body").textContent()).toContain(`<img src=x onerror`);
      await shot(page, `15-xss-report-${i}`);
    }
  });
});
