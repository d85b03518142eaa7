import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { formatInventory } from "../../src/cli/format/inventory-text.ts";
import { parseInventoryInput } from "../../src/domain/mine/inventory-spec.ts";
import { mineInventory } from "../../src/domain/mine/mine-inventory.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const yongning = join(PROJECT_ROOT, "examples", "yongning.yaml");
const dir = mkdtempSync(join(tmpdir(), "mc-uncertainty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-year mine: 100 t of diesel (metered, ±5 %) and 10 t CH4 measured (±17.5 %), GWP 21. */
const small = (extra: Record<string, unknown> = {}) => ({
  kind: "mine-inventory",
  mine: "Small",
  gwp: "SAR",
  sinkReading: "ipcc-tier1",
  combustionMethod: "ndrc-2015",
  years: [
    {
      year: 2030,
      boundaryAreaHa: 10,
      coalOutputT: 1000,
      energy: [{ carrier: "diesel", amount: 100, unit: "t", combustion: "stationary" }],
      methane: { underground: [{ massT: 10 }] },
      ...extra,
    },
  ],
});
const run = (doc: unknown, o = {}) => {
  const table = factorTable();
  return mineInventory(parseInventoryInput(doc, "m.yaml", table), table, "m.yaml", { uncertainty: o });
};
const row = (inv: ReturnType<typeof run>, key: string) => inv.uncertainty!.rows.find((r) => r.key === key)!;

describe("mineInventory — uncertainty (IPCC 2006 Vol. 1 Ch. 3, issue 10 item 4)", () => {
  it("propagates activity data and factors to each category and the balance, Approach 1 and 2 side by side", () => {
    const inv = run(small());
    const methane = row(inv, "2030:C_under underground");
    // 10 t CH4 × 21 = 210 t CO2e; the measured mass ±17.5 % (ad.gas-measured), GWP exact by convention.
    expect(methane.value).toBeCloseTo(210, 9);
    expect(methane.approach1.pct).toBeCloseTo(17.5, 9);
    expect(methane.approach2!.pct).toBeCloseTo(17.5, 0);
    // Diesel by NDRC 2015: amount ±5 % (ad.fuel) × NCV (exact: no range) × carbon content ±5 %
    // (f.carbon-content) × oxidation (exact): CO2 ±√(5² + 5²) = ±7.07 % by Eq. 3.1.
    const pm = row(inv, "2030:P_M industrial and mining land");
    const co2 = inv.years[0]!.sources.find((s) => s.gas === "CO2")!.tCO2ePerYr;
    const nonCO2 = inv.years[0]!.sources.find((s) => s.gas === "CH4+N2O")!.tCO2ePerYr;
    expect(pm.value).toBeCloseTo(co2 + nonCO2, 9);
    expect(row(inv, "2030:balance").value).toBeCloseTo(inv.years[0]!.totals.balanceTCO2ePerYr, 9);
    for (const r of inv.uncertainty!.rows.filter((x) => x.value !== 0)) {
      expect(r.approach2!.low).toBeLessThan(r.value);
      expect(r.approach2!.high).toBeGreaterThan(r.value);
    }
    expect(inv.uncertainty!.inputs.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        "activity:years[0].energy[0].amount",
        "activity:years[0].methane.underground[0].massT",
        "factor:cn.fuel.diesel.cc",
      ]),
    );
    expect(co2).toBeGreaterThan(0);
  });

  it("names every factor taken as exact in a warning, and GWPs and constants as exact by convention or definition", () => {
    const inv = runInventory(yongning, {});
    const warning = inv.warnings.find((w) => w.startsWith("factors taken as exact"))!;
    expect(warning).toBeDefined();
    // The grid factor, seed 002's standard-coal coefficients and its biomass regressions have no range.
    for (const id of [
      "cn.grid.nbs.2022.prov.shanxi",
      "seed002.t1.coal.tce",
      "seed002.t3.locust.a",
      "seed002.t3.spruce.b",
      "seed002.shrub.plant",
    ])
      expect(warning).toContain(id);
    expect(warning).not.toContain("gwp.sar.ch4");
    expect(inv.uncertainty!.exactByDefinition.map((e) => e.label)).toEqual(
      expect.arrayContaining(["gwp.sar.ch4", "const.gj_per_tce"]),
    );
    expect(inv.warnings.join("\n")).toMatch(/activity data taken as exact .*stand volume/);
    expect(formatInventory(inv)).toMatch(/Taken as exact for want of any range/);
  });

  it("a range given in a --factors file takes the factor off the exact list and widens the interval", () => {
    const f = join(dir, "grid.csv");
    writeFileSync(
      f,
      "id,quantity,value,low,high,unit,source,status\ncn.grid.nbs.2022.prov.shanxi,Shanxi grid 2022,0.7096,0.6386,0.7806,kg CO2/kWh,test range ±10 %,assumption\n",
    );
    const plain = runInventory(yongning, {});
    const ranged = runInventory(yongning, { factors: [f] });
    expect(ranged.warnings.find((w) => w.startsWith("factors taken as exact"))).not.toContain(
      "cn.grid.nbs.2022.prov.shanxi",
    );
    const pm = (i: typeof plain) =>
      i.uncertainty!.rows.find((r) => r.key.endsWith("P_M industrial and mining land"))!;
    // Electricity is 737 of 5,257 t CO2e/yr: ±10 % on it takes P_M from ±5.91 % to ±6.05 %.
    expect(pm(ranged).approach1.pct!).toBeGreaterThan(pm(plain).approach1.pct! + 0.1);
  });

  it("Yongning: gross 21,067 t CO2e/yr ±11.5 % and balance ±11.8 % (Approach 1), the methane measurement dominating", () => {
    const inv = runInventory(yongning, {});
    const balance = inv.uncertainty!.rows.find((r) => r.key === "2024:balance")!;
    expect(balance.value).toBeCloseTo(20_646.36, 1);
    expect(balance.approach1.pct!).toBeCloseTo(11.8, 1);
    expect(balance.approach2!.pct!).toBeCloseTo(11.8, 0);
    const gross = inv.uncertainty!.rows.find((r) => r.key === "2024:gross")!;
    expect(gross.approach1.pct!).toBeCloseTo(11.5, 1);
  });

  it("an input's own uncertainty replaces the default for its kind", () => {
    const own = small();
    (own.years[0]!.methane as { underground: object[] }).underground = [
      { massT: 10, uncertainty: { pct: 2, source: "continuous monitoring" } },
    ];
    const r = row(run(own), "2030:C_under underground");
    expect(r.approach1.pct).toBeCloseTo(2, 9);
    const input = run(own).uncertainty!.inputs.find((i) => i.key.endsWith("underground[0].massT"))!;
    expect(input).toMatchObject({ basis: "input", source: "continuous monitoring", lowPct: 2, highPct: 2 });
  });

  it("sums several years with the factors' errors shared (one draw for all years) and each year's data its own", () => {
    const two = small();
    two.years.push({ ...two.years[0]!, year: 2031 });
    const inv = run(two);
    const one = row(inv, "2030:balance");
    const all = row(inv, "all:balance");
    expect(all.value).toBeCloseTo(2 * one.value, 9);
    // Independent data alone would give ±one/√2; the shared carbon content keeps it above that.
    expect(all.approach1.pct!).toBeLessThan(one.approach1.pct!);
    expect(all.approach1.pct!).toBeGreaterThan(one.approach1.pct! / Math.SQRT2);
  });

  it("refuses an uncertainty beyond its bounds or given twice, naming the field", () => {
    const bad = (u: unknown) => {
      try {
        parseInventoryInput(small({ coalOutputUncertainty: u }), "m.yaml", factorTable());
        return undefined;
      } catch (e) {
        return (e as InputError).issues;
      }
    };
    expect(bad({ pct: 150 })).toEqual([
      {
        path: "years[0].coalOutputUncertainty.pct",
        message: expect.stringMatching(/^must be ≤ 100 % \(a quantity that cannot be negative/),
      },
    ]);
    expect(bad({ lowPct: 50, highPct: 5000 })![0]!.message).toMatch(/^must be ≤ 1000 % \(a factor of eleven/);
    expect(bad({ pct: 5, lowPct: 5, highPct: 5 })![0]!).toMatchObject({
      path: "years[0].coalOutputUncertainty.pct",
      message: expect.stringMatching(/^must not be given with lowPct\/highPct/),
    });
    expect(bad({ lowPct: 5 })![0]!.path).toBe("years[0].coalOutputUncertainty.highPct");
    expect(bad({ pct: 5, source: "weighbridge" })).toBeUndefined();
  });

  it("bounds draws × years (the file's and --draws) like a budget's draws", () => {
    const doc = { ...small(), uncertainty: { draws: 600_000 } };
    doc.years.push({ ...doc.years[0]!, year: 2031 });
    expect(() => parseInventoryInput(doc, "m.yaml", factorTable())).toThrow(
      /uncertainty\.draws: must be ≤ 500,000 for 2 years/,
    );
    const raw = readInputFile(yongning);
    const table = factorTable();
    const input = parseInventoryInput(raw, "y.yaml", table);
    expect(
      mineInventory(input, table, "y.yaml", { uncertainty: { draws: 300, seed: 5 } }).uncertainty,
    ).toMatchObject({ draws: 300, seed: 5, keptDraws: 300 });
  });
});
