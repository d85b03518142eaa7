import { describe, expect, it } from "vitest";
import { factorTable } from "../../factors/load-factor-library.ts";
import type { Factor } from "../factor/factor.ts";
import { FactorTable } from "../factor/factor-table.ts";
import { InputError } from "../validation/input-issue.ts";
import { parseInventoryInput } from "./inventory-spec.ts";
import { mineInventory } from "./mine-inventory.ts";

const C = 44 / 12;

function run(doc: object, table: FactorTable = factorTable()) {
  return mineInventory(parseInventoryInput(doc, "test.yaml", table), table, "test.yaml");
}

/** GJ of one tonne of standard coal (const.gj_per_tce). */
const GJ_PER_TCE = 29.3076;

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
  // CH4 and N2O of the diesel: 14.571 tce × 29.3076 GJ/tce; mining machinery (off-road, IPCC Table
  // 3.3.1: 4.15 kg CH4/TJ, 28.6 kg N2O/TJ) and road transport (Table 3.2.2: 3.9, 3.9) × (1 − 0.25).
  const dieselGJ = 14.571 * GJ_PER_TCE;
  const offRoad = dieselGJ * 1e-6 * (4.15 * 21 + 28.6 * 310);
  const road = dieselGJ * 1e-6 * (3.9 * 21 + 3.9 * 310) * 0.75;

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
      dieselCO2 +
      offRoad +
      0.5703 +
      dieselCO2 * 0.75 +
      road +
      (670 + 1675) * 21 -
      149 * 21 +
      149 * 2.75 +
      500 +
      17;
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

  it("adds the CH4 and N2O of burning each fuel, by how it is burned (off-road machinery, road vehicles)", () => {
    const nonCO2 = y.sources.filter((s) => s.gas === "CH4+N2O");
    expect(nonCO2.map((s) => s.component)).toEqual(["P_M industrial and mining land", "P_S road transport"]);
    expect(nonCO2[0]!.tCO2ePerYr).toBeCloseTo(offRoad, 9);
    expect(nonCO2[0]!.n2oT).toBeCloseTo(dieselGJ * 28.6e-6, 12);
    expect(nonCO2[1]!.tCO2ePerYr).toBeCloseTo(road, 9);
    expect(nonCO2[0]!.detail).toMatch(
      /off-road \(default for this fuel here\), IPCC 2006 Vol. 2 Table 3.3.1/,
    );
    // the CO2 line keeps the tce; the CH4 + N2O line adds no energy
    expect(nonCO2.every((s) => s.tce === undefined)).toBe(true);
  });

  it("lets CCS capture only point-source CO2: the burned recovered methane here, not the diesel machinery", () => {
    // diesel burned by machinery and vehicles is no point source; the recovered methane burned is
    expect(y.ccs.capturableTCO2).toBeCloseTo(149 * 2.75, 9);
    expect(y.ccs.parts.map((p) => p.label)).toEqual(["CO2 from burning the recovered methane"]);
    expect(y.ccs.note).toMatch(/point-source CO2 only/);
  });

  it("oxidises ventilation-air methane as its own destruction: deducted, its CO2 counted but never capturable", () => {
    const doc = (vam: number, ccs = 0) => ({
      ...base,
      years: [
        {
          year: 2030,
          boundaryAreaHa: 10,
          coalOutputT: 1000,
          methane: {
            underground: [{ massT: 100 }],
            // flared 10 t × 0.98 = 9.8 t destroyed, its CO2 (9.8 × 44/16) a point source
            flared: { amounts: [{ massT: 10 }] },
            // oxidised 60 t × 0.98 = 58.8 t destroyed, its CO2 (58.8 × 44/16) in the ventilation air
            ...(vam ? { vamOxidised: { amounts: [{ massT: vam }] } } : {}),
          },
          ccsStoredTCO2: ccs,
        },
      ],
    });
    const r = run(doc(60));
    const v = r.years[0]!;
    expect(v.methane.vamOxidisedTCH4).toBe(60);
    expect(v.methane.vamDestroyedTCH4).toBeCloseTo(58.8, 9);
    expect(v.methane.emittedTCH4).toBeCloseTo(100 - 9.8 - 58.8, 9);
    const line = (label: string) => v.sources.find((s) => s.label.startsWith(label))!;
    expect(line("ventilation-air methane oxidised").tCO2ePerYr).toBeCloseTo(-58.8 * 21, 9);
    expect(line("CO2 from oxidising").tCO2ePerYr).toBeCloseTo(58.8 * 2.75, 9);
    expect(line("CO2 from oxidising").capturableTCO2).toBeUndefined();
    expect(v.totals.grossEmissionTCO2ePerYr).toBeCloseTo((100 - 9.8 - 58.8) * 21 + (9.8 + 58.8) * 2.75, 9);
    // CCS can take the flare's CO2 only: the same as without the oxidiser
    expect(v.ccs.capturableTCO2).toBeCloseTo(9.8 * 2.75, 9);
    expect(v.ccs.capturableTCO2).toBeCloseTo(run(doc(0)).years[0]!.ccs.capturableTCO2, 12);
    expect(v.ccs.parts.map((p) => p.label)).toEqual(["CO2 from burning the recovered methane"]);
    expect(() => run(doc(60, 30))).toThrow(/ccsStoredTCO2: must not exceed the point-source CO2/);
    // the oxidiser's efficiency is the flare default taken for it: an assumption, said so
    expect(r.factors.used.map((f) => f.id)).toContain("coal.vam_oxidiser.efficiency");
    expect(r.warnings.join(" ")).toMatch(/coal\.vam_oxidiser\.efficiency .* is an ASSUMPTION/);
    // oxidised and recovered methane together cannot exceed the methane liberated
    expect(() => run(doc(95))).toThrow(/flaring or ventilation-air oxidation/);
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

describe("mineInventory — sink readings (IPCC Tier 1, annual increment, seed 002)", () => {
  const doc = {
    ...base,
    sinkReading: "ipcc-tier1",
    years: [
      {
        year: 2030,
        boundaryAreaHa: 100,
        coalOutputT: 0,
        sinks: {
          ecosystems: [
            { type: "farmland", areaHa: 10, accumulationYears: 1 },
            { type: "grassland", areaHa: 10, accumulationYears: 10 },
            { type: "shrub", areaHa: 2, accumulationYears: 20 },
          ],
        },
      },
    ],
  };
  const sink = (inv: ReturnType<typeof run>, type: string) =>
    inv.years[0]!.sinks.find((s) => s.label.startsWith(type))!;

  it("ipcc-tier1: farmland and grassland are no net sink; shrub adds its biomass ÷ its age", () => {
    const inv = run(doc);
    expect(inv.sinkReading.id).toBe("ipcc-tier1");
    expect(sink(inv, "farmland").sinkTCO2ePerYr).toBe(0);
    expect(sink(inv, "farmland").stockTC).toBeCloseTo(10 * 4.34, 12); // the stock is still reported
    expect(sink(inv, "farmland").detail).toMatch(/IPCC 2006 Vol. 4 Ch. 5 §5.2.1/);
    expect(sink(inv, "grassland").sinkTCO2ePerYr).toBe(0);
    // 2 ha × 36.26 t C/ha of plants ÷ 20 yr × 44/12: the soil's 1.21 t C/ha is held, no yearly sink
    expect(sink(inv, "shrub").sinkTCO2ePerYr).toBeCloseTo(((2 * 36.26) / 20) * C, 9);
    expect(sink(inv, "shrub").stockTC).toBeCloseTo(2 * 37.47, 12); // the whole stock is still reported
    expect(sink(inv, "shrub")).toMatchObject({ woody: true, ageYears: 20, growingStockTC: 2 * 36.26 });
    expect(sink(inv, "shrub").factorIds).toEqual(expect.arrayContaining(["seed002.shrub.plant"]));
    // and says what the woody stands' sink is: a mean annual increment, not Tier 1's gain–loss method
    expect(inv.warnings.join(" ")).toMatch(/mean annual increment .* not IPCC Tier 1's gain–loss method/);
    expect(inv.sinkReading.meaning).toMatch(/not IPCC Tier 1's gain–loss method/);
    expect(inv.factors.used.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        "ipcc06.afolu.cropland_annual.biomass_change",
        "ipcc06.afolu.grassland_remaining.biomass_change",
        "ipcc06.afolu.soc_change.unchanged_management",
      ]),
    );
    // no stock is turned into a yearly flux over one year here
    expect(inv.warnings.join(" ")).not.toMatch(/over one year/);
  });

  it("ipcc-tier1: a forest stand's yearly sink is its biomass carbon ÷ age; the soil under it is held, not a yearly sink", () => {
    const forest = (reading: string) =>
      run({
        ...base,
        sinkReading: reading,
        years: [
          {
            year: 2030,
            boundaryAreaHa: 100,
            coalOutputT: 0,
            sinks: { forest: [{ label: "spruce", species: "spruce/mature", areaHa: 2, standAgeYears: 20 }] },
          },
        ],
      }).years[0]!.sinks[0]!;
    // B = 47.4999 + 0.4642 × 193.47 t/ha; × 0.4889 t C/t; × 2 ha ÷ 20 yr × 44/12 (soil 1.21 t C/ha held)
    const b = 47.4999 + 0.4642 * 193.47;
    const tier1 = forest("ipcc-tier1");
    expect(tier1.sinkTCO2ePerYr).toBeCloseTo(((2 * b * 0.4889) / 20) * C, 9);
    expect(tier1.stockTC).toBeCloseTo(2 * (b * 0.4889 + 1.21), 9);
    expect(tier1.growingStockTC).toBeCloseTo(2 * b * 0.4889, 9);
    expect(tier1.detail).toMatch(/soil 1.21 t C\/ha held, no yearly change/);
    expect(tier1.factorIds).toContain("ipcc06.afolu.soc_change.unchanged_management");
    // annual-increment divides the whole stock, soil included, by the age (as it says)
    expect(forest("annual-increment").sinkTCO2ePerYr).toBeCloseTo(((2 * (b * 0.4889 + 1.21)) / 20) * C, 9);
  });

  it("ipcc-tier1 reads a woody ecosystem's own density as its biomass, and says so", () => {
    const own = structuredClone(doc);
    (own.years[0]!.sinks.ecosystems[2] as { densityFactor?: string }).densityFactor = "seed002.shrub.total";
    const inv = run(own);
    expect(sink(inv, "shrub").sinkTCO2ePerYr).toBeCloseTo(((2 * 37.47) / 20) * C, 9);
    expect(inv.warnings.join(" ")).toMatch(
      /sinks\.ecosystems\[2\]\.densityFactor\): seed002\.shrub\.total is read as the stand's biomass carbon/,
    );
  });

  it("ipcc-tier1 needs the age of a woody ecosystem, not of farmland", () => {
    const noAges = structuredClone(doc);
    for (const e of noAges.years[0]!.sinks.ecosystems)
      delete (e as { accumulationYears?: number }).accumulationYears;
    expect(() => parseInventoryInput(noAges, "t.yaml", factorTable())).toThrow(
      /sinks\.ecosystems\[2\]\.accumulationYears: must be given when sinkReading is ipcc-tier1 for a woody ecosystem \(shrub\)/,
    );
    try {
      parseInventoryInput(noAges, "t.yaml", factorTable());
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual([
        "years[0].sinks.ecosystems[2].accumulationYears",
      ]);
    }
  });

  it("annual-increment divides every stock by its years and warns when that is one year", () => {
    const inv = run({ ...doc, sinkReading: "annual-increment" });
    expect(sink(inv, "farmland").sinkTCO2ePerYr).toBeCloseTo(10 * 4.34 * C, 9);
    expect(sink(inv, "grassland").sinkTCO2ePerYr).toBeCloseTo(((10 * 7.09) / 10) * C, 9);
    expect(inv.warnings.filter((w) => /over one year/.test(w))).toEqual([
      expect.stringMatching(
        /^farmland .*\(years\[0\]\.sinks\.ecosystems\[0\]\.accumulationYears\): its carbon stock is turned into a yearly sink over one year/,
      ),
    ]);
  });

  it("seed 002's reading counts every density as a yearly sink, said in a warning", () => {
    const inv = run({ ...doc, sinkReading: "seed002-density-as-annual" });
    expect(sink(inv, "farmland").sinkTCO2ePerYr).toBeCloseTo(10 * 4.34 * C, 9);
    expect(sink(inv, "shrub").sinkTCO2ePerYr).toBeCloseTo(2 * 37.47 * C, 9);
    expect(inv.warnings.join(" ")).toMatch(/each stock turned into a yearly flux over one year/);
  });
});

describe("mineInventory — fuel combustion CH4 and N2O, and what CCS can capture", () => {
  const one = (year: object) => ({
    ...base,
    years: [{ year: 2030, boundaryAreaHa: 10, coalOutputT: 0, ...year }],
  });
  const nonCO2 = (inv: ReturnType<typeof run>) => inv.years[0]!.sources.find((s) => s.gas === "CH4+N2O")!;

  it("diesel burned by mining machinery uses the off-road factors, in a boiler the stationary ones", () => {
    const machinery = run(one({ energy: [{ carrier: "diesel", amount: 100, unit: "t" }] }));
    const boiler = run(
      one({ energy: [{ carrier: "diesel", amount: 100, unit: "t", combustion: "stationary" }] }),
    );
    const gj = 100 * 1.4571 * GJ_PER_TCE;
    // off-road: 28.6 kg N2O/TJ; stationary (energy industries, IPCC Table 2.2): 0.6
    expect(nonCO2(machinery).n2oT).toBeCloseTo(gj * 28.6e-6, 12);
    expect(nonCO2(boiler).n2oT).toBeCloseTo(gj * 0.6e-6, 12);
    expect(nonCO2(boiler).ch4T).toBeCloseTo(gj * 3e-6, 12);
    // only the boiler is a point source for CCS
    expect(machinery.years[0]!.ccs.capturableTCO2).toBe(0);
    expect(boiler.years[0]!.ccs.capturableTCO2).toBeCloseTo(100 * 1.4571 * 0.5921 * C, 9);
  });

  it("coal burned at home has the residential factors (IPCC Table 2.5: 300 kg CH4/TJ), by NCV under ndrc-2015", () => {
    const inv = run(one({ residential: [{ carrier: "coke", amount: 10, unit: "t" }] }));
    expect(nonCO2(inv).ch4T).toBeCloseTo(10 * 0.9714 * GJ_PER_TCE * 300e-6, 12);
    const ndrc = run({
      ...one({ energy: [{ carrier: "natural-gas", amount: 1, unit: "10^4 m3" }] }),
      combustionMethod: "ndrc-2015",
    });
    // 10,000 m³ × 389.31 GJ/10⁴ Nm³ × (1 kg CH4/TJ × 21 + 0.1 kg N2O/TJ × 310) × 10⁻⁶
    expect(nonCO2(ndrc).tCO2ePerYr).toBeCloseTo(389.31 * 1e-6 * (1 * 21 + 0.1 * 310), 12);
  });

  it("weighs CH4 and N2O with the GWP set (AR5: 28 and 265)", () => {
    const inv = run({ ...one({ energy: [{ carrier: "raw-coal", amount: 1000, unit: "t" }] }), gwp: "AR5" });
    const gj = 1000 * 0.7143 * GJ_PER_TCE;
    expect(inv.gwp).toMatchObject({ n2o: 265, n2oFactorId: "gwp.ar5.n2o" });
    expect(nonCO2(inv).tCO2ePerYr).toBeCloseTo(gj * 1e-6 * (1 * 28 + 1.5 * 265), 12);
  });

  it("refuses CCS beyond the year's point-source CO2, saying what CCS can capture", () => {
    const doc = one({
      energy: [
        { carrier: "raw-coal", amount: 100, unit: "t" },
        { carrier: "electricity", amount: 1, unit: "MWh", emissionFactor: "cn.grid.market.2022" },
      ],
      methane: { underground: [{ massT: 1000 }] },
      ccsStoredTCO2: 1000,
    });
    const coalCO2 = 100 * 0.7143 * 0.7559 * C; // 197.98 t: the only point source
    try {
      run(doc);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        {
          path: "years[0].ccsStoredTCO2",
          message: expect.stringMatching(
            /^must not exceed the point-source CO2 that CCS can capture this year \(197\.9\d* t CO2: raw-coal 100 t\); got 1000\. CCS captures point-source CO2 only/,
          ),
        },
      ]);
    }
    const ok = run({ ...doc, years: [{ ...doc.years[0]!, ccsStoredTCO2: 150 }] });
    expect(ok.years[0]!.ccs.capturableTCO2).toBeCloseTo(coalCO2, 9);
    expect(ok.years[0]!.totals.ccsTCO2ePerYr).toBe(150);
  });

  it("refuses CH4/N2O fields on electricity, and a use with no shipped factors unless they are given", () => {
    const doc = one({
      energy: [
        {
          carrier: "electricity",
          amount: 1,
          unit: "kWh",
          emissionFactor: "cn.grid.market.2022",
          combustion: "stationary",
        },
        { carrier: "natural-gas", amount: 1, unit: "m3", combustion: "off-road" },
        {
          carrier: "coke",
          amount: 1,
          unit: "t",
          combustion: "road",
          ch4Factor: "ipcc06.comb.road.diesel.ch4",
          n2oFactor: "ipcc06.comb.road.diesel.n2o",
        },
      ],
    });
    try {
      parseInventoryInput(doc, "t.yaml", factorTable());
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        {
          path: "years[0].energy[0].combustion",
          message: expect.stringMatching(
            /^is only for fuels burned on site; electricity is emitted where it is generated; got "stationary"/,
          ),
        },
        {
          path: "years[0].energy[1].combustion",
          message: expect.stringMatching(
            /^no CH4 and N2O factors are shipped for natural-gas burned by off-road machinery here; give ch4Factor and n2oFactor/,
          ),
        },
      ]);
    }
  });

  it("refuses names that are keys of every object as carriers, units and species", () => {
    const doc = one({
      energy: [
        { carrier: "constructor", amount: 1, unit: "t" },
        { carrier: "diesel", amount: 1, unit: "toString" },
      ],
      sinks: { forest: [{ label: "x", species: "__proto__", areaHa: 1, standAgeYears: 5 }] },
    });
    try {
      parseInventoryInput(doc, "t.yaml", factorTable());
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual([
        "years[0].energy[0].carrier",
        "years[0].energy[1].unit",
        "years[0].sinks.forest[0].species",
      ]);
    }
  });
});

