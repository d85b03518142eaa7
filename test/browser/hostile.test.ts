import { readFileSync } from "node:fs";
import { join } from "node:path";
import proj4 from "proj4";
import { beforeAll, describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { CLIENT, clickMapCentre, mapRendered, useBrowserSession, viewUrl } from "./browser-session.ts";

// The shell and the overview, map and data views with hostile text in every field a user can fill
// (the Charts, Plan and Inventory views have theirs in their own files). The session fails a test
// on an alert, a CSP violation, or a request for the planted image `x`.
const session = useBrowserSession();

/** Text that runs script wherever it is put into a page as markup (or a link) instead of as text. */
const XSS = [
  `<img src=x onerror=alert("xss-img")>`,
  `<script>alert("xss-script")</script>`,
  `"><svg onload=alert("xss-svg")>`,
  `javascript:alert("xss-url")`,
].join(" ");
const planted = (what: string) => `${what} ${XSS}`;

async function apiWrite<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await session.fetch(`${session.server.url}${path}`, {
    method,
    headers: { ...CLIENT, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

describe("hostile text in the shell, overview, map and data views", () => {
  let areaId: string;

  beforeAll(async () => {
    const dir = session.dir;
    const a = new Uint8Array(30 * 20).fill(1);
    writeCodeRaster(join(dir, "xss-2005.tif"), a, 30, 20);
    for (let y = 0; y < 20; y++) {
      a.fill(7, y * 30, y * 30 + 10);
      a.fill(2, y * 30 + 10, y * 30 + 15);
    }
    writeCodeRaster(join(dir, "xss-2015.tif"), a, 30, 20);
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
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: planted("Area"),
      nameZh: planted("矿区"),
      crs: "EPSG:32650",
      legend: {
        classes: LEGEND_PRESETS.seed001!.classes.map((c) => ({
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
      const r = await session.fetch(`${session.server.url}/api/areas/${areaId}/maps`, {
        method: "POST",
        body: fd,
        headers: CLIENT,
      });
      if (r.status !== 201) throw new Error(`upload ${year}: ${r.status} ${await r.text()}`);
    }
    await apiWrite("POST", `/api/areas/${areaId}/analyses`, { densitySet: "seed001-yang2019" });
    await session.server.ctx.jobs.whenIdle();
  });

  for (const lang of ["en", "zh"] as const)
    it(`shows planted text as text, never as markup, in ${lang}`, async () => {
      const page = await session.openPage();
      await page.goto(viewUrl(session, areaId, "overview", lang));
      const title = page.locator(".overview h2");
      await expect.poll(() => title.textContent()).toContain(XSS);
      expect(await page.locator(".legend-box").textContent()).toContain(XSS);
      expect(await page.locator("#area-select").locator("xpath=..").textContent()).toContain("<img");
      await mapRendered(page);
      await page.click("#tab-map");
      await page.locator(".layer-radio").first().waitFor();
      await mapRendered(page);
      await page.locator(".layer-radio").first().click();
      await expect.poll(() => page.locator(".legend-box").textContent()).toContain(XSS);
      await clickMapCentre(page);
      expect(await page.locator(".history").textContent()).toContain(XSS);
      await page.click("#tab-data");
      const names = page.locator("#legend-form input.name");
      await expect.poll(() => names.first().inputValue()).toContain(XSS);
      await page.locator("#analyses-table tbody tr.ant-table-row").first().waitFor();
      // No element was made from the planted markup anywhere on the way.
      expect(await page.locator("img[src=x], svg[onload], script:not([src])").count()).toBe(0);
    });
});
