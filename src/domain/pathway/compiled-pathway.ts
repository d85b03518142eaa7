import type { FactorTable } from "../factor/factor-table.ts";
import { gasMassT } from "../mine/gas-mass.ts";
import { GWP_SETS, type GwpSetId } from "../mine/gwp-sets.ts";
import { parseInventoryInput, type InventoryYearInput } from "../mine/inventory-spec.ts";
import {
  CAPTURABLE,
  CCS,
  CH4_GENERATED,
  CH4_RECOVERED,
  InventoryModel,
  SINKS,
} from "../mine/inventory-uncertainty.ts";
import type { CombustionMethod } from "../mine/energy-carriers.ts";
import type { SinkReading } from "../mine/ecosystems.ts";
import { yearInventory, type SinkLine } from "../mine/year-inventory.ts";
import { DrawExpression, DrawExpressions } from "./draw-expression.ts";
import { piecewise, rampLevel } from "./measure-ramp.ts";
import { SOIL_TRANSITION_FACTOR, ZERO_EMISSION_ELECTRICITY } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";
import {
  existingStandSinkTCO2e,
  measureGrowth,
  reclamationSinkTCO2e,
  scenarioGrowth,
} from "./stand-growth.ts";

/** One year of a compiled pathway at given draws: the parts of PathwayYear, t CO2e/yr. */
export interface CompiledYear {
  readonly year: number;
  readonly coalOutputT: number;
  readonly energyTCO2e: number;
  readonly methaneTCO2e: number;
  readonly otherTCO2e: number;
  readonly grossTCO2e: number;
  readonly sinksTCO2e: number;
  readonly ccsTCO2e: number;
  readonly ccsCapturableTCO2: number;
  readonly offsetsTCO2e: number;
  readonly netTCO2e: number;
}

/**
 * A scenario compiled once into plain numbers (see compilePathway): each year's net and parts as
 * expressions of the drawn ratios, and the physical constraints a draw must keep.
 */
export interface CompiledPathway {
  readonly baseYear: number;
  readonly years: readonly number[];
  /** The drawn inputs' keys, in the order of the ratio arrays. */
  readonly inputs: readonly string[];
  /** Sizes of the compiled model: distinct products of drawn ratios, max(0, ·) steps, entries summed per draw. */
  readonly size: {
    readonly monomials: number;
    readonly nodes: number;
    readonly entries: number;
    /** Arrays of one value a draw that evaluating a batch of draws keeps (monomials, nodes, outputs). */
    readonly arrays: number;
  };
  /** Every year's parts with the given ratios (all 1: the central pathway). */
  parts(ratios?: readonly number[]): CompiledYear[];
  /**
   * The nets of `count` draws: `ratios[i][d]` is input i's ratio in draw d. `nets[y][d]` is year y's
   * net; `rejected[d]` is 1 when draw d breaks a constraint of the inventory or the plan (methane
   * recovered above methane liberated, CO2 stored above the point-source CO2, reclamation beyond the
   * land left), as projecting it would refuse it, or gives a net that is not a finite number.
   */
  draws(ratios: readonly Float64Array[], count: number): { nets: Float64Array[]; rejected: Uint8Array };
}

type Gas = { massT?: number; volumeM3?: number } & Record<string, unknown>;
type Use = { amount: number; carrier: string } & Record<string, unknown>;
type Destroyed = { amounts: Gas[]; efficiencyFactor?: string } & Record<string, unknown>;
/** A year's input as the pathway changes it (the parsed input, mutable). */
interface YearDoc {
  year: number;
  coalOutputT: number;
  energy: Use[];
  residential: Use[];
  transport: Use[];
  agricultural: { energy: Use[]; inputs: ({ amountT: number } & Record<string, unknown>)[] };
  methane: {
    underground: Gas[];
    utilised: Gas[];
    flared?: Destroyed;
    vamOxidised?: Destroyed;
    postMining?: { coalOutputT?: number };
    openPit?: { coalOutputT?: number };
    openPitPostMining?: { coalOutputT?: number };
  } & Record<string, unknown>;
  co2Fugitive: Gas[];
  explosives: ({ amountT: number } & Record<string, unknown>)[];
  ccsStoredTCO2: number;
  offsets: { soldTCO2e: number; boughtTCO2e: number };
  miningLandHa?: number;
  boundaryAreaHa: number;
  sinks: { forest: { areaHa: number }[]; ecosystems: { areaHa: number }[] };
}

