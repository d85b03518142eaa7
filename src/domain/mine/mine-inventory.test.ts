import { describe, expect, it } from "vitest";
import { factorTable } from "../../factors/load-factor-library.ts";
import { InputError } from "../validation/input-issue.ts";
import { parseInventoryInput } from "./inventory-spec.ts";
import { mineInventory } from "./mine-inventory.ts";

const C = 44 / 12;

function run(doc: object) {
  const table = factorTable();
  return mineInventory(parseInventoryInput(doc, "test.yaml", table), table, "test.yaml");
}

const base = {
  kind: "mine-inventory",
  mine: "Test mine",
  gwp: "SAR",
  sinkReading: "annual-increment",
  combustionMethod: "carbon-per-tce",
};

describe("mineInventory(input, table) — hand-worked", () => {
  const inv = run({
    ...base,
    years: [
      {
        year: 2030,
        boundaryAreaHa: 100,
        coalOutputT: 1_000_000,
        energy: [
          // 10 t diesel × 1.4571 tce/t = 14.571 tce; × 0.5921 t C/tce × 44/12 = 31.634… t CO2
          { carrier: "diesel", amount: 10, unit: "t" },
          // 1 MWh × 0.5703 t CO2/MWh = 0.5703 t CO2; 1000 kWh × 0.1229 kgce/kWh = 0.1229 tce
          { carrier: "electricity", amount: 1, unit: "MWh", emissionFactor: "cn.grid.market.2022" },
        ],
        // 10 t diesel with B_s = 0.25: 31.634… × 0.75
        transport: [{ carrier: "diesel", amount: 10, unit: "t", lowCarbonShare: 0.25 }],
        methane: {
          // 1,000,000 m³ at 20 °C × 0.67 kg/m³ = 670 t CH4
          underground: [{ volumeM3: 1_000_000, basis: "ipcc-20C" }],
          // post-mining: 1,000,000 t × 2.5 m³/t × 0.67 kg/m³ = 1,675 t CH4
          postMining: { factor: "ipcc06.coal.ug.postmining.ch4" },
          // utilised 100 t; flared 50 t × 0.98 destroyed = 49 t
          utilised: [{ massT: 100 }],
          flared: { amounts: [{ massT: 50 }] },
        },
        co2Fugitive: [{ massT: 500 }],
        // 100 t ANFO × 0.17 t CO2/t = 17 t
        explosives: [{ type: "ANFO", amountT: 100, factor: "expl.anfo.co2.calc" }],
        sinks: {
          // grassland 10 ha × 7.09 t C/ha = 70.9 t C over 10 yr → 7.09 t C/yr × 44/12
          ecosystems: [{ type: "grassland", areaHa: 10, accumulationYears: 10 }],
          // spruce mature: B = 47.4999 + 0.4642 × 193.47; (B × 0.4889 + 1.21) × 2 ha over 20 yr
          forest: [{ label: "spruce", species: "spruce/mature", areaHa: 2, standAgeYears: 20 }],
        },
        ccsStoredTCO2: 40,
        offsets: { soldTCO2e: 10, boughtTCO2e: 30 },
      },
    ],
  });
  const y = inv.years[0]!;
  const src = (label: string) => y.sources.find((s) => s.label.startsWith(label))!;
  const dieselCO2 = 10 * 1.4571 * 0.5921 * C;

  it("computes energy in tce and CO2 by carrier (Eq. 3) and the low-carbon share of transport (Eq. 4)", () => {
    expect(src("diesel 10 t").tce).toBeCloseTo(14.571, 10);
    expect(src("diesel 10 t").tCO2ePerYr).toBeCloseTo(dieselCO2, 9);
    expect(src("electricity").tCO2ePerYr).toBeCloseTo(0.5703, 10);
    expect(src("electricity").tce).toBeCloseTo(0.1229, 10);
    expect(y.sources.find((s) => s.component === "P_S road transport")!.tCO2ePerYr).toBeCloseTo(
      dieselCO2 * 0.75,
      9,
    );
    expect(y.totals.energyTce).toBeCloseTo(14.571 * 2 + 0.1229, 9);
  });

  it("weighs methane volumes at their conditions, adds post-mining and deducts recovered methane", () => {
    expect(y.methane.undergroundLiberatedTCH4).toBeCloseTo(670, 9);
    expect(y.methane.postMiningTCH4).toBeCloseTo(1675, 9);
    expect(y.methane.flareDestroyedTCH4).toBeCloseTo(49, 9);
    expect(y.methane.emittedTCH4).toBeCloseTo(670 + 1675 - 100 - 49, 9);
    expect(src("methane utilised").tCO2ePerYr).toBeCloseTo(-149 * 21, 9);
    expect(src("CO2 from burning").tCO2ePerYr).toBeCloseTo(149 * 2.75, 9);
  });

  it("divides stocks by their accumulation time under the annual-increment reading", () => {
    const grass = y.sinks.find((s) => s.kind === "ecosystem")!;
    expect(grass.stockTC).toBeCloseTo(70.9, 9);
    expect(grass.sinkTCO2ePerYr).toBeCloseTo(7.09 * C, 9);
    const b = 47.4999 + 0.4642 * 193.47;
    const spruce = y.sinks.find((s) => s.kind === "forest")!;
    expect(spruce.stockTC).toBeCloseTo(2 * (b * 0.4889 + 1.21), 9);
    expect(spruce.sinkTCO2ePerYr).toBeCloseTo((2 * (b * 0.4889 + 1.21) * C) / 20, 9);
  });

  it("balances Eq. 1: gross − sinks − CCS + sold − bought, with shares and intensities", () => {
    const gross =
      dieselCO2 + 0.5703 + dieselCO2 * 0.75 + (670 + 1675) * 21 - 149 * 21 + 149 * 2.75 + 500 + 17;
    expect(y.totals.grossEmissionTCO2ePerYr).toBeCloseTo(gross, 6);
    const sinks = y.totals.sinkTCO2ePerYr;
    expect(y.totals.balanceTCO2ePerYr).toBeCloseTo(gross - sinks - 40 + 10 - 30, 6);
    expect(y.totals.neutral).toBe(false);
    expect(y.totals.gapTCO2ePerYr).toBeCloseTo(y.totals.balanceTCO2ePerYr, 9);
    expect(y.sources.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(y.intensity.grossTCO2ePerTCoal).toBeCloseTo(gross / 1e6, 12);
    expect(y.intensity.grossTCO2ePerHa).toBeCloseTo(gross / 100, 9);
    expect(inv.balance.totalTCO2e).toBeCloseTo(y.totals.balanceTCO2ePerYr, 9);
  });

  it("records the factors it used and warns about none here but the unverified", () => {
    const ids = inv.factors.used.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "cn.tce.diesel",
        "cn.cpertce.diesel",
        "gwp.sar.ch4",
        "ipcc06.coal.ch4_density",
        "ipcc06.coal.flare.efficiency",
      ]),
    );
    expect(inv.factors.libraryVersion).toMatch(/\+[0-9a-f]{12}$/);
  });
});

