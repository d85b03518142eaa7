import { InputError } from "../validation/input-issue.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { SinkReading } from "../mine/ecosystems.ts";
import type { CombustionMethod } from "../mine/energy-carriers.ts";
import { gasMassT } from "../mine/gas-mass.ts";
import { GWP_SETS, type GwpSetId } from "../mine/gwp-sets.ts";
import { parseInventoryInput, type GasAmountInput, type InventoryYearInput } from "../mine/inventory-spec.ts";
import { mineInventory } from "../mine/mine-inventory.ts";
import { CCS_SCOPE_NOTE, yearInventory, type YearInventory } from "../mine/year-inventory.ts";
import { reclaimableLand, reclamationCapProblems } from "./check-scenario.ts";
import { piecewise, rampLevel } from "./measure-ramp.ts";
import type { Measure, Scenario } from "./scenario-spec.ts";
import {
  existingStandsAdjustment,
  measureGrowth,
  reclamationSinkTCO2e,
  scenarioGrowth,
  type StandGrowth,
} from "./stand-growth.ts";

/** IPCC's default period for soil carbon to reach its new level (Vol. 4 Ch. 2 Eq. 2.25, D = 20 yr). */
export const SOIL_TRANSITION_FACTOR = "ipcc06.afolu.soc_transition";

/** Electricity bought as zero-emission (market-based accounting), in the factor library. */
export const ZERO_EMISSION_ELECTRICITY = "def.electricity.zero_emission";

type Doc = Record<string, unknown> & { years: Record<string, unknown>[] };
type Gas = { massT?: number; volumeM3?: number; [k: string]: unknown };

/** One year of a pathway, t CO2e/yr. */
export interface PathwayYear {
  readonly year: number;
  readonly coalOutputT: number;
  readonly energyTCO2e: number;
  readonly methaneTCO2e: number;
  readonly otherTCO2e: number;
  /** Gross emissions after the measures (before sinks, CCS and offsets). */
  readonly grossTCO2e: number;
  /** Sinks of the inventory (its woody stands growing along the curve after the base year) plus the reclaimed stands. */
  readonly sinksTCO2e: number;
  readonly ccsTCO2e: number;
  /** Point-source CO2 of the year (after the measures on activity): the most CCS can capture. */
  readonly ccsCapturableTCO2: number;
  readonly offsetsTCO2e: number;
  readonly netTCO2e: number;
  /** Net of the same year with the output path but no measures. */
  readonly withoutMeasuresTCO2e: number;
  /** What each measure took off the net, in the scenario's order (sequential attribution). */
  readonly effects: readonly { readonly measure: string; readonly tCO2e: number }[];
}

export interface PathwayResult {
  readonly scenario: string;
  readonly baseYear: number;
  readonly years: readonly PathwayYear[];
  /** Year of the largest gross emissions. */
  readonly peakYear: number;
  /** First year with net ≤ 0, or null. */
  readonly neutralYear: number | null;
  /** Net in the end year when not neutral by then. */
  readonly gapAtEndTCO2e: number | null;
  readonly periods: readonly {
    label: string;
    from: number;
    to: number;
    cumulativeNetTCO2e: number;
    meanNetTCO2e: number;
  }[];
  /** The growth curve of every woody stand, existing and reclaimed, and where its parameters come from. */
  readonly standGrowth: StandGrowth;
  /** Each reclamation measure: its land, its curve and soil regain, each parameter with its source or "assumption". */
  readonly reclamation: readonly ReclamationSummary[];
  readonly assumptions: readonly string[];
}

/** A reclamation measure as the pathway read it. */
export interface ReclamationSummary {
  readonly measure: string;
  readonly hectares: number;
  /** The land it may take from (all reclamation measures together) and where that figure comes from. */
  readonly reclaimableHa: number;
  readonly reclaimableFrom: string;
  readonly vegetation: {
    readonly maxStockTCPerHa: number;
    readonly source: string;
    readonly k: number;
    readonly c: number;
    readonly curveSource: string;
  };
  readonly soil: {
    readonly gainTCPerHa: number;
    readonly years: number;
    readonly source: string;
    readonly yearsSource: string;
  };
}

const ASSUMPTION = "assumption (no source given)";

