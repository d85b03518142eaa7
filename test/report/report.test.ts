import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { threeDateAnalysis } from "./three-date-analysis.ts";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { inventorySteps } from "../../src/presentation/chart-options.ts";
import { areaKeyFigures } from "../../src/app/area-overview.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const dir = mkdtempSync(join(tmpdir(), "mc-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const YONGNING = join(PROJECT_ROOT, "examples", "yongning.yaml");

describe("inventory waterfall", () => {
  it("steps from the sources through the sinks land on the balance (Yongning)", () => {
    const y = runInventory(YONGNING, {}).years[0]!;
    const steps = inventorySteps("en", y);
    const moves = steps.filter((s) => s.kind !== "balance").reduce((a, s) => a + s.tCO2ePerYr, 0);
    expect(moves).toBeCloseTo(y.totals.balanceTCO2ePerYr, 6);
    expect(steps.at(-1)).toMatchObject({ kind: "balance", tCO2ePerYr: y.totals.balanceTCO2ePerYr });
  });
  it("holds for any sources, sinks and offsets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 8 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (src, snk, sold, bought) => {
          const balance = src.reduce((a, b) => a + b, 0) - snk.reduce((a, b) => a + b, 0) + sold - bought;
          const steps = inventorySteps("zh", {
            sources: src.map((v, i) => ({ label: `s${i}`, tCO2ePerYr: v })),
            sinks: snk.map((v, i) => ({ label: `k${i}`, sinkTCO2ePerYr: v })),
            totals: { offsetsSoldTCO2e: sold, offsetsBoughtTCO2e: bought, balanceTCO2ePerYr: balance },
          });
          const moves = steps.filter((s) => s.kind !== "balance").reduce((a, s) => a + s.tCO2ePerYr, 0);
          expect(moves).toBeCloseTo(balance, 3);
        },
      ),
    );
  });
});

describe("overview figures", () => {
  it("hand-worked: 100 ha, stock 1000 → 800 t C over 10 yr = −73.33 t CO2e/yr", () => {
    const f = areaKeyFigures(
      {
        id: "7",
        result: {
          classes: [
            { year: 2000, area_ha: 60 },
            { year: 2000, area_ha: 40 },
            { year: 2010, area_ha: 100 },
          ],
          carbon: [
            { year: 2000, pool: "total", total_tC: 1000 },
            { year: 2010, pool: "total", total_tC: 800 },
          ],
          densitySet: "x",
        },
      },
      [],
      "en",
    );
    expect(f.find((x) => x.id === "area")!.value).toBe(100);
    expect(f.find((x) => x.id === "landuse-budget")!.value).toBeCloseTo((-200 / 10) * (44 / 12), 12);
    expect(f.find((x) => x.id === "inventory-total")).toMatchObject({
      value: null,
      source: expect.stringMatching(/no inventory/),
    });
  });
});

