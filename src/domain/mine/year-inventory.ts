import { CO2_PER_C, tC } from "../../units/carbon.ts";
import { CO2_PER_CH4_BURNED } from "../../units/gas.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { NonFiniteQuantityError } from "../../units/quantity.ts";
import { InputError } from "../validation/input-issue.ts";
import { ECOSYSTEMS, yearlySink, type SinkReading } from "./ecosystems.ts";
import { energyEmission } from "./energy-emission.ts";
import type { CombustionMethod } from "./energy-carriers.ts";
import { forestStock } from "./forest-sink.ts";
import { gasMassT } from "./gas-mass.ts";
import { coalMethaneT } from "./coal-methane.ts";
import type { InventoryYearInput } from "./inventory-spec.ts";

/** Where a source sits in seed 002's balance (Eq. 1–5). */
export type SourceComponent =
  | "P_M industrial and mining land"
  | "P_R residential land"
  | "P_S road transport"
  | "P_A agricultural land"
  | "C_under underground"
  | "open-pit mining"
  | "methane recovery"
  | "explosives";

/** One emission source of one year, t CO2e/yr, with its energy where it is an energy use. */
export interface SourceLine {
  readonly component: SourceComponent;
  readonly label: string;
  readonly tCO2ePerYr: number;
  readonly tce?: number;
  readonly gas: "CO2" | "CH4";
  readonly massT?: number;
  readonly detail: string;
  readonly factorIds: readonly string[];
  /** Share of the year's gross emissions. */
  share: number;
}

/** One sink of one year: the stock it holds and the yearly sink counted under the stated reading. */
export interface SinkLine {
  readonly kind: "forest" | "ecosystem" | "ccs";
  readonly label: string;
  readonly areaHa?: number;
  readonly stockTC?: number;
  readonly stockTCO2e?: number;
  readonly sinkTCO2ePerYr: number;
  readonly detail: string;
  readonly assumption?: string;
  readonly factorIds: readonly string[];
}

/** The inventory and balance of one year (seed 002 Eq. 1 for one year). */
export interface YearInventory {
  readonly year: number;
  readonly boundaryAreaHa: number;
  readonly coalOutputT: number;
  readonly sources: readonly SourceLine[];
  readonly sinks: readonly SinkLine[];
  readonly methane: {
    readonly gwpCH4: number;
    readonly undergroundLiberatedTCH4: number;
    readonly postMiningTCH4: number;
    readonly openPitTCH4: number;
    readonly utilisedTCH4: number;
    readonly flaredTCH4: number;
    readonly flareDestroyedTCH4: number;
    readonly emittedTCH4: number;
  };
  readonly totals: {
    readonly energyTce: number;
    readonly aboveGroundTCO2ePerYr: number;
    readonly undergroundTCO2ePerYr: number;
    readonly otherTCO2ePerYr: number;
    readonly grossEmissionTCO2ePerYr: number;
    readonly sinkTCO2ePerYr: number;
    readonly ccsTCO2ePerYr: number;
    readonly offsetsSoldTCO2e: number;
    readonly offsetsBoughtTCO2e: number;
    /** C_above + C_under − C_min + C_S − C_c for the year; ≤ 0 is neutral. */
    readonly balanceTCO2ePerYr: number;
    readonly neutral: boolean;
    /** What is left to remove or offset for neutrality: max(balance, 0). */
    readonly gapTCO2ePerYr: number;
  };
  readonly intensity: {
    readonly grossTCO2ePerTCoal: number | null;
    readonly balanceTCO2ePerTCoal: number | null;
    readonly grossTCO2ePerHa: number;
    readonly balanceTCO2ePerHa: number;
    readonly energyTcePerTCoal: number | null;
  };
}

const ABOVE: readonly SourceComponent[] = [
  "P_M industrial and mining land",
  "P_R residential land",
  "P_S road transport",
  "P_A agricultural land",
];

/**
 * The inventory of one mine-year (seed 002 Eq. 1–12): above-ground sources P_M, P_R, P_S (with the
 * low-carbon share B_s), P_A; underground CH4 × GWP + CO2 (Eq. 5) with post-mining and open-pit
 * methane by production factors, recovered methane deducted (flared: only the destroyed share) and the
 * CO2 of burning it added; explosives; sinks by forest stand (Eq. 8–9) and ecosystem (Eq. 10–12) under
 * the stated reading; CCS; offsets; the year's balance, gap, shares and intensities.
 */
