import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileOfSorted } from "../../src/domain/common/percentile.ts";
import { compilePathway } from "../../src/domain/pathway/compiled-pathway.ts";
import { pathwayDrawsByProjection } from "../../src/domain/pathway/pathway-draws-by-projection.ts";
import {
  pathwayBandInputs,
  pathwayBands,
  pathwayDraws,
  type PathwayDrawRun,
} from "../../src/domain/pathway/pathway-uncertainty.ts";
import { projectPathway } from "../../src/domain/pathway/project-pathway.ts";
import { scenarioSchema, type Scenario } from "../../src/domain/pathway/scenario-spec.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readScenarioFile } from "../../src/io/read-scenario.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const table = factorTable();
const example = (name: string) => readScenarioFile(join(PROJECT_ROOT, "examples", name), table);
const yongning = example("yongning-pathway.yaml");

const PARTS = [
  "coalOutputT",
  "energyTCO2e",
  "methaneTCO2e",
  "otherTCO2e",
  "grossTCO2e",
  "sinksTCO2e",
  "ccsTCO2e",
  "ccsCapturableTCO2",
  "offsetsTCO2e",
  "netTCO2e",
] as const;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every year and every part of the compiled model at the central values against today's projection. */
function expectSameYears(scenario: Scenario, baseline: unknown, source: string): void {
  const inputs = pathwayBandInputs(scenario, baseline, table, source);
  const model = compilePathway(
    scenario,
    baseline,
    table.fresh(),
    source,
    inputs.drawn.map((i) => i.key),
  );
  const today = projectPathway(scenario, baseline, table.fresh(), source);
  const compiled = model.parts();
  expect(compiled.map((y) => y.year)).toEqual(today.years.map((y) => y.year));
  const wrong = today.years.flatMap((y, i) =>
    PARTS.filter((p) => !close(compiled[i]![p], y[p])).map(
      (p) => `${y.year} ${p}: ${compiled[i]![p]} ≠ ${y[p]}`,
    ),
  );
  expect(wrong).toEqual([]);
}

/** The compiled draws against projecting each draw: the same attempts kept and refused, each year's net to 1e-9. */
function expectSameDraws(a: PathwayDrawRun, b: PathwayDrawRun): void {
  expect(a.rejected).toBe(b.rejected);
  expect(a.years).toEqual(b.years);
  expect(a.neutral).toEqual(b.neutral);
  const wrong: string[] = [];
  a.nets.forEach((arr, y) => {
    expect(arr.length).toBe(b.nets[y]!.length);
    arr.forEach((v, d) => {
      if (!close(v, b.nets[y]![d]!)) wrong.push(`${a.years[y]} draw ${d}: ${v} ≠ ${b.nets[y]![d]}`);
    });
  });
  expect(wrong).toEqual([]);
}

/**
 * A baseline with every kind of line a pathway scales or adds to: energy of each sector (electricity
 * split by clean supply, stationary coal, diesel, a low-carbon share), agricultural inputs, methane by
 * mass and by volume (its density drawn), used by volume and by mass, flared and oxidised, post-mining
 * methane on its own coal output, fugitive CO2, explosives, forest stands and a woody ecosystem that
 * grow, CCS and offsets; no miningLandHa, so the land reclamation may take moves with the drawn areas.
 */