describe("minecarbon report", () => {
  const bin = join(PROJECT_ROOT, "bin", "minecarbon.mjs");
  it("writes a Chinese PDF and an English HTML report of an inventory file", () => {
    const pdf = join(dir, "r.pdf");
    const out = execFileSync(process.execPath, [
      bin,
      "report",
      YONGNING,
      "--format",
      "pdf",
      "--lang",
      "zh",
      "--out",
      pdf,
    ]).toString();
    expect(out).toMatch(/r\.pdf \(pdf, [\d,]+ bytes\): inventory/);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.toString("latin1")).toMatch(/NotoSansSC-Regular/);
    const html = join(dir, "r.html");
    execFileSync(process.execPath, [bin, "report", YONGNING, "--out", html]);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("Mine inventory and neutrality balance: Yongning Coal Mine");
    const inv = runInventory(YONGNING, {});
    for (const f of inv.factors.used) expect(page).toContain(f.id);
    // What the figures rest on (issue 10 items 3–5): the uncertainty of each figure, the basis the
    // gas volume is weighed at and what the other would give, and what CCS can capture.
    expect(page).toContain("Uncertainty (IPCC 2006 Vol. 1 Ch. 3)");
    const balance = inv.uncertainty!.rows.find((r) => r.label.startsWith("balance"))!;
    expect(page).toContain(`±${balance.approach1.pct!.toFixed(1)} %`);
    expect(page).toMatch(
      /967,104 m³ CH4 × 0\.67 kg\/m³ \(ipcc-20C\) = 647\.96 t; cn-stp-0C: × 0\.717 kg\/m³ = 693\.41 t/,
    );
    expect(page).toContain("CCS captures point-source CO2 only");
  });
  it("exits 2 naming what is wrong with its input", () => {
    const r = spawnSync(process.execPath, [
      bin,
      "report",
      join(dir, "missing"),
      "--out",
      join(dir, "x.html"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/missing has 1 problem:\n {2}- no such file or folder/);
  });
});

describe("minecarbon report of a land-use analysis (issue 10: components, storage change, value, chord, accumulated changes)", () => {
  const bin = join(PROJECT_ROOT, "bin", "minecarbon.mjs");
  // The three-date 10×10 analysis (three-date-analysis.ts), valued at the CEA year-4 mean price.
  const analysis = join(dir, "analysis");
  const ready = threeDateAnalysis(dir, {
    carbonPrice: "cn.ets.cea.year4.mean",
    priceChangePerYear: 0.02,
    discountRatePerYear: 0.05,
  });

  it("shows them in HTML (English) and renders them in a Chinese PDF", async () => {
    await ready;
    const html = join(dir, "analysis.html");
    execFileSync(process.execPath, [bin, "report", analysis, "--out", html]);
    const page = readFileSync(html, "utf8");
    // The chord: one arc per class at the first and at the last date, drawn as inline SVG.
    expect(page).toContain("Transitions from the first to the last year (ha)");
    expect(page).toMatch(/<svg[^]*arable land 2000[^]*open pit 2020[^]*<\/svg>/);
    expect(page).toContain("Change components per interval: quantity, exchange, shift");
    expect(page).toContain("Accumulated changes (class changes per pixel)");
    expect(page).toMatch(/alt="Accumulated changes 2000–2020"/);
    expect(page).toMatch(/<li><i style="background:#[0-9a-f]{6}"><\/i>2 changes<\/li>/);
    expect(page).toContain("Change in carbon storage");
    expect(page).toMatch(
      /Value of the change in carbon storage \(InVEST\): carbon price 89\.06 CNY\/t CO2e in 2000/,
    );
    // The price factor is listed with its source among the factors used.
    expect(page).toMatch(/<td>cn\.ets\.cea\.year4\.mean<\/td>/);
    const pdf = join(dir, "analysis.pdf");
    execFileSync(process.execPath, [
      bin,
      "report",
      analysis,
      "--format",
      "pdf",
      "--lang",
      "zh",
      "--out",
      pdf,
    ]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);

  it("still reports an analysis made before these outputs existed", async () => {
    await ready;
    const old = join(dir, "old-analysis");
    cpSync(analysis, old, { recursive: true });
    const summary = JSON.parse(readFileSync(join(old, "summary.json"), "utf8"));
    for (const k of ["componentsOverall", "accumulatedChanges", "carbonChange", "valuation", "carbonValue"])
      delete summary[k];
    summary.outputs = summary.outputs.filter((f: string) => !f.startsWith("accumulated-changes"));
    writeFileSync(join(old, "summary.json"), JSON.stringify(summary));
    const html = join(dir, "old.html");
    execFileSync(process.execPath, [bin, "report", old, "--out", html]);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("Carbon stocks (t C)");
    expect(page).not.toContain("Change in carbon storage");
    expect(page).not.toMatch(/alt="Accumulated changes/);
  }, 120_000);
});