const clone = <T>(v: T): T => structuredClone(v);

function scaleGas(list: unknown, f: number): Gas[] {
  return ((list as Gas[] | undefined) ?? []).map((g) => ({
    ...g,
    ...(g.massT !== undefined ? { massT: g.massT * f } : {}),
    ...(g.volumeM3 !== undefined ? { volumeM3: g.volumeM3 * f } : {}),
  }));
}

function scaleUses(list: unknown, f: number): Record<string, unknown>[] {
  return ((list as Record<string, unknown>[] | undefined) ?? []).map((u) => ({
    ...u,
    amount: (u.amount as number) * f,
  }));
}

/** The baseline year moved to `year` with activity in proportion to coal output (ratio r). */
function scaledYear(
  base: Record<string, unknown>,
  year: number,
  coal: number,
  r: number,
): Record<string, unknown> {
  const y = clone(base);
  y.year = year;
  y.coalOutputT = coal;
  for (const k of ["energy", "residential", "transport"]) if (y[k]) y[k] = scaleUses(y[k], r);
  const agri = y.agricultural as Record<string, unknown> | undefined;
  if (agri) {
    agri.energy = scaleUses(agri.energy, r);
    agri.inputs = ((agri.inputs as Record<string, unknown>[] | undefined) ?? []).map((i) => ({
      ...i,
      amountT: (i.amountT as number) * r,
    }));
  }
  const m = y.methane as Record<string, unknown> | undefined;
  if (m) {
    m.underground = scaleGas(m.underground, r);
    m.utilised = scaleGas(m.utilised, r);
    for (const k of ["flared", "vamOxidised"]) {
      const d = m[k] as Record<string, unknown> | undefined;
      if (d) d.amounts = scaleGas(d.amounts, r);
    }
    for (const k of ["postMining", "openPit", "openPitPostMining"]) {
      const ref = m[k] as Record<string, unknown> | undefined;
      if (ref?.coalOutputT !== undefined) ref.coalOutputT = (ref.coalOutputT as number) * r;
    }
  }
  y.co2Fugitive = scaleGas(y.co2Fugitive, r);
  y.explosives = ((y.explosives as Record<string, unknown>[] | undefined) ?? []).map((e) => ({
    ...e,
    amountT: (e.amountT as number) * r,
  }));
  return y;
}

/** Applies a document-level measure at `level` (0–1) to a year's input. */
function applyToInput(y: Record<string, unknown>, m: Measure, level: number, liberatedTCH4: number): void {
  if (level <= 0) return;
  if (m.kind === "energy-saving") {
    for (const k of ["energy", "residential", "transport"]) if (y[k]) y[k] = scaleUses(y[k], 1 - level);
    const agri = y.agricultural as Record<string, unknown> | undefined;
    if (agri) agri.energy = scaleUses(agri.energy, 1 - level);
  } else if (m.kind === "clean-electricity") {
    const uses = (y.energy as Record<string, unknown>[] | undefined) ?? [];
    const out: Record<string, unknown>[] = [];
    for (const u of uses) {
      if (u.carrier !== "electricity") {
        out.push(u);
        continue;
      }
      out.push({ ...u, amount: (u.amount as number) * (1 - level) });
      out.push({
        ...u,
        amount: (u.amount as number) * level,
        emissionFactor: ZERO_EMISSION_ELECTRICITY,
        note: "pathway: zero-emission supply",
      });
    }
    y.energy = out;
  } else if (m.kind === "methane-use" || m.kind === "vam-oxidation") {
    const meth = (y.methane ??= {}) as Record<string, unknown>;
    const used = ((meth.utilised as Gas[] | undefined) ?? []).reduce((s, g) => s + (g.massT ?? 0), 0);
    if (m.kind === "methane-use")
      meth.utilised = [
        ...((meth.utilised as Gas[]) ?? []),
        { massT: liberatedTCH4 * level, label: "pathway: pre-drained and used" },
      ];
    else {
      // Ventilation-air methane oxidised: the inventory's own destruction, whose CO2 leaves in the
      // ventilation air and cannot be captured (not flaring, whose CO2 is a point source).
      const mass = (d: unknown) =>
        ((d as { amounts: Gas[] } | undefined)?.amounts ?? []).reduce((s, g) => s + (g.massT ?? 0), 0);
      const oxidised = (meth.vamOxidised as { amounts: Gas[] } | undefined) ?? { amounts: [] };
      const remaining = Math.max(0, liberatedTCH4 - used - mass(meth.flared) - mass(oxidised));
      meth.vamOxidised = {
        ...oxidised,
        amounts: [
          ...oxidised.amounts,
          { massT: remaining * level, label: "pathway: ventilation air methane oxidised" },
        ],
      };
    }
  }
}