/** A term of an inventory's uncertainty model as the compiler reads it. */
interface ModelTerm {
  readonly value: number;
  readonly inputs: readonly { readonly key: string; readonly power: 1 | -1 }[];
  readonly quantities: readonly string[];
}

/** The parts of one computed inventory of a year, as expressions of the draws. */
interface Stage {
  readonly gross: DrawExpression;
  readonly energy: DrawExpression;
  readonly methane: DrawExpression;
  readonly capturable: DrawExpression;
  readonly generated: DrawExpression;
  readonly recovered: DrawExpression;
  readonly ccs: DrawExpression;
  /** Each sink line's sink (the index in YearInventory.sinks), and the line as computed at the central values. */
  readonly sinks: Map<number, DrawExpression>;
  readonly sinkLines: readonly SinkLine[];
}

const ENERGY_PREFIX = "P_";
const METHANE_COMPONENTS = new Set(["C_under underground", "open-pit mining", "methane recovery"]);
const OTHER_COMPONENTS = new Set(["explosives"]);
const SINK_AREA = /^activity:sinks\.(forest|ecosystems)\[(\d+)\]\.areaHa$/;
/** A large mass of methane liberated in the probe, so that its recovered unit never exceeds it. */
const PROBE_LIBERATED_TCH4 = 1e6;

/**
 * Compiles a scenario's light projection (projectPathway without effects: the one each Monte Carlo
 * draw ran) once into expressions of the drawn ratios of the baseline year's activity data and
 * factors (`drawn`, keys as the inventory's uncertainty names them: `activity:energy[0].amount`,
 * `factor:<id>`). It walks the years as projectPathway does — activity in proportion to the coal
 * output, each measure at its level in its order — and reads each year's inventory from its own
 * uncertainty model (every figure a sum of products of inputs): a line the plan only rescales keeps
 * its inputs' ratios; lines the measures add
 * (methane drained and used, ventilation-air methane oxidised) are their per-tonne terms times their
 * amount in the draw; methane left for oxidisers and CO2 left for CCS are max(0, ·) of the draw,
 * exactly; existing woody stands grow along the curve (linear in their stock). Nothing is linearised.
 * The walk repeats projectPathway's (scaledYear, applyToInput): pathwayDraws checks at run time that
 * the compiled nets are the projection's at the central values, and the tests that every part is, and
 * every draw, for random scenarios.
 */