const rich = {
  kind: "mine-inventory",
  mine: "Rich",
  gwp: "AR5",
  sinkReading: "annual-increment",
  combustionMethod: "carbon-per-tce",
  years: [
    {
      year: 2024,
      boundaryAreaHa: 100,
      coalOutputT: 1_000_000,
      energy: [
        { carrier: "diesel", amount: 10, unit: "t" },
        { carrier: "electricity", amount: 900, unit: "MWh", emissionFactor: "cn.grid.market.2022" },
        { carrier: "raw-coal", amount: 400, unit: "t", combustion: "stationary" },
      ],
      residential: [{ carrier: "raw-coal", amount: 50, unit: "t" }],
      transport: [{ carrier: "diesel", amount: 10, unit: "t", lowCarbonShare: 0.25 }],
      agricultural: {
        energy: [{ carrier: "diesel", amount: 3, unit: "t" }],
        inputs: [{ item: "lime", amountT: 20, factor: "expl.anfo.co2.calc" }],
      },
      methane: {
        underground: [{ volumeM3: 1_000_000, basis: "ipcc-20C", uncertainty: { pct: 10 } }, { massT: 300 }],
        postMining: { factor: "ipcc06.coal.ug.postmining.ch4", coalOutputT: 900_000 },
        utilised: [{ massT: 100 }, { volumeM3: 20_000, basis: "ipcc-20C" }],
        flared: { amounts: [{ massT: 50 }] },
        vamOxidised: { amounts: [{ massT: 30 }] },
      },
      co2Fugitive: [{ massT: 500 }],
      explosives: [{ type: "ANFO", amountT: 100, factor: "expl.anfo.co2.calc" }],
      sinks: {
        ecosystems: [
          { type: "grassland", areaHa: 10, accumulationYears: 10 },
          { type: "shrub", areaHa: 5, accumulationYears: 12 },
        ],
        forest: [{ label: "spruce", species: "spruce/mature", areaHa: 2, standAgeYears: 20 }],
      },
      ccsStoredTCO2: 40,
      offsets: { soldTCO2e: 10, boughtTCO2e: 30 },
    },
  ],
};

/**
 * The rich baseline read otherwise: NDRC 2015 fuel factors (shipped for diesel, not for raw coal: its
 * coal burned becomes diesel), seed 002's reading of densities as yearly sinks (no stand grows along
 * the curve), two years of which the pathway starts from the first.
 */
const richYear = {
  ...rich.years[0]!,
  energy: rich.years[0]!.energy.map((u) =>
    u.carrier === "raw-coal" ? { ...u, carrier: "diesel", amount: 40 } : u,
  ),
  residential: [{ carrier: "diesel", amount: 5, unit: "t" }],
};
const richOther = {
  ...rich,
  combustionMethod: "ndrc-2015",
  sinkReading: "seed002-density-as-annual",
  years: [{ ...richYear, year: 2023 }, richYear],
};
const baselines = [
  { doc: () => yongning.baseline, coal: 900_000, year: undefined },
  { doc: () => rich, coal: 1_000_000, year: undefined },
  { doc: () => richOther, coal: 1_000_000, year: 2023 },
] as const;