const isInputMeasure = (m: Measure) =>
  ["energy-saving", "clean-electricity", "methane-use", "vam-oxidation"].includes(m.kind);

const label = (m: Measure, i: number) =>
  `${i + 1}. ${m.kind}${m.kind === "reclamation" ? ` to ${m.to}` : ""} from ${m.start}`;

/**
 * Projects a scenario year by year from its baseline inventory to the end year: activity follows
 * the coal-output path, each measure acts from its start along its ramp, and every year's
 * inventory is computed with the same rules and factors as the baseline (seed 002 Eq. 1–12).
 * Effects are attributed in the scenario's order: measure k is credited with what it takes off
 * the net after measures 1…k−1.
 */
export function projectPathway(
  scenario: Scenario,
  baselineDoc: unknown,
  table: FactorTable,
  source: string,
  o: {
    effects?: boolean;
    /**
     * Levels as increments over those reached in this year, for a baseline that already holds the
     * measures in force then (a re-based plan; see review-year.ts).
     */
    incrementalFrom?: number;
    /** Receives each year's inventory input with the measures applied (the plan as activity data). */
    onInput?: (year: number, input: Record<string, unknown>) => void;
    /**
     * False: the inventory's woody stands stay at their stated ages, each year counting the curve's gain
     * at that age as in the base year (the review's inventory part).
     */
    standsGrow?: boolean;
  } = {},
): PathwayResult {
  // Without effects (Monte Carlo draws) a year needs two inventories instead of one per measure.
  const withEffects = o.effects ?? true;
  // The baseline is checked whole first, so that whatever it is (not an inventory at all, a year
  // missing) the problems are named in its own terms rather than met halfway through.
  parseInventoryInput(baselineDoc, source, table);
  const doc = baselineDoc as Doc;
  const years = doc.years;
  const base =
    scenario.baseline.year === undefined
      ? years[years.length - 1]
      : years.find((y) => y.year === scenario.baseline.year);
  if (!base)
    throw new InputError(source, [
      {
        path: "years",
        message: `has no year ${scenario.baseline.year} (the scenario's baseline.year); its years are ${years.map((y) => y.year).join(", ")}`,
      },
    ]);
  const baseYear = base.year as number;
  // The baseline year as checked (for its land and sinks), and the land reclamation may take.
  const baseInput = parseInventoryInput({ ...doc, years: [base] }, source, table)
    .years[0]! as InventoryYearInput;
  const capProblems = reclamationCapProblems(scenario, baseInput, o.incrementalFrom);
  if (capProblems.length) throw new InputError(source, capProblems);
  const growth = scenarioGrowth(scenario);
  const soilDefault = table.value(SOIL_TRANSITION_FACTOR, "yr");
  if (scenario.endYear < baseYear)
    throw new InputError(source, [
      {
        path: "endYear",
        message: `must not be before the baseline year ${baseYear}; got ${scenario.endYear}`,
      },
    ]);
  const baseCoal = base.coalOutputT as number;
  const coalAt = (y: number) =>
    scenario.coalOutput
      ? piecewise(
          scenario.coalOutput.map((p) => ({ year: p.year, value: p.t })),
          y,
        )
      : baseCoal;
  // Without effects (Monte Carlo draws) the year's inventory is computed lightly — the same
  // yearInventory, without the result's wrapping — once per distinct input (the years of a plateau
  // share it), and the inventory before the measures is not computed at all.
  const light = withEffects ? undefined : lightInventory(doc, table, source);
  const inventoryOf = (yearInput: Record<string, unknown>): YearInventory => {
    if (light) return light(yearInput);
    const one = { ...doc, years: [yearInput] };
    return mineInventory(parseInventoryInput(one, source, table), table.fresh(), source, {
      uncertainty: false,
    }).years[0]!;
  };
  const out: PathwayYear[] = [];
  // The base year's woody stands: their mean annual increment (the inventory's) and the curve's gain.
  let baseStands: { inventory: number; curve: number } | undefined;
  for (let year = baseYear; year <= scenario.endYear; year++) {
    const coal = coalAt(year);
    const r = baseCoal > 0 ? coal / baseCoal : 0;
    // Light: the checked base year (its defaults filled in) is scaled, and needs no checking again.
    const scaled = scaledYear(
      light ? (baseInput as unknown as Record<string, unknown>) : base,
      year,
      coal,
      r,
    );
    const plain = withEffects ? inventoryOf(scaled) : undefined;
    const liberated = plain ? plain.methane.undergroundLiberatedTCH4 : liberatedTCH4(scaled, table);
    // Prefixes of the measure list: net after measures 1…k.
    const nets: number[] = [];
    let last = plain;
    let extra = { sinks: 0, ccs: 0, offsets: 0 };
    const input = clone(scaled);
    const measures = year === baseYear ? [] : scenario.measures;
    // The inventory's woody stands grow along the growth curve, from the base year on (its sink there is
    // the curve's gain of that year, not stock ÷ age, so the sinks run on without a step), with or
    // without measures (one rule for existing and reclaimed stands): the change against the inventory's.
    const standsAdjustment = (inv: YearInventory) =>
      existingStandsAdjustment(inv.sinks, o.standsGrow === false ? 0 : year - baseYear, growth);
    if (plain) extra.sinks = standsAdjustment(plain);
    // CCS takes its rate of the point-source CO2 not yet captured (by the inventory or earlier CCS).
    const captured = plain ? plain.totals.ccsTCO2ePerYr : ((scaled.ccsStoredTCO2 as number | undefined) ?? 0);
    // Without effects the inventory is recomputed only when CCS needs the point sources, and at the end.
    let dirty = !plain;
    const netOf = (inv: YearInventory, e: typeof extra) =>
      inv.totals.balanceTCO2ePerYr - e.sinks - e.ccs - e.offsets;
    if (plain) nets.push(netOf(plain, extra));
    for (const m of measures) {
      if (isInputMeasure(m)) {
        const target = "share" in m ? m.share : "rate" in m ? m.rate : 0;
        const ramp = "rampYears" in m ? m.rampYears : 0;
        const full = rampLevel(year, m.start, ramp, target);
        const done =
          o.incrementalFrom === undefined ? 0 : rampLevel(o.incrementalFrom, m.start, ramp, target);
        // What is still to do, as a share of what is left: (L − L₀)/(1 − L₀); methane use is a
        // share of the liberated methane, so its increment is L − L₀.
        const level = done >= 1 ? 0 : m.kind === "methane-use" ? full - done : (full - done) / (1 - done);
        applyToInput(input, m, level, liberated);
        if (withEffects) last = inventoryOf(input);
        else dirty = true;
      } else if (m.kind === "reclamation")
        extra = {
          ...extra,
          sinks:
            extra.sinks +
            reclamationSinkTCO2e(m, year, measureGrowth(m, scenario), m.soilYears ?? soilDefault.value),
        };
      else if (m.kind === "ccs") {
        if (dirty) {
          last = inventoryOf(input);
          dirty = false;
        }
        const left = Math.max(0, last!.ccs.capturableTCO2 - captured - extra.ccs);
        const take = rampLevel(year, m.start, m.rampYears, m.captureRate) * left;
        extra = { ...extra, ccs: extra.ccs + take };
      } else if (m.kind === "offsets")
        extra = {
          ...extra,
          offsets: extra.offsets + (year >= m.start ? m.tCO2ePerYr - m.soldTCO2ePerYr : 0),
        };
      if (withEffects) nets.push(netOf(last!, extra));
    }
    if (dirty) last = inventoryOf(input);
    if (!plain) extra = { ...extra, sinks: extra.sinks + standsAdjustment(last!) };
    const final = last!;
    const net = netOf(final, extra);
    if (year === baseYear) {
      const inventory = final.sinks
        .filter((x) => x.woody && x.ageYears !== undefined)
        .reduce((a, x) => a + x.sinkTCO2ePerYr, 0);
      baseStands = { inventory, curve: inventory + standsAdjustment(final) };
    }
    o.onInput?.(year, input);
    const byComponent = (pred: (c: string, gas: string) => boolean) =>
      final.sources.filter((s) => pred(s.component, s.gas)).reduce((a, s) => a + s.tCO2ePerYr, 0);
    // Above-ground sources (P_M, P_R, P_S, P_A: energy use and agricultural inputs).
    const energy = byComponent((c) => c.startsWith("P_"));
    const methane = byComponent(
      (c, gas) =>
        (c === "C_under underground" || c === "open-pit mining" || c === "methane recovery") && gas === "CH4",
    );
    out.push({
      year,
      coalOutputT: coal,
      energyTCO2e: energy,
      methaneTCO2e: methane,
      otherTCO2e: final.totals.grossEmissionTCO2ePerYr - energy - methane,
      grossTCO2e: final.totals.grossEmissionTCO2ePerYr,
      sinksTCO2e: final.totals.sinkTCO2ePerYr + extra.sinks,
      ccsTCO2e: final.totals.ccsTCO2ePerYr + extra.ccs,
      ccsCapturableTCO2: final.ccs.capturableTCO2,
      offsetsTCO2e: final.totals.offsetsBoughtTCO2e - final.totals.offsetsSoldTCO2e + extra.offsets,
      netTCO2e: net,
      // Without effects the year before the measures is not computed: NaN, never read (bands only).
      withoutMeasuresTCO2e: nets[0] ?? Number.NaN,
      effects: !withEffects
        ? []
        : measures.map((m, i) => ({ measure: label(m, i), tCO2e: nets[i]! - nets[i + 1]! })),
    });
  }
  const peak = out.reduce((a, b) => (b.grossTCO2e > a.grossTCO2e ? b : a));
  const neutral = out.find((y) => y.netTCO2e <= 0);
  const end = out[out.length - 1]!;
  const periods = [
    { label: "peak (2020–2030)", from: 2020, to: 2030 },
    { label: "breakthrough (2030–2050)", from: 2030, to: 2050 },
    { label: "neutrality (2050–2060)", from: 2050, to: 2060 },
  ].flatMap((p) => {
    const ys = out.filter((y) => y.year >= p.from && y.year <= p.to);
    if (!ys.length) return [];
    const sum = ys.reduce((a, y) => a + y.netTCO2e, 0);
    return [
      {
        ...p,
        from: ys[0]!.year,
        to: ys[ys.length - 1]!.year,
        cumulativeNetTCO2e: sum,
        meanNetTCO2e: sum / ys.length,
      },
    ];
  });
  const land = reclaimableLand(baseInput);
  const reclamation = scenario.measures.flatMap((m, i): ReclamationSummary[] => {
    if (m.kind !== "reclamation") return [];
    const g = measureGrowth(m, scenario);
    return [
      {
        measure: label(m, i),
        hectares: m.hectaresPerYear * m.years,
        reclaimableHa: land.ha,
        reclaimableFrom: land.what,
        vegetation: {
          maxStockTCPerHa: m.maxStockTCPerHa,
          source: m.source,
          k: g.k,
          c: g.c,
          curveSource: g.source ?? ASSUMPTION,
        },
        soil: {
          gainTCPerHa: m.soilTCPerHa ?? 0,
          years: m.soilYears ?? soilDefault.value,
          source:
            m.soilTCPerHa === undefined
              ? "none given: no soil carbon regained beyond maxStockTCPerHa"
              : (m.soilSource ?? ASSUMPTION),
          yearsSource:
            m.soilYears === undefined
              ? `IPCC 2006 default transition period for soil carbon (${SOIL_TRANSITION_FACTOR}, Vol. 4 Ch. 2 Eq. 2.25)`
              : "the measure's own soilYears",
        },
      },
    ];
  });
  const woodyStands = baseStands !== undefined && baseStands.inventory !== 0;
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });
  const notes = [
    ...(woodyStands || reclamation.length
      ? [
          `Woody stands, existing (the baseline inventory's forest and shrub, from the base year ${baseYear}) and reclaimed, grow along one Chapman–Richards curve, S(a) = S_max (1 − e^(−k·a))^c, k = ${growth.k}/yr, c = ${growth.c}: ${growth.source ? `source: ${growth.source}` : "an ASSUMPTION (no source given; set standGrowth with its source)"}. An existing stand's curve passes through its growing stock at its stated age, so it saturates as reclaimed stands do.`,
        ]
      : []),
    ...(woodyStands && baseStands
      ? [
          `The pathway's sinks run on without a step: in the base year too the existing woody stands count the curve's gain of that year, S(A) − S(A − 1): ${fmt(baseStands.curve)} t CO2e/yr, where the inventory counts their mean annual increment (growing stock ÷ age): ${fmt(baseStands.inventory)}; so the pathway's base-year net is ${fmt(baseStands.inventory - baseStands.curve)} t CO2e/yr ${baseStands.inventory >= baseStands.curve ? "above" : "below"} the inventory's balance.`,
        ]
      : []),
    ...reclamation.flatMap((r) => [
      `${r.measure}: ${r.hectares.toLocaleString("en-US", { maximumFractionDigits: 2 })} ha of at most ${r.reclaimableFrom}; vegetation towards ${r.vegetation.maxStockTCPerHa} t C/ha (${r.vegetation.source}) with k = ${r.vegetation.k}, c = ${r.vegetation.c} (${r.vegetation.curveSource}); soil gains ${r.soil.gainTCPerHa} t C/ha over ${r.soil.years} years (${r.soil.source}; years: ${r.soil.yearsSource}).`,
    ]),
    ...(scenario.measures.some((m) => m.kind === "ccs")
      ? [`CCS measures capture their rate of the point-source CO2 not yet captured. ${CCS_SCOPE_NOTE}.`]
      : []),
  ];
  return {
    scenario: scenario.name,
    baseYear,
    years: out,
    peakYear: peak.year,
    neutralYear: neutral?.year ?? null,
    gapAtEndTCO2e: neutral ? null : end.netTCO2e,
    periods,
    standGrowth: growth,
    reclamation,
    assumptions: [
      "Activity (energy, methane, CO2, explosives) follows coal output in proportion to the baseline year.",
      "Effects are attributed in the scenario's order (each measure after those listed before it).",
      ...notes,
      ...scenario.assumptions,
    ],
  };
}