describe("mineInventory — methods and readings", () => {
  const one = (year: object) => ({
    ...base,
    years: [{ year: 2030, boundaryAreaHa: 10, coalOutputT: 0, ...year }],
  });

  it("ndrc-2015 fuel CO2 = amount × NCV × carbon content × oxidation × 44/12", () => {
    const inv = run({
      ...one({ energy: [{ carrier: "diesel", amount: 10, unit: "t" }] }),
      combustionMethod: "ndrc-2015",
    });
    // 10 t × 42.652 GJ/t × 0.0202 t C/GJ × 0.98 × 44/12
    expect(inv.years[0]!.sources[0]!.tCO2ePerYr).toBeCloseTo(10 * 42.652 * 0.0202 * 0.98 * C, 9);
    expect(inv.years[0]!.intensity.grossTCO2ePerTCoal).toBeNull();
  });

  it("open-pit methane with an NDRC factor in kg/t; bound picks the IPCC range end", () => {
    const inv = run(
      one({ coalOutputT: 1000, methane: { openPit: { factor: "cn.ndrc2015.coal.openpit.ch4" } } }),
    );
    expect(inv.years[0]!.methane.openPitTCH4).toBeCloseTo(1.34, 12);
    const high = run(
      one({
        coalOutputT: 1000,
        methane: { openPit: { factor: "ipcc06.coal.sf.mining.ch4", bound: "high" } },
      }),
    );
    // 1000 t × 2.0 m³/t × 0.67 kg/m³ = 1.34 t
    expect(high.years[0]!.methane.openPitTCH4).toBeCloseTo(1.34, 12);
  });

  it("changes only the methane terms with the GWP set", () => {
    const doc = one({ methane: { underground: [{ massT: 100 }] }, co2Fugitive: [{ massT: 5 }] });
    const sar = run(doc).years[0]!.totals.grossEmissionTCO2ePerYr;
    const ar6 = run({ ...doc, gwp: "AR6" }).years[0]!.totals.grossEmissionTCO2ePerYr;
    expect(sar).toBeCloseTo(100 * 21 + 5, 9);
    expect(ar6).toBeCloseTo(100 * 29.8 + 5, 9);
  });

  it("counts a density as a yearly sink only under the named seed 002 reading", () => {
    const doc = one({ sinks: { ecosystems: [{ type: "farmland", areaHa: 1, accumulationYears: 4 }] } });
    const increment = run(doc);
    const paper = run({ ...doc, sinkReading: "seed002-density-as-annual" });
    expect(increment.years[0]!.totals.sinkTCO2ePerYr).toBeCloseTo((4.34 * C) / 4, 9);
    expect(paper.years[0]!.totals.sinkTCO2ePerYr).toBeCloseTo(4.34 * C, 9);
    expect(paper.sinkReading.id).toBe("seed002-density-as-annual");
    expect(paper.warnings.join(" ")).toMatch(/seed 002's reading/);
  });
});

describe("parseInventoryInput — bad input", () => {
  it("reports every problem at once with its path, rule and value", () => {
    const doc = {
      ...base,
      years: [
        {
          year: 2030,
          boundaryAreaHa: 10,
          coalOutputT: 0,
          energy: [
            { carrier: "diesel", amount: -5, unit: "t" },
            { carrier: "petrol", amount: 1, unit: "t" },
            { carrier: "electricity", amount: 1, unit: "GWh" },
          ],
          sinks: { forest: [{ label: "x", species: "baobab/mature", areaHa: 1 }] },
          typo: 1,
        },
      ],
    };
    let err: InputError | undefined;
    try {
      parseInventoryInput(doc, "bad.yaml", factorTable());
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    const text = err!.message;
    expect(text).toContain("years[0].energy[0].amount: must be ≥ 0; got -5");
    expect(text).toContain("years[0]: has unknown field typo");
    // schema problems come first; registry problems are reported once the shape is right
    const fixed = structuredClone(doc) as { years: Record<string, unknown>[] };
    delete fixed.years[0]!.typo;
    (fixed.years[0]!.energy as { amount: number }[])[0]!.amount = 5;
    try {
      parseInventoryInput(fixed, "bad.yaml", factorTable());
      expect.unreachable();
    } catch (e) {
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toEqual([
        "years[0].energy[1].carrier",
        "years[0].energy[2].unit",
        "years[0].energy[2].emissionFactor",
        "years[0].sinks.forest[0].species",
        "years[0].sinks.forest[0].standAgeYears",
      ]);
      expect((e as InputError).issues[0]!.message).toMatch(/must be one of raw-coal, .*; got "petrol"/);
    }
  });

  it("refuses a factor of the wrong kind and a gas amount without its basis, with their paths", () => {
    const doc = {
      ...base,
      years: [
        {
          year: 2030,
          boundaryAreaHa: 1,
          coalOutputT: 0,
          energy: [{ carrier: "electricity", amount: 1, unit: "kWh", emissionFactor: "cn.tce.diesel" }],
          methane: { underground: [{ volumeM3: 5 }] },
          explosives: [{ type: "ANFO", amountT: 1, factor: "gwp.sar.ch4" }],
        },
      ],
    };
    let issues: { path: string; message: string }[] = [];
    try {
      parseInventoryInput(doc, "bad.yaml", factorTable());
    } catch (e) {
      issues = [...(e as InputError).issues];
    }
    expect(issues).toEqual([
      {
        path: "years[0].methane.underground[0]",
        message: 'must be either { massT } or { volumeM3, basis: ipcc-20C | cn-stp-0C }; got {"volumeM3":5}',
      },
    ]);
    const fixed = structuredClone(doc);
    fixed.years[0]!.methane.underground = [{ volumeM3: 5, basis: "ipcc-20C" } as never];
    try {
      parseInventoryInput(fixed, "bad.yaml", factorTable());
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        {
          path: "years[0].energy[0].emissionFactor",
          message: 'must be a factor in kg CO2/kWh or t CO2/GJ; got cn.tce.diesel, which is in "kgce/kg"',
        },
        {
          path: "years[0].explosives[0].factor",
          message: 'must be a factor in t CO2/t; got gwp.sar.ch4, which is in "t CO2e/t CH4"',
        },
      ]);
    }
  });

  it("refuses a density at other conditions than its volume, and a volume with no shipped density", () => {
    const doc = {
      ...base,
      years: [
        {
          year: 2030,
          boundaryAreaHa: 1,
          coalOutputT: 0,
          methane: {
            underground: [{ volumeM3: 5, basis: "cn-stp-0C", densityFactor: "ipcc06.coal.ch4_density" }],
          },
          co2Fugitive: [{ volumeM3: 5, basis: "ipcc-20C" }],
        },
      ],
    };
    expect(() => parseInventoryInput(doc, "bad.yaml", factorTable())).toThrow(
      /underground\[0\]\.densityFactor: must be a density at cn-stp-0C, .* which is at ipcc-20C[\s\S]*co2Fugitive\[0\]\.densityFactor: must be given: no CO2 density at ipcc-20C/,
    );
  });

  it("names an unknown factor id", () => {
    const doc = {
      ...base,
      years: [
        {
          year: 2030,
          boundaryAreaHa: 1,
          coalOutputT: 0,
          explosives: [{ type: "ANFO", amountT: 1, factor: "expl.nope" }],
        },
      ],
    };
    expect(() => parseInventoryInput(doc, "bad.yaml", factorTable())).toThrow(
      /years\[0\]\.explosives\[0\]\.factor: must be a factor id .*"expl.nope"/,
    );
  });
});