const measure = (base: number) =>
  fc.oneof(
    ...(["clean-electricity", "methane-use", "vam-oxidation"] as const).map((kind) =>
      fc.record({
        kind: fc.constant(kind),
        start: fc.integer({ min: base, max: base + 12 }),
        rampYears: fc.integer({ min: 0, max: 8 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    ),
    fc.record({
      kind: fc.constant("energy-saving"),
      start: fc.integer({ min: base, max: base + 12 }),
      rampYears: fc.integer({ min: 0, max: 8 }),
      rate: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("ccs"),
      start: fc.integer({ min: base, max: base + 12 }),
      rampYears: fc.integer({ min: 0, max: 8 }),
      captureRate: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("reclamation"),
      start: fc.integer({ min: base, max: base + 12 }),
      years: fc.integer({ min: 1, max: 4 }),
      // up to 4 × 8 ha a measure, of the ~83 ha the rich baseline leaves
      hectaresPerYear: fc.double({ min: 0.1, max: 8, noNaN: true }),
      to: fc.constant("forest"),
      maxStockTCPerHa: fc.double({ min: 1, max: 200, noNaN: true }),
      source: fc.constant("test"),
      soilTCPerHa: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant("offsets"),
      start: fc.integer({ min: base, max: base + 12 }),
      tCO2ePerYr: fc.double({ min: 0, max: 5000, noNaN: true }),
    }),
  );

const scenarioOf = (base: number, coal: number, baseYear?: number) =>
  fc
    .record({
      endYear: fc.integer({ min: base, max: base + 25 }),
      measures: fc.array(measure(base), { maxLength: 6 }),
      coalOutput: fc.option(
        fc.array(
          fc.record({
            year: fc.integer({ min: base - 2, max: base + 30 }),
            // from 5 % (below it the rich baseline's CCS stores more than its point sources emit)
            t: fc.double({ min: 0.05 * coal, max: 2 * coal, noNaN: true }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        { nil: undefined },
      ),
      standGrowth: fc.option(
        fc.record({
          k: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
          c: fc.double({ min: 1, max: 4, noNaN: true }),
        }),
        { nil: undefined },
      ),
    })
    .map((s): Scenario =>
      scenarioSchema.parse({
        kind: "pathway-scenario",
        name: "random",
        baseline: { inventory: "x", ...(baseYear === undefined ? {} : { year: baseYear }) },
        ...s,
      }),
    );

/** Runs `f` unless today's projection refuses the scenario (reclamation beyond the land): not a case. */
const unlessRefused = (scenario: Scenario, baseline: unknown, f: () => void) => {
  try {
    projectPathway(scenario, baseline, table.fresh(), "b.yaml");
  } catch (e) {
    if (e instanceof InputError) return;
    throw e;
  }
  f();
};

describe("the compiled pathway (compilePathway) at the central values", () => {
  it("gives today's years for the Yongning pathway and its no-measures reference: every year, every part, to 1e-9", () => {
    expectSameYears(yongning.scenario, yongning.baseline, yongning.baselinePath);
    const none = example("yongning-pathway-baseline.yaml");
    expectSameYears(none.scenario, none.baseline, none.baselinePath);
  });

  it("gives today's years for random scenarios over the Yongning and a rich baseline, read two ways", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baselines.length - 1 }), fc.nat(), (which, pick) => {
        const b = baselines[which]!;
        const baseline = b.doc();
        const s = fc.sample(scenarioOf(b.year ?? 2024, b.coal, b.year), { seed: pick, numRuns: 1 })[0]!;
        unlessRefused(s, baseline, () => expectSameYears(s, baseline, "b.yaml"));
      }),
      { numRuns: 60 },
    );
  });
});

describe("the compiled draws (pathwayDraws) against projecting each draw (pathwayDrawsByProjection)", () => {
  it("the Yongning pathway to 2060: the same draws, each year's net equal to 1e-9, the same neutrality years", () => {
    const { scenario, baseline, baselinePath } = yongning;
    const { drawn } = pathwayBandInputs(scenario, baseline, table, baselinePath);
    const o = { draws: 60, seed: 3 };
    expectSameDraws(
      pathwayDraws(scenario, baseline, table, baselinePath, drawn, o),
      pathwayDrawsByProjection(scenario, baseline, table, baselinePath, drawn, o),
    );
  });

  it("random scenarios over the three baselines: the same draws kept and refused, the same nets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: baselines.length - 1 }),
        fc.nat(),
        fc.nat({ max: 2 ** 32 - 1 }),
        (which, pick, seed) => {
          const b = baselines[which]!;
          const baseline = b.doc();
          const s = fc.sample(scenarioOf(b.year ?? 2024, b.coal, b.year), { seed: pick, numRuns: 1 })[0]!;
          unlessRefused(s, baseline, () => {
            const { drawn } = pathwayBandInputs(s, baseline, table, "b.yaml");
            const o = { draws: 4, seed };
            expectSameDraws(
              pathwayDraws(s, baseline, table, "b.yaml", drawn, o),
              pathwayDrawsByProjection(s, baseline, table, "b.yaml", drawn, o),
            );
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("refuses the same draws: methane used near all liberated, CO2 stored near all point-source CO2, reclamation near all the land", () => {
    const tight = structuredClone(rich);
    const y = tight.years[0]!;
    y.methane.utilised = [{ massT: 2300, uncertainty: { pct: 30 } } as never];
    y.ccsStoredTCO2 = 7000;
    const s = scenarioSchema.parse({
      kind: "pathway-scenario",
      name: "tight",
      baseline: { inventory: "x" },
      endYear: 2034,
      measures: [
        {
          kind: "reclamation",
          start: 2026,
          years: 1,
          hectaresPerYear: 82,
          to: "forest",
          maxStockTCPerHa: 50,
          source: "t",
        },
        { kind: "vam-oxidation", start: 2025, share: 0.5 },
        { kind: "energy-saving", start: 2026, rate: 0.3 },
        { kind: "ccs", start: 2027, captureRate: 0.5 },
      ],
    });
    const { drawn } = pathwayBandInputs(s, tight, table, "t.yaml");
    const o = { draws: 40, seed: 5 };
    const compiled = pathwayDraws(s, tight, table, "t.yaml", drawn, o);
    expect(compiled.rejected).toBeGreaterThan(10);
    expectSameDraws(compiled, pathwayDrawsByProjection(s, tight, table, "t.yaml", drawn, o));
    // Many draws are evaluated in batches (4,096 at most): the first 40 of 6,000 are still these 40.
    const many = pathwayDraws(s, tight, table, "t.yaml", drawn, { draws: 6000, seed: 5 });
    expect(many.nets[0]!.length).toBe(6000);
    expect(many.rejected).toBeGreaterThan(6000);
    compiled.nets.forEach((a, y) => expect([...many.nets[y]!.subarray(0, 40)]).toEqual([...a]));
  });

  it("agrees with projecting each draw in P5, P50 and P95 of 2,000 draws from other seeds, within the Monte Carlo error", () => {
    // The Yongning pathway to 2034 (every measure acting; each projected draw costs years × inventories).
    const s = { ...yongning.scenario, endYear: 2034 };
    const { baseline, baselinePath } = yongning;
    const { drawn } = pathwayBandInputs(s, baseline, table, baselinePath);
    const n = 2000;
    const a = pathwayDraws(s, baseline, table, baselinePath, drawn, { draws: n, seed: 101 });
    const b = pathwayDrawsByProjection(s, baseline, table, baselinePath, drawn, { draws: n, seed: 202 });
    expect(a.nets[0]!.length).toBe(n);
    expect(b.nets[0]!.length).toBe(n);
    for (const y of [0, 6, 10]) {
      const sa = Float64Array.from(a.nets[y]!).sort();
      const sb = Float64Array.from(b.nets[y]!).sort();
      const pooled = Float64Array.from([...sa, ...sb]).sort();
      for (const p of [5, 50, 95]) {
        // The sample p-quantile of n draws has standard error √(p(1−p)/n) / f(q_p) (asymptotically
        // normal); 1/f(q_p) is estimated from the pooled draws as (q_{p+h} − q_{p−h}) / 2h. Two
        // independent estimates differ with standard error √2 × that; 4.5 of them is a false failure
        // about once in 150,000 comparisons.
        const h = 2.5;
        const dqdp =
          (percentileOfSorted(pooled, p + h) - percentileOfSorted(pooled, p - h)) / ((2 * h) / 100);
        const se = Math.sqrt(((p / 100) * (1 - p / 100)) / n) * dqdp;
        const diff = percentileOfSorted(sa, p) - percentileOfSorted(sb, p);
        expect(Math.abs(diff)).toBeLessThan(4.5 * Math.SQRT2 * se);
      }
    }
  }, 120_000);
});

describe("pathwayBands on the compiled model", () => {
  it("gives the bands of projecting each draw for the same seed (the same sequence of draws)", () => {
    const { scenario, baseline, baselinePath } = yongning;
    const bands = pathwayBands(scenario, baseline, table, baselinePath, { draws: 30, seed: 9 });
    const { drawn } = pathwayBandInputs(scenario, baseline, table, baselinePath);
    const ref = pathwayDrawsByProjection(scenario, baseline, table, baselinePath, drawn, {
      draws: 30,
      seed: 9,
    });
    bands.years.forEach((y, i) => {
      const sorted = Float64Array.from(ref.nets[i]!).sort();
      expect(close(y.p2_5, percentileOfSorted(sorted, 2.5))).toBe(true);
      expect(close(y.p50, percentileOfSorted(sorted, 50))).toBe(true);
      expect(close(y.p97_5, percentileOfSorted(sorted, 97.5))).toBe(true);
    });
  });
});