/**
 * A year's inventory for Monte Carlo draws: the same computation (yearInventory) as mineInventory on
 * a year derived from the checked baseline year, without checking it again or wrapping the result
 * (factors used, warnings, the finite check, which runScenario does on the pathway's own result),
 * remembered per distinct input.
 */
function lightInventory(
  doc: Doc,
  table: FactorTable,
  source: string,
): (yearInput: Record<string, unknown>) => YearInventory {
  const gwp = GWP_SETS[doc.gwp as GwpSetId];
  const options = {
    gwpCH4: table.value(gwp.ch4, "t CO2e/t CH4").value,
    gwpFactorId: gwp.ch4,
    gwpN2O: table.value(gwp.n2o, "t CO2e/t N2O").value,
    gwpN2OFactorId: gwp.n2o,
    combustionMethod: doc.combustionMethod as CombustionMethod,
    sinkReading: doc.sinkReading as SinkReading,
  };
  const seen = new Map<string, YearInventory>();
  return (yearInput) => {
    const key = JSON.stringify({ ...yearInput, year: 0 });
    const known = seen.get(key);
    if (known) return known;
    const y = yearInput as unknown as InventoryYearInput;
    const inv = yearInventory(y, options, table, `${source}, year ${y.year}`, "years[0]");
    seen.set(key, inv);
    return inv;
  };
}

/** Underground methane liberated in a year's input (t CH4): the sum of its gas amounts, weighed. */
function liberatedTCH4(yearInput: Record<string, unknown>, table: FactorTable): number {
  const list = ((yearInput.methane as Record<string, unknown> | undefined)?.underground ??
    []) as GasAmountInput[];
  return list.reduce((sum, a) => sum + gasMassT(a, "CH4", table).massT, 0);
}