describe("mineInventory — the mine's own land", () => {
  it("reports miningLandHa and warns when it is more than the boundary it lies within", () => {
    const doc = (miningLandHa: number) => ({
      ...base,
      years: [{ year: 2030, boundaryAreaHa: 10, miningLandHa, coalOutputT: 0 }],
    });
    expect(run(doc(4)).years[0]!.miningLandHa).toBe(4);
    expect(run(doc(4)).warnings).toEqual([]);
    expect(run(doc(12)).warnings).toEqual([
      expect.stringMatching(
        /^miningLandHa \(years\[0\]\.miningLandHa, 12 ha\) is more than the boundary \(10 ha\)/,
      ),
    ]);
  });
});

describe("mineInventory — gas volumes are weighed at their own conditions", () => {
  const one = (methane: object) => ({
    ...base,
    years: [{ year: 2030, boundaryAreaHa: 10, coalOutputT: 1_000_000, methane }],
  });
  const userFactor = (id: string, basis: string): Factor => ({
    id,
    quantity: "post-mining CH4 factor measured at the mine",
    value: 2,
    unit: "m3 CH4/t",
    gas: "CH4",
    basis,
    source: "test",
    table: "-",
    status: "primary",
    region: "-",
    series: "-",
    origin: "test",
  });
  const withFactors = (...f: Factor[]) => new FactorTable([...factorTable().all(), ...f], "test");

  it("a production factor in m³/t at 0 °C is weighed at 0.717 kg/m³, IPCC's (20 °C) at 0.67", () => {
    const table = withFactors(userFactor("user.post.stp", "cn-stp-0C"));
    const stp = run(one({ postMining: { factor: "user.post.stp" } }), table);
    // 1,000,000 t × 2 m³/t × 0.717 kg/m³ = 1,434 t CH4 (it was weighed at 0.67: 1,340 t)
    expect(stp.years[0]!.methane.postMiningTCH4).toBeCloseTo(1434, 9);
    const ipcc = run(one({ postMining: { factor: "ipcc06.coal.ug.postmining.ch4" } }));
    expect(ipcc.years[0]!.methane.postMiningTCH4).toBeCloseTo(1_000_000 * 2.5 * 0.67 * 1e-3, 9);
    expect(stp.years[0]!.gasVolumes[0]).toMatchObject({
      gas: "CH4",
      volumeM3: 2_000_000,
      basis: "cn-stp-0C",
      given: "production factor in m³/t",
      other: { basis: "ipcc-20C", massT: 1340 },
    });
  });

  it("refuses a factor in m³/t without stated conditions, and a density at other conditions", () => {
    const table = withFactors(userFactor("user.post.nobasis", "-"), userFactor("user.post.stp", "cn-stp-0C"));
    expect(() =>
      parseInventoryInput(one({ postMining: { factor: "user.post.nobasis" } }), "t.yaml", table),
    ).toThrow(
      /methane\.postMining\.factor: must state the conditions of its gas volume \(basis ipcc-20C or cn-stp-0C\) to be weighed; got user\.post\.nobasis, whose basis is "-"/,
    );
    expect(() =>
      parseInventoryInput(
        one({ postMining: { factor: "user.post.stp", densityFactor: "ipcc06.coal.ch4_density" } }),
        "t.yaml",
        table,
      ),
    ).toThrow(
      /methane\.postMining\.densityFactor: must be a density at cn-stp-0C, the volume's conditions; got ipcc06\.coal\.ch4_density, which is at ipcc-20C/,
    );
  });

  it("says what a mass weighed from a volume would weigh at the other conditions (seed 002: 647.96 t at 0.67, 693.41 t at 0.717)", () => {
    const inv = run(
      one({
        underground: [
          {
            massT: 647.96,
            weighedAt: { basis: "ipcc-20C", densityFactor: "seed002.ch4_density" },
            label: "gas",
          },
        ],
      }),
    );
    const g = inv.years[0]!.gasVolumes[0]!;
    expect(g).toMatchObject({ basis: "ipcc-20C", densityKgPerM3: 0.67, given: "mass weighed from a volume" });
    expect(g.volumeM3).toBeCloseTo(647.96 / 0.00067, 6);
    expect(g.other!.massT).toBeCloseTo((647.96 / 0.67) * 0.717, 9);
    expect(g.other!.massT).toBeCloseTo(693.414, 3);
    // the mass counted is the one given
    expect(inv.years[0]!.methane.undergroundLiberatedTCH4).toBe(647.96);
    // the other reading is shown, not used: its unverified density gives no warning
    expect(inv.factors.used.map((f) => f.id)).not.toContain("cn.ndrc2015.coal.ch4_density_stp");
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

  it("bounds every energy use in standard coal (1e11 tce), whatever its unit, after the bound in its unit", () => {
    const issues = (energy: object[], sector = "energy") => {
      const doc = { ...base, years: [{ year: 2030, boundaryAreaHa: 10, coalOutputT: 0, [sector]: energy }] };
      try {
        parseInventoryInput(doc, "big.yaml", factorTable());
        return [];
      } catch (e) {
        return (e as InputError).issues;
      }
    };
    // 1e15 t of raw coal passed the bound of 1e15 "in the carrier's unit" (exit 0, a balance of 2.5e15 t
    // CO2e/yr): it is 7.14e14 tce. Raw coal is 0.7143 tce/t (GB/T 2589): at most 1e11 / 0.7143 = 1.39e11 t.
    expect(issues([{ carrier: "raw-coal", amount: 1e15, unit: "t" }])).toEqual([
      {
        path: "years[0].energy[0].amount",
        message:
          "must be ≤ 1.39e11 t (1e11 tce: about five times the world's yearly primary energy, 6.2e14 MJ or 2.1e10 tce in 2023); got 1000000000000000 t, 7.14e14 tce: check the amount and its unit",
      },
    ]);
    // the same coal in kg is within the bound; in 10^4 t the bound is 1.39e7
    expect(issues([{ carrier: "raw-coal", amount: 1e14, unit: "kg" }])).toEqual([]);
    expect(issues([{ carrier: "raw-coal", amount: 1.4e7, unit: "10^4 t" }])[0]!.message).toMatch(
      /^must be ≤ 1\.39e7 10\^4 t \(1e11 tce/,
    );
    expect(issues([{ carrier: "raw-coal", amount: 1.39e7, unit: "10^4 t" }])).toEqual([]);
    // with the row's own coefficient (seed 002's 1.246 tce per 10^4 kWh: at most 8.02e10 × 10^4 kWh)
    expect(
      issues([
        {
          carrier: "electricity",
          amount: 9e10,
          unit: "10^4 kWh",
          tceFactor: "seed002.t1.electricity.tce",
          emissionFactor: "cn.grid.market.2022",
        },
      ])[0]!.message,
    ).toMatch(/^must be ≤ 8\.02e10 10\^4 kWh/);
    // in every list of energy uses, at its own path
    expect(
      issues([{ carrier: "diesel", amount: 1e12, unit: "t", lowCarbonShare: 0 }], "transport")[0]!.path,
    ).toBe("years[0].transport[0].amount");
    // beyond 1e15 the bound in the unit answers first, alone
    expect(issues([{ carrier: "raw-coal", amount: 1e308, unit: "t" }])).toEqual([
      {
        path: "years[0].energy[0].amount",
        message: expect.stringMatching(/^must be ≤ 1e15 in the carrier's unit/),
      },
    ]);
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