export function compilePathway(
  scenario: Scenario,
  baselineDoc: unknown,
  table: FactorTable,
  source: string,
  drawn: readonly string[],
): CompiledPathway {
  const doc = parseInventoryInput(baselineDoc, source, table);
  const wanted = scenario.baseline.year;
  const base = wanted === undefined ? doc.years.at(-1) : doc.years.find((y) => y.year === wanted);
  if (!base) throw new Error(`internal: the baseline has no year ${wanted} (checked by projectPathway)`);
  const raw = baselineDoc as Record<string, unknown>;
  const rawBase = (raw.years as Record<string, unknown>[]).find((y) => y.year === base.year)!;
  // The baseline year as projectPathway reads it (checked on its own, defaults filled in).
  const baseInput = parseInventoryInput({ ...raw, years: [rawBase] }, source, table)
    .years[0]! as unknown as YearDoc;
  const baseYear = baseInput.year;
  const t = table.fresh();
  const gwp = GWP_SETS[doc.gwp as GwpSetId];
  const options = {
    gwpCH4: t.value(gwp.ch4, "t CO2e/t CH4").value,
    gwpFactorId: gwp.ch4,
    gwpN2O: t.value(gwp.n2o, "t CO2e/t N2O").value,
    gwpN2OFactorId: gwp.n2o,
    combustionMethod: doc.combustionMethod as CombustionMethod,
    sinkReading: doc.sinkReading as SinkReading,
  };
  const gwpKey = `factor:${gwp.ch4}`;
  const X = new DrawExpressions(drawn.length);
  const index = new Map(drawn.map((k, i) => [k, i]));
  const monoOf = (inputs: readonly { key: string; power: 1 | -1 }[]) =>
    X.mono(inputs.filter((i) => index.has(i.key)).map((i) => [index.get(i.key)!, i.power] as const));
  /** `value` × the ratio of the input at `key` (a constant when it is not drawn). */
  const ratioTerm = (value: number, ...keys: string[]) =>
    new DrawExpression().add(value, monoOf(keys.map((key) => ({ key, power: 1 as const }))));
  const growth = scenarioGrowth(scenario);
  let soilDefault: number | undefined;
  const soilYears = () => (soilDefault ??= t.value(SOIL_TRANSITION_FACTOR, "yr").value);

  // --- an inventory's terms, routed to the parts of the year ---
  const emptyStage = (sinkLines: readonly SinkLine[]): Stage => ({
    gross: new DrawExpression(),
    energy: new DrawExpression(),
    methane: new DrawExpression(),
    capturable: new DrawExpression(),
    generated: new DrawExpression(),
    recovered: new DrawExpression(),
    ccs: new DrawExpression(),
    sinks: new Map(),
    sinkLines,
  });
  const route = (s: Stage, term: ModelTerm, amount: DrawExpression) => {
    // The methane part is the CH4 of the mine's methane lines: their terms carry the GWP of CH4 (the
    // CO2 of burning or oxidising recovered methane, and fugitive CO2, do not).
    const isCH4 = term.inputs.some((i) => i.key === gwpKey);
    for (const q of term.quantities) {
      const name = q.slice(q.indexOf(":") + 1);
      if (name.startsWith(ENERGY_PREFIX)) {
        s.gross.plus(amount);
        s.energy.plus(amount);
      } else if (METHANE_COMPONENTS.has(name)) {
        s.gross.plus(amount);
        if (isCH4) s.methane.plus(amount);
      } else if (OTHER_COMPONENTS.has(name)) s.gross.plus(amount);
      else if (name === CAPTURABLE) s.capturable.plus(amount);
      else if (name === CH4_GENERATED) s.generated.plus(amount);
      else if (name === CH4_RECOVERED) s.recovered.plus(amount);
      else if (name === CCS) s.ccs.plus(amount);
      else if (name === SINKS) {
        const m = term.inputs.map((i) => SINK_AREA.exec(i.key)).find((x) => x);
        if (!m) throw new Error(`internal: a sink term without a stand's or ecosystem's area`);
        const at =
          m[1] === "forest"
            ? Number(m[2])
            : s.sinkLines.filter((l) => l.kind === "forest").length + Number(m[2]);
        const line = s.sinkLines[at];
        if (line?.kind !== (m[1] === "forest" ? "forest" : "ecosystem"))
          throw new Error(`internal: sink line ${at} is not the ${m[1]} of the term`);
        if (!s.sinks.has(at)) s.sinks.set(at, new DrawExpression());
        s.sinks.get(at)!.plus(amount);
      } else throw new Error(`internal: the compiled pathway does not know quantity ${name}`);
    }
  };
  const modelOf = (input: YearDoc) => {
    const model = new InventoryModel(t, 0, (p) => p);
    const inv = yearInventory(
      input as unknown as InventoryYearInput,
      options,
      t,
      `${source}, year ${input.year}`,
      "",
      model,
    );
    return { inv, terms: model.build().terms as readonly ModelTerm[] };
  };
  // The lines the plan keeps (scaled, split): their terms with each activity read back to the
  // baseline's input it is proportional to (a split electricity use to the use it came from).
  const known = new Map<string, Stage>();
  const keptLines = (input: YearDoc, energyOrigin: readonly string[]): Stage => {
    const memo = JSON.stringify([{ ...input, year: 0 }, energyOrigin]);
    const had = known.get(memo);
    if (had) return had;
    const { inv, terms } = modelOf(input);
    const s = emptyStage(inv.sinks);
    for (const term of terms) {
      const inputs = term.inputs.map((i) => {
        const e = /^activity:energy\[(\d+)\]\.amount$/.exec(i.key);
        return e ? { key: `activity:${energyOrigin[Number(e[1])]!}`, power: i.power } : i;
      });
      route(s, term, new DrawExpression().add(term.value, monoOf(inputs)));
    }
    known.set(memo, s);
    return s;
  };
  // The terms of one tonne of methane drained and used, and of one tonne sent to oxidisers.
  const units = new Map<string, { utilised: ModelTerm[]; vam: ModelTerm[] }>();
  const perTonne = (input: YearDoc) => {
    const block = input.methane.vamOxidised;
    const memo = block?.efficiencyFactor ?? "";
    const had = units.get(memo);
    if (had) return had;
    const probe: YearDoc = {
      ...input,
      energy: [],
      residential: [],
      transport: [],
      agricultural: { energy: [], inputs: [] },
      co2Fugitive: [],
      explosives: [],
      sinks: { forest: [], ecosystems: [] },
      ccsStoredTCO2: 0,
      methane: {
        underground: [{ massT: PROBE_LIBERATED_TCH4 }],
        utilised: [{ massT: 1 }],
        vamOxidised: { ...(block ?? {}), amounts: [{ massT: 1 }] },
      },
    };
    const { terms } = modelOf(probe);
    const of = (key: string) =>
      terms
        .filter((x) => x.inputs.some((i) => i.key === key))
        .map((x) => ({ ...x, inputs: x.inputs.filter((i) => i.key !== key) }));
    const u = {
      utilised: of("activity:methane.utilised[0].massT"),
      vam: of("activity:methane.vamOxidised.amounts[0].massT"),
    };
    units.set(memo, u);
    return u;
  };
  const stageOf = (
    input: YearDoc,
    energyOrigin: readonly string[],
    addedUse: readonly DrawExpression[],
    addedVam: readonly DrawExpression[],
  ): Stage => {
    const kept = keptLines(input, energyOrigin);
    const s = emptyStage(kept.sinkLines);
    for (const k of ["gross", "energy", "methane", "capturable", "generated", "recovered", "ccs"] as const)
      s[k].plus(kept[k]);
    for (const [at, e] of kept.sinks) s.sinks.set(at, new DrawExpression().plus(e));
    if (addedUse.length || addedVam.length) {
      const u = perTonne(input);
      for (const [amounts, list] of [
        [addedUse, u.utilised],
        [addedVam, u.vam],
      ] as const)
        for (const amount of amounts)
          for (const term of list) route(s, term, X.timesMono(amount, monoOf(term.inputs), term.value));
    }
    return s;
  };

  // --- the years ---
  const baseCoal = baseInput.coalOutputT;
  const coalAt = (y: number) =>
    scenario.coalOutput
      ? piecewise(
          scenario.coalOutput.map((p) => ({ year: p.year, value: p.t })),
          y,
        )
      : baseCoal;
  const years: number[] = [];
  const coalByYear: number[] = [];
  const out: Record<
    "net" | "gross" | "energy" | "methane" | "sinks" | "ccs" | "capturable" | "offsets",
    DrawExpression
  >[] = [];
  const slacks: DrawExpression[] = [];
  for (let year = baseYear; year <= scenario.endYear; year++) {
    const coal = coalAt(year);
    const r = baseCoal > 0 ? coal / baseCoal : 0;
    const input = scaledYear(baseInput, year, coal, r);
    let energyOrigin = input.energy.map((_, i) => `energy[${i}].amount`);
    // Underground methane liberated (before the measures), each amount weighed as the inventory does:
    // a volume with its density, a mass as given.
    const liberated = new DrawExpression();
    input.methane.underground.forEach((a, i) => {
      const m = gasMassT(a as never, "CH4", t);
      const key = `activity:methane.underground[${i}].${a.volumeM3 !== undefined ? "volumeM3" : "massT"}`;
      liberated.plus(
        a.volumeM3 !== undefined
          ? ratioTerm(m.massT, key, `factor:${m.factorIds[0]!}`)
          : ratioTerm(m.massT, key),
      );
    });
    const addedUse: DrawExpression[] = [];
    const addedVam: DrawExpression[] = [];
    const massOf = (list: readonly Gas[] | undefined, path: string) => {
      const e = new DrawExpression();
      (list ?? []).forEach((g, i) => {
        if (g.massT !== undefined) e.plus(ratioTerm(g.massT, `activity:${path}[${i}].massT`));
      });
      return e;
    };
    let extraSinks = 0;
    let extraOffsets = 0;
    const extraCcs = new DrawExpression();
    let dirty = true;
    let last: Stage | undefined;
    const computed: Stage[] = [];
    const compute = () => {
      last = stageOf(input, energyOrigin, addedUse, addedVam);
      computed.push(last);
      dirty = false;
    };
    const measures = year === baseYear ? [] : scenario.measures;
    for (const m of measures) {
      if (
        m.kind === "energy-saving" ||
        m.kind === "clean-electricity" ||
        m.kind === "methane-use" ||
        m.kind === "vam-oxidation"
      ) {
        const target = m.kind === "energy-saving" ? m.rate : m.share;
        const level = rampLevel(year, m.start, m.rampYears, target);
        dirty = true;
        if (level <= 0) continue;
        if (m.kind === "energy-saving") {
          for (const list of [input.energy, input.residential, input.transport, input.agricultural.energy])
            for (const u of list) u.amount = u.amount * (1 - level);
        } else if (m.kind === "clean-electricity") {
          const uses: Use[] = [];
          const origin: string[] = [];
          input.energy.forEach((u, i) => {
            if (u.carrier !== "electricity") {
              uses.push(u);
              origin.push(energyOrigin[i]!);
              return;
            }
            uses.push({ ...u, amount: u.amount * (1 - level) });
            uses.push({
              ...u,
              amount: u.amount * level,
              emissionFactor: ZERO_EMISSION_ELECTRICITY,
              note: "pathway: zero-emission supply",
            });
            origin.push(energyOrigin[i]!, energyOrigin[i]!);
          });
          input.energy = uses;
          energyOrigin = origin;
        } else if (m.kind === "methane-use") {
          addedUse.push(new DrawExpression().plus(liberated, level));
        } else {
          // What is left of the liberated methane after what is used, flared and oxidised already
          // (masses as given; amounts given as volumes count nothing here, as in projectPathway).
          const left = new DrawExpression()
            .plus(liberated)
            .plus(massOf(input.methane.utilised, "methane.utilised"), -1)
            .plus(massOf(input.methane.flared?.amounts, "methane.flared.amounts"), -1)
            .plus(massOf(input.methane.vamOxidised?.amounts, "methane.vamOxidised.amounts"), -1);
          for (const e of [...addedUse, ...addedVam]) left.plus(e, -1);
          addedVam.push(new DrawExpression().plus(X.max0(left), level));
        }
      } else if (m.kind === "reclamation") {
        extraSinks += reclamationSinkTCO2e(m, year, measureGrowth(m, scenario), m.soilYears ?? soilYears());
      } else if (m.kind === "ccs") {
        if (dirty) compute();
        // Its rate of the point-source CO2 not captured yet (by the inventory's CCS or earlier measures).
        const left = new DrawExpression().plus(last!.capturable).plus(last!.ccs, -1).plus(extraCcs, -1);
        extraCcs.plus(X.max0(left), rampLevel(year, m.start, m.rampYears, m.captureRate));
      } else if (m.kind === "offsets") {
        extraOffsets += year >= m.start ? m.tCO2ePerYr - m.soldTCO2ePerYr : 0;
      }
    }
    if (dirty) compute();
    const final = last!;
    // Every computed inventory keeps its constraints (yearInventory refuses the draw otherwise).
    for (const s of computed) {
      slacks.push(
        new DrawExpression()
          .plus(s.generated)
          .plus(s.recovered, -1)
          .plus(ratioTerm(1e-9 * options.gwpCH4, gwpKey)),
      );
      slacks.push(
        new DrawExpression()
          .plus(s.capturable, 1 + 1e-12)
          .add(1e-9, 0)
          .plus(s.ccs, -1),
      );
    }
    // The inventory's woody stands grow along the curve from the base year: a line's sink scales
    // with its stock, so the year's sink is the line's sink × S'(A + n) / (S(A)/A) at the central values.
    const n = year - baseYear;
    const sinks = new DrawExpression();
    for (const [at, e] of final.sinks) {
      const line = final.sinkLines[at]!;
      const stock = line.growingStockTC ?? line.stockTC;
      const grows = line.woody === true && line.ageYears !== undefined && stock !== undefined;
      const k =
        grows && line.sinkTCO2ePerYr !== 0
          ? existingStandSinkTCO2e(stock, line.ageYears!, n, growth) / line.sinkTCO2ePerYr
          : 1;
      sinks.plus(e, k);
    }
    const offsets = baseInput.offsets.boughtTCO2e - baseInput.offsets.soldTCO2e + extraOffsets;
    const ccs = new DrawExpression().plus(final.ccs).plus(extraCcs);
    years.push(year);
    coalByYear.push(coal);
    out.push({
      net: new DrawExpression()
        .plus(final.gross)
        .plus(sinks, -1)
        .add(-extraSinks - offsets, 0)
        .plus(ccs, -1),
      gross: final.gross,
      energy: final.energy,
      methane: final.methane,
      sinks: new DrawExpression().plus(sinks).add(extraSinks, 0),
      ccs,
      capturable: final.capturable,
      offsets: X.constant(offsets),
    });
  }
  // Reclamation takes at most the land the baseline has: without miningLandHa, the boundary less the
  // (drawn) areas of its stands and ecosystems.
  const reclaimedHa = scenario.measures.reduce(
    (a, m) => a + (m.kind === "reclamation" ? m.hectaresPerYear * Math.max(0, m.years) : 0),
    0,
  );
  if (reclaimedHa > 0 && baseInput.miningLandHa === undefined) {
    const land = X.constant(baseInput.boundaryAreaHa);
    baseInput.sinks.forest.forEach((f, i) =>
      land.plus(ratioTerm(-f.areaHa, `activity:sinks.forest[${i}].areaHa`)),
    );
    baseInput.sinks.ecosystems.forEach((e, i) =>
      land.plus(ratioTerm(-e.areaHa, `activity:sinks.ecosystems[${i}].areaHa`)),
    );
    slacks.push(new DrawExpression().plus(X.max0(land), 1 + 1e-12).add(1e-9 - reclaimedHa, 0));
  }
  const netOf = X.evaluator([...out.map((o) => o.net), ...slacks]);
  const partNames = ["net", "gross", "energy", "methane", "sinks", "ccs", "capturable", "offsets"] as const;
  const partsOf = X.evaluator(out.flatMap((o) => partNames.map((p) => o[p])));
  const entries =
    [...out.map((o) => o.net), ...slacks].reduce((a, e) => a + e.entries.size, 0) + X.nodeEntries;
  return {
    baseYear,
    years,
    inputs: [...drawn],
    size: {
      monomials: X.monomialCount,
      nodes: X.nodeCount,
      entries,
      arrays: X.monomialCount + X.nodeCount + out.length + slacks.length,
    },
    parts(ratios) {
      const given = drawn.map((_, i) => Float64Array.of(ratios?.[i] ?? 1));
      const v = partsOf(given, 1).map((a) => a[0]!);
      return years.map((year, y) => {
        const at = (p: (typeof partNames)[number]) => v[y * partNames.length + partNames.indexOf(p)]!;
        return {
          year,
          coalOutputT: coalByYear[y]!,
          energyTCO2e: at("energy"),
          methaneTCO2e: at("methane"),
          otherTCO2e: at("gross") - at("energy") - at("methane"),
          grossTCO2e: at("gross"),
          sinksTCO2e: at("sinks"),
          ccsTCO2e: at("ccs"),
          ccsCapturableTCO2: at("capturable"),
          offsetsTCO2e: at("offsets"),
          netTCO2e: at("net"),
        };
      });
    },
    draws(ratios, count) {
      const v = netOf(ratios, count);
      const nets = v.slice(0, years.length);
      const rejected = new Uint8Array(count);
      for (const s of v.slice(years.length)) for (let d = 0; d < count; d++) if (s[d]! < 0) rejected[d] = 1;
      for (const a of nets) for (let d = 0; d < count; d++) if (!Number.isFinite(a[d]!)) rejected[d] = 1;
      return { nets, rejected };
    },
  };
}

