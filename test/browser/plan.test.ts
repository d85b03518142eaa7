import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  cjkGlyphCheck,
  DESKTOP,
  expectNoHorizontalOverflow,
  fieldError,
  paintedShare,
  PHONE,
  shot,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

describe("the plan view", () => {
  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`starts from the mine's own inventory, with translated measure names and units, in ${lang} at ${size.width}px`, async () => {
        const page = await session.openPage(size);
        const yongning = await areaIdNamed(session, /Yongning/);
        await page.goto(viewUrl(session, yongning, "plan", lang), { waitUntil: "domcontentloaded" });
        const startsFrom = page.locator("#plan-start");
        await startsFrom.waitFor();
        // The stored inventory's own coal output (900,000 t), not an example's path.
        expect(await startsFrom.textContent()).toMatch(/900,000/);
        const names = await page.locator(".measure .measure-name").allTextContents();
        expect(names).toContain(lang === "en" ? "methane drainage and use" : "瓦斯抽采利用");
        const text = (await page.locator("#pathway-panel").textContent()) ?? "";
        // No machine ids on screen: measure kinds, field keys, unit ids.
        expect(text).not.toMatch(/methane-use|hectaresPerYear|tCO2ePerYr|captureRate|rampYears|level \(/);
        if (lang === "zh") {
          expect(text).toMatch(/起始年份/);
          expect(await cjkGlyphCheck(page, ".measure .measure-name")).toMatchObject({ rendered: true });
        }
        await expectNoHorizontalOverflow(page);
        await shot(page, `plan-${lang}-${size.width}`);
      });

  it("builds a scenario: a bad start year at its field clears the results, then the pathway, its report and the optimization", async () => {
    // Yongning is enterprise B's: its editor plans it and makes its report.
    const page = await session.openPage({ as: "demo-enterprise-b" });
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "plan", "en"), { waitUntil: "domcontentloaded" });
    // Methane drainage and use is the third measure of the spec.
    const start = page.locator("#scenario_measures_2_start");
    await start.waitFor();
    await page.locator("#run-pathway").click();
    const result = page.locator("#pathway-result");
    await expect.poll(() => result.textContent()).toMatch(/Peak year: \d{4}/);
    await expect.poll(() => paintedShare(page, "#pathway-chart canvas")).toBeGreaterThan(0.01);
    // No measure has a cost yet: the curve says what it needs.
    await expect.poll(() => page.locator("#mac-panel").textContent()).toMatch(/No measure has a cost/);
    // A start year out of range: shown at its field, and the earlier result is cleared.
    await start.fill("1800");
    await expect.poll(() => fieldError(page, "scenario_measures_2_start").textContent()).toMatch(/1900/);
    await expect.poll(() => page.locator("#pathway-chart").count()).toBe(0);
    expect(await result.textContent()).toBe("");
    await start.fill("2026");
    await page.locator("#scenario_measures_2_cost_capitalCNY").fill("6000000");
    await page.locator("#scenario_measures_2_cost_operatingCNYPerYr").fill("300000");
    await page.locator("#scenario_measures_2_cost_lifetimeYears").fill("15");
    await page.locator("#run-pathway").click();
    await expect.poll(() => result.textContent()).toMatch(/Peak year: \d{4}/);
    expect(await result.textContent()).toMatch(/Not neutral by 2060 \([\d,]+ t CO2e\/yr\)|Neutral in \d{4}/);
    await expect.poll(() => paintedShare(page, "#mac-chart canvas")).toBeGreaterThan(0.005);
    const download = page.waitForEvent("download");
    await page.locator(".scenario-report button.report-pdf").click();
    const pdf = join(session.dir, "plan-scenario-report.pdf");
    await (await download).saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    // Yongning has no land-use analysis: its own structure cannot be optimized, and says so; the
    // shipped example runs only when chosen, and is said to be an example.
    expect(await page.locator("#optimize-needs-analysis").textContent()).toMatch(
      /no finished land-use analysis/,
    );
    expect(await page.locator("#run-optimize").count()).toBe(0);
    await page.locator('#optimize-source input[value="example"]').check();
    await page.locator("#run-optimize").click();
    await expect.poll(() => page.locator("#optimize-change").textContent()).toMatch(/\+20,15\d/);
    expect(await page.locator("#optimize-demo-note").textContent()).toMatch(/shipped example/);
    await shot(page, "plan-pathway-and-optimization");
  });

  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`optimizes the area's own land structure, with its own classes, in ${lang} at ${size.width}px`, async () => {
        const page = await session.openPage(size);
        const pingshuo = await areaIdNamed(session, /Pingshuo/);
        // The area's own problem: the last year of its finished analysis, its legend's classes.
        const own = (await (
          await session.fetch(`${session.server.url}/api/areas/${pingshuo}/structure-problem`)
        ).json()) as { year: number; problem: { classes: { key: string; currentHa: number }[] } };
        await page.goto(viewUrl(session, pingshuo, "plan", lang), { waitUntil: "domcontentloaded" });
        const basis = page.locator("#optimize-basis");
        await basis.waitFor();
        expect(await basis.textContent()).toContain(String(own.year));
        expect(await page.locator("#optimize-demo-note").count()).toBe(0);
        await page.locator("#optimize-coal").fill("20000000");
        await page.locator("#run-optimize").click();
        const table = page.locator("#optimize-classes");
        await table.locator("tbody tr.ant-table-row").first().waitFor();
        const names = await table.locator("td.class-name").allTextContents();
        expect(names).toEqual(
          lang === "en"
            ? [
                "arable land",
                "forest land",
                "grassland",
                "urban land",
                "rural settlement",
                "transportation land",
                "open pit",
                "stripping land",
                "dump",
                "industrial land",
                "water",
              ]
            : [
                "耕地",
                "林地",
                "草地",
                "城镇用地",
                "农村居民点",
                "交通用地",
                "露天采场",
                "剥离区",
                "排土场",
                "工业场地",
                "水域",
              ],
        );
        // The current areas are the analysis's last map's, not the example's.
        const arable = own.problem.classes.find((c) => c.key === "arable")!.currentHa;
        const first = await table
          .locator("tbody tr.ant-table-row")
          .first()
          .locator("td")
          .nth(1)
          .textContent();
        expect(first).toBe(arable.toLocaleString("en", { maximumFractionDigits: 0 }));
        await expect.poll(() => page.locator("#optimize-change").textContent()).toMatch(/→/);
        await expect.poll(() => paintedShare(page, "#optimize-chart canvas")).toBeGreaterThan(0.005);
        if (lang === "zh")
          expect(await cjkGlyphCheck(page, "#optimize-classes td.class-name")).toMatchObject({
            rendered: true,
          });
        await expectNoHorizontalOverflow(page);
        await shot(page, `plan-optimize-own-${lang}-${size.width}`);
      });

  it("shows the problems the server finds at their fields", async () => {
    // An ungiven saturating stock of a reclamation: required by the spec, refused before sending.
    const page = await session.openPage({ allowConsole: /status of 400 \(Bad Request\)/ });
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "plan", "en"), { waitUntil: "domcontentloaded" });
    const include = page.locator('.measure[data-kind="reclamation"] input.ant-checkbox-input');
    await include.waitFor();
    await include.check();
    await page.locator("#run-pathway").click();
    await expect
      .poll(() => fieldError(page, "scenario_measures_4_maxStockTCPerHa").textContent())
      .toMatch(/Required/);
    await page.locator("#scenario_measures_4_hectaresPerYear").fill("100000");
    await page.locator("#scenario_measures_4_to").fill("forest");
    await page.locator("#scenario_measures_4_maxStockTCPerHa").fill("20");
    await page.locator("#scenario_measures_4_source").fill("test");
    await page.locator("#run-pathway").click();
    // 100,000 ha a year is more land than the mine has: the server names the field.
    await expect
      .poll(() => fieldError(page, "scenario_measures_4_hectaresPerYear").textContent())
      .toMatch(/more than the 11\.1 ha of industrial and mining land/);
    // The form says its results are gone until the problem is fixed.
    expect(await page.locator(".form-error").textContent()).toMatch(/earlier results are cleared/);
    await shot(page, "plan-server-problem");
  });
});
