import { InputError } from "../validation/input-issue.ts";
import { CO2_PER_C } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { parseInventoryInput } from "../mine/inventory-spec.ts";
import { mineInventory } from "../mine/mine-inventory.ts";
import { piecewise, rampLevel, standStockTCPerHa } from "./measure-ramp.ts";
import type { Measure, Scenario } from "./scenario-spec.ts";

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
  /** Sinks of the inventory plus the reclaimed stands. */
  readonly sinksTCO2e: number;
  readonly ccsTCO2e: number;
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
  readonly assumptions: readonly string[];
}

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
    if (m.flared)
      (m.flared as Record<string, unknown>).amounts = scaleGas(
        (m.flared as Record<string, unknown>).amounts,
        r,
      );
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
      const flared = (meth.flared as { amounts: Gas[] } | undefined) ?? { amounts: [] };
      const remaining = Math.max(
        0,
        liberatedTCH4 - used - flared.amounts.reduce((s, g) => s + (g.massT ?? 0), 0),
      );
      meth.flared = {
        ...flared,
        amounts: [
          ...flared.amounts,
          { massT: remaining * level, label: "pathway: ventilation air methane oxidised" },
        ],
      };
    }
  }
}

const isInputMeasure = (m: Measure) =>
  ["energy-saving", "clean-electricity", "methane-use", "vam-oxidation"].includes(m.kind);

/** Yearly sink of the stands a reclamation measure created by `year`, t CO2e/yr. */
function reclamationSink(m: Extract<Measure, { kind: "reclamation" }>, year: number): number {
  let tC = 0;
  for (let j = m.start; j < m.start + m.years && j <= year; j++) {
    const age = year - j + 1;
    tC +=
      m.hectaresPerYear *
      (standStockTCPerHa(age, m.maxStockTCPerHa, m.k, m.c) -
        standStockTCPerHa(age - 1, m.maxStockTCPerHa, m.k, m.c));
  }
  return tC * CO2_PER_C;
}

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
  const inventoryOf = (yearInput: Record<string, unknown>) => {
    const one = { ...doc, years: [yearInput] };
    return mineInventory(parseInventoryInput(one, source, table), table.fresh(), source).years[0]!;
  };
  const out: PathwayYear[] = [];
  for (let year = baseYear; year <= scenario.endYear; year++) {
    const coal = coalAt(year);
    const r = baseCoal > 0 ? coal / baseCoal : 0;
    const scaled = scaledYear(base, year, coal, r);
    const plain = inventoryOf(scaled);
    const liberated = plain.methane.undergroundLiberatedTCH4;
    // Prefixes of the measure list: net after measures 1…k.
    const nets: number[] = [];
    let last = plain;
    let extra = { sinks: 0, ccs: 0, offsets: 0 };
    const input = clone(scaled);
    const measures = year === baseYear ? [] : scenario.measures;
    // Without effects the inventory is recomputed only when CCS needs the gross, and at the end.
    let dirty = false;
    const netOf = (inv: typeof plain, e: typeof extra) =>
      inv.totals.balanceTCO2ePerYr - e.sinks - e.ccs - e.offsets;
    nets.push(netOf(plain, extra));
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
        extra = { ...extra, sinks: extra.sinks + reclamationSink(m, year) };
      else if (m.kind === "ccs") {
        if (dirty) {
          last = inventoryOf(input);
          dirty = false;
        }
        extra = {
          ...extra,
          ccs:
            extra.ccs +
            rampLevel(year, m.start, m.rampYears, m.captureRate) * last.totals.grossEmissionTCO2ePerYr,
        };
      } else if (m.kind === "offsets")
        extra = {
          ...extra,
          offsets: extra.offsets + (year >= m.start ? m.tCO2ePerYr - m.soldTCO2ePerYr : 0),
        };
      nets.push(netOf(last, extra));
    }
    if (dirty) {
      last = inventoryOf(input);
      nets[nets.length - 1] = netOf(last, extra);
    }
    o.onInput?.(year, input);
    const byComponent = (pred: (c: string, gas: string) => boolean) =>
      last.sources.filter((s) => pred(s.component, s.gas)).reduce((a, s) => a + s.tCO2ePerYr, 0);
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
      otherTCO2e: last.totals.grossEmissionTCO2ePerYr - energy - methane,
      grossTCO2e: last.totals.grossEmissionTCO2ePerYr,
      sinksTCO2e: last.totals.sinkTCO2ePerYr + extra.sinks,
      ccsTCO2e: last.totals.ccsTCO2ePerYr + extra.ccs,
      offsetsTCO2e: last.totals.offsetsBoughtTCO2e - last.totals.offsetsSoldTCO2e + extra.offsets,
      netTCO2e: nets[nets.length - 1]!,
      withoutMeasuresTCO2e: nets[0]!,
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
  return {
    scenario: scenario.name,
    baseYear,
    years: out,
    peakYear: peak.year,
    neutralYear: neutral?.year ?? null,
    gapAtEndTCO2e: neutral ? null : end.netTCO2e,
    periods,
    assumptions: [
      "Activity (energy, methane, CO2, explosives) follows coal output in proportion to the baseline year.",
      "Effects are attributed in the scenario's order (each measure after those listed before it).",
      ...scenario.assumptions,
    ],
  };
}