export function yearInventory(
  y: InventoryYearInput,
  options: {
    gwpCH4: number;
    gwpFactorId: string;
    combustionMethod: CombustionMethod;
    sinkReading: SinkReading;
  },
  table: FactorTable,
  where: string,
  /** Where the year sits in its document (years[2]), to prefix the paths of problems. */
  at = "",
): YearInventory {
  const pathOf = (p: string) => (at ? `${at}.${p}` : p);
  // A line whose figure overflows names the input it comes from (with the bounds of inventory-spec
  // this takes a --factors value far beyond any real factor), whether the overflow shows in the line
  // or already in a quantity built on the way (a non-finite t C).
  const overflow = (path: string, what: string) =>
    new InputError(where, [
      {
        path: pathOf(path),
        message: `gives ${what} that is not a finite number: the amount times its factors overflows; check the amount, its unit and the factors it uses`,
      },
    ]);
  const guard = <T>(path: string, what: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof NonFiniteQuantityError) throw overflow(path, what);
      throw e;
    }
  };
  const sources: SourceLine[] = [];
  // The input field each source and sink comes from, to name it when its figure is not finite.
  const sourceOrigins: string[] = [];
  let energyTce = 0;
  const addEnergy = (
    component: SourceComponent,
    uses: readonly (InventoryYearInput["energy"][number] & { lowCarbonShare?: number })[],
    path: string,
  ) => {
    for (const [i, u] of uses.entries()) {
      const e = guard(`${path}[${i}].amount`, `an emission (${u.carrier})`, () =>
        energyEmission(u, options.combustionMethod, table, u.lowCarbonShare ?? 0),
      );
      energyTce += e.tce;
      sourceOrigins.push(`${path}[${i}].amount`);
      sources.push({
        component,
        label: `${u.carrier} ${u.amount} ${u.unit}${e.lowCarbonShare ? ` (low-carbon share ${e.lowCarbonShare})` : ""}`,
        tCO2ePerYr: e.tCO2e,
        tce: e.tce,
        gas: "CO2",
        detail: e.method + (e.lowCarbonShare ? " × (1 − B_s)" : ""),
        factorIds: e.factorIds,
        share: 0,
      });
    }
  };
  addEnergy("P_M industrial and mining land", y.energy, "energy");
  addEnergy("P_R residential land", y.residential, "residential");
  addEnergy("P_S road transport", y.transport, "transport");
  addEnergy("P_A agricultural land", y.agricultural.energy, "agricultural.energy");
  for (const [i, inp] of y.agricultural.inputs.entries()) {
    const perT = table.value(inp.factor, "t CO2/t").value; // unit checked by parseInventoryInput
    sourceOrigins.push(`agricultural.inputs[${i}].amountT`);
    sources.push({
      component: "P_A agricultural land",
      label: `${inp.item} ${inp.amountT} t`,
      tCO2ePerYr: inp.amountT * perT,
      gas: "CO2",
      detail: "amount × emission factor",
      factorIds: [inp.factor],
      share: 0,
    });
  }

  // Methane (Eq. 5 and IPCC Tier 1 production factors); recovered methane is deducted.
  const gwpIds = [options.gwpFactorId];
  const sumGas = (list: InventoryYearInput["methane"]["underground"], gas: "CH4" | "CO2") => {
    let mass = 0;
    const ids: string[] = [];
    const how: string[] = [];
    for (const a of list) {
      const m = gasMassT(a, gas, table);
      mass += m.massT;
      ids.push(...m.factorIds);
      how.push(m.how);
    }
    return { mass, ids, how: how.join(" + ") };
  };
  const liberated = sumGas(y.methane.underground, "CH4");
  const post = y.methane.postMining ? coalMethaneT(y.methane.postMining, y.coalOutputT, table) : undefined;
  const pit = y.methane.openPit ? coalMethaneT(y.methane.openPit, y.coalOutputT, table) : undefined;
  const pitPost = y.methane.openPitPostMining
    ? coalMethaneT(y.methane.openPitPostMining, y.coalOutputT, table)
    : undefined;
  const utilised = sumGas(y.methane.utilised, "CH4");
  const flared = y.methane.flared ? sumGas(y.methane.flared.amounts, "CH4") : { mass: 0, ids: [], how: "" };
  const effId = y.methane.flared?.efficiencyFactor ?? "ipcc06.coal.flare.efficiency";
  const efficiency = y.methane.flared ? table.value(effId, "fraction").value : 0;
  const destroyed = flared.mass * efficiency;
  const ch4Sources: {
    component: SourceComponent;
    label: string;
    mass: number;
    ids: string[];
    how: string;
    origin: string;
  }[] = [];
  if (y.methane.underground.length) {
    ch4Sources.push({
      origin: "methane.underground",
      component: "C_under underground",
      label: "underground methane (drainage and ventilation)",
      mass: liberated.mass,
      ids: liberated.ids,
      how: liberated.how,
    });
  }
  if (post)
    ch4Sources.push({
      origin: "methane.postMining",
      component: "C_under underground",
      label: "post-mining methane",
      mass: post.massT,
      ids: post.factorIds,
      how: post.how,
    });
  if (pit)
    ch4Sources.push({
      origin: "methane.openPit",
      component: "open-pit mining",
      label: "open-pit mining methane",
      mass: pit.massT,
      ids: pit.factorIds,
      how: pit.how,
    });
  if (pitPost)
    ch4Sources.push({
      origin: "methane.openPitPostMining",
      component: "open-pit mining",
      label: "open-pit post-mining methane",
      mass: pitPost.massT,
      ids: pitPost.factorIds,
      how: pitPost.how,
    });
  const generated = ch4Sources.reduce((s, c) => s + c.mass, 0);
  const recovered = utilised.mass + destroyed;
  if (recovered > generated + 1e-9) {
    throw new InputError(where, [
      {
        path: pathOf("methane"),
        message: `methane utilised and destroyed by flaring (${recovered} t CH4) must not exceed the methane liberated and estimated (${generated} t CH4)`,
      },
    ]);
  }
  for (const c of ch4Sources) {
    sourceOrigins.push(c.origin);
    sources.push({
      component: c.component,
      label: c.label,
      tCO2ePerYr: c.mass * options.gwpCH4,
      gas: "CH4",
      massT: c.mass,
      detail: `${c.how}; × GWP ${options.gwpCH4}`,
      factorIds: [...c.ids, ...gwpIds],
      share: 0,
    });
  }
  if (recovered > 0) {
    sourceOrigins.push("methane.utilised", "methane.flared");
    sources.push({
      component: "methane recovery",
      label: "methane utilised or destroyed in flares (deducted)",
      tCO2ePerYr: -recovered * options.gwpCH4,
      gas: "CH4",
      massT: -recovered,
      detail: `utilised ${utilised.mass} t + flared ${flared.mass} t × efficiency ${efficiency}; × GWP ${options.gwpCH4}`,
      factorIds: [...utilised.ids, ...flared.ids, ...(y.methane.flared ? [effId] : []), ...gwpIds],
      share: 0,
    });
    sources.push({
      component: "methane recovery",
      label: "CO2 from burning the recovered methane",
      tCO2ePerYr: recovered * CO2_PER_CH4_BURNED,
      gas: "CO2",
      massT: recovered * CO2_PER_CH4_BURNED,
      detail: `${recovered} t CH4 × 44/16`,
      factorIds: ["const.ch4_to_co2"],
      share: 0,
    });
    table.factor("const.ch4_to_co2");
  }
  if (y.co2Fugitive.length) {
    const co2 = sumGas(y.co2Fugitive, "CO2");
    sourceOrigins.push("co2Fugitive");
    sources.push({
      component: "C_under underground",
      label: "underground CO2 (drainage and ventilation)",
      tCO2ePerYr: co2.mass,
      gas: "CO2",
      massT: co2.mass,
      detail: co2.how,
      factorIds: co2.ids,
      share: 0,
    });
  }
  for (const [i, e] of y.explosives.entries()) {
    const ef = table.value(e.factor, "t CO2/t").value;
    sourceOrigins.push(`explosives[${i}].amountT`);
    sources.push({
      component: "explosives",
      label: `${e.type} ${e.amountT} t`,
      tCO2ePerYr: e.amountT * ef,
      gas: "CO2",
      detail: `${e.amountT} t × ${ef} t CO2/t`,
      factorIds: [e.factor],
      share: 0,
    });
  }

  // Sinks (Eq. 6–12) under the stated reading.
  const sinks: SinkLine[] = [];
  const sinkOrigins: string[] = [];
  const paper = options.sinkReading === "seed002-density-as-annual";
  for (const [i, f] of y.sinks.forest.entries()) {
    sinkOrigins.push(`sinks.forest[${i}]`);
    const [s, yearly] = guard(`sinks.forest[${i}]`, `a sink (${f.label})`, () => {
      const stock = forestStock(f.species, f.areaHa, f.volumeM3PerHa, f.withSoil, table);
      return [stock, yearlySink(tC(stock.stockTC), options.sinkReading, f.standAgeYears)] as const;
    });
    sinks.push({
      kind: "forest",
      label: f.label,
      areaHa: f.areaHa,
      stockTC: s.stockTC,
      stockTCO2e: s.stockTCO2e,
      sinkTCO2ePerYr: yearly,
      detail:
        `B = a + b·V = ${round(s.biomassTPerHa)} t/ha (V ${s.volumeM3PerHa} m³/ha); B·Cρ${s.soilTCPerHa ? " + soil" : ""} = ${round(s.carbonTCPerHa)} t C/ha; × ${f.areaHa} ha × 44/12` +
        (paper ? "; counted as a yearly sink (seed 002 reading)" : `; ÷ stand age ${f.standAgeYears} yr`),
      ...(f.assumption ? { assumption: f.assumption } : {}),
      factorIds: s.factorIds,
    });
  }
  for (const [i, e] of y.sinks.ecosystems.entries()) {
    sinkOrigins.push(`sinks.ecosystems[${i}]`);
    const eco = ECOSYSTEMS[e.type]!;
    const id = e.densityFactor ?? eco.density;
    const density = table.value(id, "t C/ha").value;
    const stockTC = e.areaHa * density;
    const stockTCO2e = stockTC * CO2_PER_C;
    sinks.push({
      kind: "ecosystem",
      label: e.label ?? eco.name,
      areaHa: e.areaHa,
      stockTC,
      stockTCO2e,
      sinkTCO2ePerYr: guard(`sinks.ecosystems[${i}]`, `a sink (${e.label ?? eco.name})`, () =>
        yearlySink(tC(stockTC), options.sinkReading, e.accumulationYears),
      ),
      detail:
        `${e.areaHa} ha × ${density} t C/ha (${eco.equation}) × 44/12` +
        (paper
          ? "; counted as a yearly sink (seed 002 reading)"
          : `; ÷ ${e.accumulationYears} accumulation years`),
      ...(e.assumption ? { assumption: e.assumption } : {}),
      factorIds: [id],
    });
  }
  if (y.ccsStoredTCO2 > 0) {
    sinkOrigins.push("ccsStoredTCO2");
    sinks.push({
      kind: "ccs",
      label: "CO2 captured and stored (CCS)",
      sinkTCO2ePerYr: y.ccsStoredTCO2,
      detail: "as given",
      factorIds: [],
    });
  }

  sources.forEach((s, i) => {
    if (!Number.isFinite(s.tCO2ePerYr) || (s.tce !== undefined && !Number.isFinite(s.tce)))
      throw overflow(sourceOrigins[i]!, `an emission (${s.label})`);
  });
  sinks.forEach((s, i) => {
    if (!Number.isFinite(s.sinkTCO2ePerYr) || (s.stockTC !== undefined && !Number.isFinite(s.stockTC)))
      throw overflow(sinkOrigins[i]!, `a sink (${s.label})`);
  });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const gross = sum(sources.map((s) => s.tCO2ePerYr));
  for (const s of sources) s.share = gross > 0 ? s.tCO2ePerYr / gross : 0;
  const above = sum(sources.filter((s) => ABOVE.includes(s.component)).map((s) => s.tCO2ePerYr));
  const under = sum(sources.filter((s) => s.component === "C_under underground").map((s) => s.tCO2ePerYr));
  const sinkTotal = sum(sinks.filter((s) => s.kind !== "ccs").map((s) => s.sinkTCO2ePerYr));
  const ccs = y.ccsStoredTCO2;
  const balance = gross - sinkTotal - ccs + y.offsets.soldTCO2e - y.offsets.boughtTCO2e;
  const perCoal = (v: number) => (y.coalOutputT > 0 ? v / y.coalOutputT : null);
  return {
    year: y.year,
    boundaryAreaHa: y.boundaryAreaHa,
    coalOutputT: y.coalOutputT,
    sources,
    sinks,
    methane: {
      gwpCH4: options.gwpCH4,
      undergroundLiberatedTCH4: liberated.mass,
      postMiningTCH4: post?.massT ?? 0,
      openPitTCH4: (pit?.massT ?? 0) + (pitPost?.massT ?? 0),
      utilisedTCH4: utilised.mass,
      flaredTCH4: flared.mass,
      flareDestroyedTCH4: destroyed,
      emittedTCH4: generated - recovered,
    },
    totals: {
      energyTce,
      aboveGroundTCO2ePerYr: above,
      undergroundTCO2ePerYr: under,
      otherTCO2ePerYr: gross - above - under,
      grossEmissionTCO2ePerYr: gross,
      sinkTCO2ePerYr: sinkTotal,
      ccsTCO2ePerYr: ccs,
      offsetsSoldTCO2e: y.offsets.soldTCO2e,
      offsetsBoughtTCO2e: y.offsets.boughtTCO2e,
      balanceTCO2ePerYr: balance,
      neutral: balance <= 0,
      gapTCO2ePerYr: Math.max(balance, 0),
    },
    intensity: {
      grossTCO2ePerTCoal: perCoal(gross),
      balanceTCO2ePerTCoal: perCoal(balance),
      grossTCO2ePerHa: gross / y.boundaryAreaHa,
      balanceTCO2ePerHa: balance / y.boundaryAreaHa,
      energyTcePerTCoal: perCoal(energyTce),
    },
  };
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
