import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
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
    for (const f of runInventory(YONGNING, {}).factors.used) expect(page).toContain(f.id);
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