/**
 * The baseline year moved to `year` with its activity in proportion to coal output (ratio r), as
 * projectPathway's scaledYear does: energy, agricultural inputs, methane and CO2 amounts, explosives.
 */
function scaledYear(base: YearDoc, year: number, coal: number, r: number): YearDoc {
  const y = structuredClone(base);
  y.year = year;
  y.coalOutputT = coal;
  const uses = (list: Use[]) => list.map((u) => ({ ...u, amount: u.amount * r }));
  const gas = (list: Gas[]) =>
    list.map((g) => ({
      ...g,
      ...(g.massT !== undefined ? { massT: g.massT * r } : {}),
      ...(g.volumeM3 !== undefined ? { volumeM3: g.volumeM3 * r } : {}),
    }));
  y.energy = uses(y.energy);
  y.residential = uses(y.residential);
  y.transport = uses(y.transport);
  y.agricultural.energy = uses(y.agricultural.energy);
  y.agricultural.inputs = y.agricultural.inputs.map((i) => ({ ...i, amountT: i.amountT * r }));
  const m = y.methane;
  m.underground = gas(m.underground);
  m.utilised = gas(m.utilised);
  for (const k of ["flared", "vamOxidised"] as const) {
    const d = m[k];
    if (d) d.amounts = gas(d.amounts);
  }
  for (const k of ["postMining", "openPit", "openPitPostMining"] as const) {
    const ref = m[k];
    if (ref?.coalOutputT !== undefined) ref.coalOutputT = ref.coalOutputT * r;
  }
  y.co2Fugitive = gas(y.co2Fugitive);
  y.explosives = y.explosives.map((e) => ({ ...e, amountT: e.amountT * r }));
  return y;
}
