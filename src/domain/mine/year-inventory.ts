import { carbonFluxToCO2e, carbonToCO2e, co2eFluxPerCarbonOver, tC, tCPerYr } from "../../units/carbon.ts";
import { years } from "../../units/time.ts";
import { co2FromBurnedMethane, co2ToCO2e, tCH4 } from "../../units/gas.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { NonFiniteQuantityError } from "../../units/quantity.ts";
import { InputError } from "../validation/input-issue.ts";
import type { CombustionSector } from "./combustion-non-co2.ts";
import { ECOSYSTEMS, SOIL_UNCHANGED, yearlySink, type SinkReading } from "./ecosystems.ts";
import { energyEmission } from "./energy-emission.ts";
import type { CombustionMethod } from "./energy-carriers.ts";
import { forestStock } from "./forest-sink.ts";
import { gasMassT, type GasVolumeReading } from "./gas-mass.ts";
import { coalMethaneT } from "./coal-methane.ts";
import type { InventoryYearInput } from "./inventory-spec.ts";
import {
  CAPTURABLE,
  CCS,
  CH4_GENERATED,
  CH4_RECOVERED,
  energyActivityKind,
  SINKS,
  type InventoryModel,
} from "./inventory-uncertainty.ts";
import { FOREST_SOIL_FACTOR, TREE_SPECIES } from "./tree-species.ts";

/** The default flare combustion efficiency (IPCC 2006 Vol. 2 Ch. 4). */
export const FLARE_EFFICIENCY = "ipcc06.coal.flare.efficiency";
/** The default destruction efficiency of a ventilation-air-methane oxidiser (an assumption, said so). */
export const VAM_OXIDISER_EFFICIENCY = "coal.vam_oxidiser.efficiency";

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
  /** The gas; "CH4+N2O" is the CH4 and N2O of burning a fuel, in one line per energy use. */
  readonly gas: "CO2" | "CH4" | "CH4+N2O";
  readonly massT?: number;
  /** For "CH4+N2O" lines: the masses of each gas, t. */
  readonly ch4T?: number;
  readonly n2oT?: number;
  /**
   * CO2 that carbon capture can take from this source, t CO2/yr: point sources only — fuel burned in
   * stationary sources on industrial and mining land, and recovered methane burned in engines,
   * boilers or flares. Absent where nothing can be captured (methane, N2O, purchased electricity and
   * heat, mobile machinery and vehicles, ventilation-air CO2 (oxidised ventilation-air methane too),
   * explosives, households and farms).
   */
  readonly capturableTCO2?: number;
  readonly detail: string;
  readonly factorIds: readonly string[];
  /** Share of the year's gross emissions. */
  share: number;
}

/** What carbon capture and storage can apply to in a year, and why only that. */
export interface CcsScope {
  /** Point-source CO2 of the year, t CO2/yr: the most CCS can capture. */
  readonly capturableTCO2: number;
  readonly parts: readonly { readonly label: string; readonly tCO2: number }[];
  readonly note: string;
}

/** The text that says what CCS applies to, in every result that has a CCS figure. */
export const CCS_SCOPE_NOTE =
  "CCS captures point-source CO2 only: fuel burned in stationary sources on industrial and mining land and recovered methane burned in engines, boilers or flares; methane, N2O, purchased electricity and heat (emitted where generated), mobile machinery and vehicles, ventilation-air CO2 (that of oxidised ventilation-air methane too), explosives and households cannot be captured by the mine";

/** One sink of one year: the stock it holds and the yearly sink counted under the stated reading. */
export interface SinkLine {
  readonly kind: "forest" | "ecosystem" | "ccs";
  readonly label: string;
  readonly areaHa?: number;
  readonly stockTC?: number;
  readonly stockTCO2e?: number;
  readonly sinkTCO2ePerYr: number;
  /** A stand of perennial woody biomass (forest, shrub) that grows with its age. */
  readonly woody?: boolean;
  /** The stand age or accumulation years the stock was divided by, where it was. */
  readonly ageYears?: number;
  /**
   * The part of the stock that grows, t C: the one divided by the age to give the yearly sink (the
   * biomass only under ipcc-tier1; biomass and soil under annual-increment). Woody stands only.
   */
  readonly growingStockTC?: number;
  readonly detail: string;
  readonly assumption?: string;
  readonly factorIds: readonly string[];
}

/** The inventory and balance of one year (seed 002 Eq. 1 for one year). */
export interface YearInventory {
  readonly year: number;
  readonly boundaryAreaHa: number;
  readonly coalOutputT: number;
  /** Industrial and mining land within the boundary, when the input gives it (ha). */
  readonly miningLandHa?: number;
  readonly sources: readonly SourceLine[];
  readonly sinks: readonly SinkLine[];
  /** What CCS can capture this year (point-source CO2) and what it cannot. */
  readonly ccs: CcsScope;
  /** Every gas volume read (given, behind a weighed mass, or from a factor in m³/t) and its other reading. */
  readonly gasVolumes: readonly GasVolumeReading[];
  /** Warnings about this year's readings (a stock turned into a yearly flux over one year …). */
  readonly warnings: readonly string[];
  readonly methane: {
    readonly gwpCH4: number;
    readonly undergroundLiberatedTCH4: number;
    readonly postMiningTCH4: number;
    readonly openPitTCH4: number;
    readonly utilisedTCH4: number;
    readonly flaredTCH4: number;
    readonly flareDestroyedTCH4: number;
    /** Ventilation-air methane sent to oxidisers, and the part they destroy (its CO2 is not capturable). */
    readonly vamOxidisedTCH4: number;
    readonly vamDestroyedTCH4: number;
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
 * CO2 of burning it added, ventilation-air methane oxidised likewise (its CO2 not capturable); explosives; sinks by forest stand (Eq. 8–9) and ecosystem (Eq. 10–12) under
 * the stated reading; CCS; offsets; the year's balance, gap, shares and intensities.
 */
export function yearInventory(
  y: InventoryYearInput,
  options: {
    gwpCH4: number;
    gwpFactorId: string;
    gwpN2O: number;
    gwpN2OFactorId: string;
    combustionMethod: CombustionMethod;
    sinkReading: SinkReading;
  },
  table: FactorTable,
  where: string,
  /** Where the year sits in its document (years[2]), to prefix the paths of problems. */
  at = "",
  /** Collects the year's uncertainty model (inputs and terms of every source and sink) when given. */
  model?: InventoryModel,
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
  const warnings: string[] = [];
  const gasVolumes: GasVolumeReading[] = [];
  // The input field each source and sink comes from, to name it when its figure is not finite.
  const sourceOrigins: string[] = [];
  let energyTce = 0;
  const gwpN2OIds = [options.gwpN2OFactorId];
  const addEnergy = (
    component: SourceComponent,
    sector: CombustionSector,
    uses: readonly (InventoryYearInput["energy"][number] & { lowCarbonShare?: number })[],
    path: string,
  ) => {
    for (const [i, u] of uses.entries()) {
      const e = guard(`${path}[${i}].amount`, `an emission (${u.carrier})`, () =>
        energyEmission(u, options.combustionMethod, table, u.lowCarbonShare ?? 0, {
          sector,
          gwpCH4: options.gwpCH4,
          gwpN2O: options.gwpN2O,
        }),
      );
      energyTce += e.tce;
      const label = `${u.carrier} ${u.amount} ${u.unit}${e.lowCarbonShare ? ` (low-carbon share ${e.lowCarbonShare})` : ""}`;
      // Only fuel burned in stationary sources on industrial and mining land is a point source.
      const capturable = sector === "mining" && e.nonCO2?.use === "stationary";
      if (model) {
        const amount = model.activity(
          `${path}[${i}].amount`,
          `${label} (${pathOf(`${path}[${i}].amount`)})`,
          energyActivityKind(u.carrier, sector),
          u.amount,
          u.unit,
          u.uncertainty,
        );
        const co2 = [amount, ...e.co2FactorIds.map((f) => model.factor(f))];
        model.term(capturable ? [component, CAPTURABLE] : component, e.tCO2e, co2);
        if (e.nonCO2) {
          const energy = [amount, ...e.nonCO2.energyFactorIds.map((f) => model.factor(f))];
          model.term(component, e.nonCO2.ch4T * options.gwpCH4, [
            ...energy,
            model.factor(e.nonCO2.ch4FactorId),
            model.factor(options.gwpFactorId),
          ]);
          model.term(component, e.nonCO2.n2oT * options.gwpN2O, [
            ...energy,
            model.factor(e.nonCO2.n2oFactorId),
            model.factor(options.gwpN2OFactorId),
          ]);
        }
      }
      sourceOrigins.push(`${path}[${i}].amount`);
      sources.push({
        component,
        label,
        tCO2ePerYr: e.tCO2e,
        tce: e.tce,
        gas: "CO2",
        ...(capturable ? { capturableTCO2: e.tCO2e } : {}),
        detail: e.method + (e.lowCarbonShare ? " × (1 − B_s)" : ""),
        factorIds: e.factorIds,
        share: 0,
      });
      if (e.nonCO2) {
        sourceOrigins.push(`${path}[${i}].amount`);
        sources.push({
          component,
          label: `${label}: CH4 and N2O of combustion`,
          tCO2ePerYr: e.nonCO2.tCO2e,
          gas: "CH4+N2O",
          ch4T: e.nonCO2.ch4T,
          n2oT: e.nonCO2.n2oT,
          detail: e.nonCO2.how,
          factorIds: [...e.nonCO2.factorIds, options.gwpFactorId, ...gwpN2OIds],
          share: 0,
        });
      }
    }
  };
  addEnergy("P_M industrial and mining land", "mining", y.energy, "energy");
  addEnergy("P_R residential land", "residential", y.residential, "residential");
  addEnergy("P_S road transport", "transport", y.transport, "transport");
  addEnergy("P_A agricultural land", "agricultural", y.agricultural.energy, "agricultural.energy");
  for (const [i, inp] of y.agricultural.inputs.entries()) {
    const perT = table.value(inp.factor, "t CO2/t").value; // unit checked by parseInventoryInput
    sourceOrigins.push(`agricultural.inputs[${i}].amountT`);
    if (model)
      model.term("P_A agricultural land", inp.amountT * perT, [
        model.activity(
          `agricultural.inputs[${i}].amountT`,
          `${inp.item} ${inp.amountT} t (${pathOf(`agricultural.inputs[${i}].amountT`)})`,
          "agricultural-input",
          inp.amountT,
          "t",
          inp.uncertainty,
        ),
        model.factor(inp.factor),
      ]);
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
  // Each gas amount is a part: its mass and, for the uncertainty, the inputs it is the product of.
  type GasPart = { mass: number; inputs: string[] };
  const sumGas = (
    list: InventoryYearInput["methane"]["underground"],
    gas: "CH4" | "CO2",
    what: string,
    path: string,
  ) => {
    let mass = 0;
    const ids: string[] = [];
    const how: string[] = [];
    const parts: GasPart[] = [];
    for (const [i, a] of list.entries()) {
      const m = gasMassT(a, gas, table, a.label ? `${what}: ${a.label}` : what);
      mass += m.massT;
      ids.push(...m.factorIds);
      how.push(m.how);
      if (m.reading) gasVolumes.push(m.reading);
      if (model) {
        const field = "volumeM3" in a ? "volumeM3" : "massT";
        const amount = model.activity(
          `${path}[${i}].${field}`,
          `${a.label ? `${what}: ${a.label}` : what} (${pathOf(`${path}[${i}].${field}`)})`,
          "gas-measured",
          "volumeM3" in a ? a.volumeM3 : a.massT,
          "volumeM3" in a ? "m³" : "t",
          a.uncertainty,
        );
        // A volume is weighed with its density; a mass as given does not depend on one.
        parts.push({
          mass: m.massT,
          inputs: "volumeM3" in a ? [amount, model.factor(m.factorIds[0]!)] : [amount],
        });
      }
    }
    return { mass, ids, how: how.join(" + "), parts };
  };
  const byFactor = (
    ref: InventoryYearInput["methane"]["postMining"],
    what: string,
    key: "postMining" | "openPit" | "openPitPostMining",
  ) => {
    if (!ref) return undefined;
    const m = coalMethaneT(ref, y.coalOutputT, table, what);
    if (m.reading) gasVolumes.push(m.reading);
    const parts: GasPart[] = [];
    if (model) {
      const own = ref.coalOutputT !== undefined;
      const path = own ? `methane.${key}.coalOutputT` : "coalOutputT";
      const output = model.activity(
        path,
        `coal output for ${what} (${pathOf(path)})`,
        "coal-output",
        ref.coalOutputT ?? y.coalOutputT,
        "t",
        own ? ref.coalOutputUncertainty : y.coalOutputUncertainty,
      );
      parts.push({ mass: m.massT, inputs: [output, ...m.factorIds.map((f) => model.factor(f))] });
    }
    return { ...m, parts };
  };
  const liberated = sumGas(y.methane.underground, "CH4", "underground methane", "methane.underground");
  const post = byFactor(y.methane.postMining, "post-mining methane", "postMining");
  const pit = byFactor(y.methane.openPit, "open-pit mining methane", "openPit");
  const pitPost = byFactor(y.methane.openPitPostMining, "open-pit post-mining methane", "openPitPostMining");
  const utilised = sumGas(y.methane.utilised, "CH4", "methane utilised", "methane.utilised");
  const flared = y.methane.flared
    ? sumGas(y.methane.flared.amounts, "CH4", "methane flared", "methane.flared.amounts")
    : { mass: 0, ids: [], how: "", parts: [] as GasPart[] };
  const effId = y.methane.flared?.efficiencyFactor ?? FLARE_EFFICIENCY;
  const efficiency = y.methane.flared ? table.value(effId, "fraction").value : 0;
  const destroyed = flared.mass * efficiency;
  // Ventilation-air methane oxidised: destroyed like flared methane, but its CO2 is not capturable.
  const vam = y.methane.vamOxidised
    ? sumGas(
        y.methane.vamOxidised.amounts,
        "CH4",
        "ventilation-air methane oxidised",
        "methane.vamOxidised.amounts",
      )
    : { mass: 0, ids: [], how: "", parts: [] as GasPart[] };
  const vamEffId = y.methane.vamOxidised?.efficiencyFactor ?? VAM_OXIDISER_EFFICIENCY;
  const vamEfficiency = y.methane.vamOxidised ? table.value(vamEffId, "fraction").value : 0;
  const vamDestroyed = vam.mass * vamEfficiency;
  const ch4Sources: {
    component: SourceComponent;
    label: string;
    mass: number;
    ids: string[];
    how: string;
    origin: string;
    parts: GasPart[];
  }[] = [];
  if (y.methane.underground.length) {
    ch4Sources.push({
      origin: "methane.underground",
      component: "C_under underground",
      label: "underground methane (drainage and ventilation)",
      mass: liberated.mass,
      ids: liberated.ids,
      how: liberated.how,
      parts: liberated.parts,
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
      parts: post.parts,
    });
  if (pit)
    ch4Sources.push({
      origin: "methane.openPit",
      component: "open-pit mining",
      label: "open-pit mining methane",
      mass: pit.massT,
      ids: pit.factorIds,
      how: pit.how,
      parts: pit.parts,
    });
  if (pitPost)
    ch4Sources.push({
      origin: "methane.openPitPostMining",
      component: "open-pit mining",
      label: "open-pit post-mining methane",
      mass: pitPost.massT,
      ids: pitPost.factorIds,
      how: pitPost.how,
      parts: pitPost.parts,
    });
  const generated = ch4Sources.reduce((s, c) => s + c.mass, 0);
  // Recovered: utilised or flared (its CO2 a point source); oxidised in the ventilation air (not one).
  const recovered = utilised.mass + destroyed;
  const removed = recovered + vamDestroyed;
  if (removed > generated + 1e-9) {
    throw new InputError(where, [
      {
        path: pathOf("methane"),
        message: `methane utilised and destroyed by flaring or ventilation-air oxidation (${removed} t CH4) must not exceed the methane liberated and estimated (${generated} t CH4)`,
      },
    ]);
  }
  const gwpKey = model?.factor(options.gwpFactorId);
  for (const c of ch4Sources) {
    if (model)
      for (const p of c.parts)
        model.term([c.component, CH4_GENERATED], p.mass * options.gwpCH4, [...p.inputs, gwpKey!]);
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
  if (recovered > 0 && model) {
    // Recovered methane: deducted × GWP, burned to CO2 × 44/16 (a point source); the flared part
    // only as far as the flare destroys it.
    const effKey = y.methane.flared ? model.factor(effId) : undefined;
    const burnKey = model.factor("const.ch4_to_co2");
    const recoveredParts = [
      ...utilised.parts,
      ...flared.parts.map((p) => ({ mass: p.mass * efficiency, inputs: [...p.inputs, effKey!] })),
    ];
    for (const p of recoveredParts) {
      model.term("methane recovery", -p.mass * options.gwpCH4, [...p.inputs, gwpKey!]);
      model.term(CH4_RECOVERED, p.mass * options.gwpCH4, [...p.inputs, gwpKey!]);
      model.term(["methane recovery", CAPTURABLE], co2FromBurnedMethane(tCH4(p.mass)), [
        ...p.inputs,
        burnKey,
      ]);
    }
  }
  if (vamDestroyed > 0 && model) {
    // Oxidised ventilation-air methane: deducted × GWP and oxidised to CO2 × 44/16, not capturable.
    const vamKey = model.factor(vamEffId);
    const burnKey = model.factor("const.ch4_to_co2");
    for (const p of vam.parts) {
      const inputs = [...p.inputs, vamKey];
      const mass = p.mass * vamEfficiency;
      model.term("methane recovery", -mass * options.gwpCH4, [...inputs, gwpKey!]);
      model.term(CH4_RECOVERED, mass * options.gwpCH4, [...inputs, gwpKey!]);
      model.term("methane recovery", co2FromBurnedMethane(tCH4(mass)), [...inputs, burnKey]);
    }
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
    const burnedCO2 = co2FromBurnedMethane(tCH4(recovered));
    sources.push({
      component: "methane recovery",
      label: "CO2 from burning the recovered methane",
      tCO2ePerYr: co2ToCO2e(burnedCO2),
      gas: "CO2",
      massT: burnedCO2,
      // Burned in gas engines, boilers or flares: a point source, capturable where captured.
      capturableTCO2: burnedCO2,
      detail: `${recovered} t CH4 × 44/16`,
      factorIds: ["const.ch4_to_co2"],
      share: 0,
    });
    table.factor("const.ch4_to_co2");
  }
  if (vamDestroyed > 0) {
    sourceOrigins.push("methane.vamOxidised", "methane.vamOxidised");
    sources.push({
      component: "methane recovery",
      label: "ventilation-air methane oxidised (deducted)",
      tCO2ePerYr: -vamDestroyed * options.gwpCH4,
      gas: "CH4",
      massT: -vamDestroyed,
      detail: `oxidised ${vam.mass} t × efficiency ${vamEfficiency}; × GWP ${options.gwpCH4}`,
      factorIds: [...vam.ids, vamEffId, ...gwpIds],
      share: 0,
    });
    const oxidisedCO2 = co2FromBurnedMethane(tCH4(vamDestroyed));
    sources.push({
      component: "methane recovery",
      label: "CO2 from oxidising ventilation-air methane",
      tCO2ePerYr: co2ToCO2e(oxidisedCO2),
      gas: "CO2",
      massT: oxidisedCO2,
      // No capturableTCO2: it leaves in the ventilation air, far too dilute to capture.
      detail: `${vamDestroyed} t CH4 × 44/16; leaves in the ventilation air (not capturable)`,
      factorIds: ["const.ch4_to_co2"],
      share: 0,
    });
    table.factor("const.ch4_to_co2");
  }
  if (y.co2Fugitive.length) {
    const co2 = sumGas(y.co2Fugitive, "CO2", "underground CO2", "co2Fugitive");
    if (model) for (const p of co2.parts) model.term("C_under underground", p.mass, p.inputs);
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
    if (model)
      model.term("explosives", e.amountT * ef, [
        model.activity(
          `explosives[${i}].amountT`,
          `${e.type} ${e.amountT} t (${pathOf(`explosives[${i}].amountT`)})`,
          "explosives",
          e.amountT,
          "t",
          e.uncertainty,
        ),
        model.factor(e.factor),
      ]);
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
  const reading = options.sinkReading;
  if (y.miningLandHa !== undefined && y.miningLandHa > y.boundaryAreaHa)
    warnings.push(
      `miningLandHa (${pathOf("miningLandHa")}, ${y.miningLandHa} ha) is more than the boundary (${y.boundaryAreaHa} ha) it lies within: check both; a pathway reclaims at most the smaller`,
    );
  const paper = reading === "seed002-density-as-annual";
  const tier1 = reading === "ipcc-tier1";
  // A stock divided by one year is a stock counted as a yearly flux: legal, but said every time.
  const oneYear = (label: string, path: string) =>
    warnings.push(
      `${label} (${pathOf(path)}): its carbon stock is turned into a yearly sink over one year — the whole stock counted as one year's removal; for annual crops IPCC Tier 1 counts no net sink (sinkReading ipcc-tier1)`,
    );
  for (const [i, f] of y.sinks.forest.entries()) {
    sinkOrigins.push(`sinks.forest[${i}]`);
    const [s, yearly, growingTC] = guard(`sinks.forest[${i}]`, `a sink (${f.label})`, () => {
      const stock = forestStock(f.species, f.areaHa, f.volumeM3PerHa, f.withSoil, table);
      // Under ipcc-tier1 only the biomass grows; the soil under it is a stock that does not change.
      const growing = tier1 ? f.areaHa * stock.biomassTPerHa * stock.carbonFraction : stock.stockTC;
      return [stock, yearlySink(tC(growing), reading, f.standAgeYears), growing] as const;
    });
    const soilHeld = tier1 && s.soilTCPerHa > 0;
    if (soilHeld) table.value(SOIL_UNCHANGED, "t C/(ha·a)");
    if (!paper && f.standAgeYears === 1) oneYear(f.label, `sinks.forest[${i}].standAgeYears`);
    if (model) {
      // Sink = area × ((a + b·V)·CF [+ soil]) × 44/12 ÷ age: two or three products.
      const sp = TREE_SPECIES[f.species]!;
      const k = co2eFluxPerCarbonOver(years(paper ? 1 : f.standAgeYears!));
      const area = model.activity(
        `sinks.forest[${i}].areaHa`,
        `${f.label} area (${pathOf(`sinks.forest[${i}].areaHa`)})`,
        "area",
        f.areaHa,
        "ha",
        f.uncertainty,
      );
      const volume =
        f.volumeM3PerHa !== undefined
          ? model.activity(
              `sinks.forest[${i}].volumeM3PerHa`,
              `${f.label} stand volume (${pathOf(`sinks.forest[${i}].volumeM3PerHa`)})`,
              "stand-volume",
              f.volumeM3PerHa,
              "m³/ha",
              f.volumeUncertainty,
            )
          : model.factor(sp.volume!);
      const a = table.value(sp.intercept, "t/ha").value;
      const b = table.value(sp.slope, "t/m3").value;
      const cf = s.carbonFraction;
      const cfKey = model.factor(sp.carbonFraction);
      model.term(SINKS, f.areaHa * a * cf * k, [area, model.factor(sp.intercept), cfKey]);
      model.term(SINKS, f.areaHa * b * s.volumeM3PerHa * cf * k, [
        area,
        model.factor(sp.slope),
        volume,
        cfKey,
      ]);
      if (s.soilTCPerHa && !tier1)
        model.term(SINKS, f.areaHa * s.soilTCPerHa * k, [area, model.factor(FOREST_SOIL_FACTOR)]);
      // The soil's no change is a convention: listed with the inputs, with no term.
      if (soilHeld) model.factor(SOIL_UNCHANGED);
    }
    sinks.push({
      kind: "forest",
      label: f.label,
      areaHa: f.areaHa,
      stockTC: s.stockTC,
      stockTCO2e: s.stockTCO2e,
      sinkTCO2ePerYr: yearly,
      woody: true,
      ...(!paper && f.standAgeYears !== undefined
        ? { ageYears: f.standAgeYears, growingStockTC: growingTC }
        : {}),
      detail: tier1
        ? `B = a + b·V = ${round(s.biomassTPerHa)} t/ha (V ${s.volumeM3PerHa} m³/ha); B·Cρ = ${round(s.biomassTPerHa * s.carbonFraction)} t C/ha` +
          (soilHeld ? ` (+ soil ${s.soilTCPerHa} t C/ha held, no yearly change)` : "") +
          `; × ${f.areaHa} ha × 44/12 ÷ stand age ${f.standAgeYears} yr: the biomass's mean annual increment`
        : `B = a + b·V = ${round(s.biomassTPerHa)} t/ha (V ${s.volumeM3PerHa} m³/ha); B·Cρ${s.soilTCPerHa ? " + soil" : ""} = ${round(s.carbonTCPerHa)} t C/ha; × ${f.areaHa} ha × 44/12` +
          (paper ? "; counted as a yearly sink (seed 002 reading)" : `; ÷ stand age ${f.standAgeYears} yr`),
      ...(f.assumption ? { assumption: f.assumption } : {}),
      factorIds: soilHeld ? [...s.factorIds, SOIL_UNCHANGED] : s.factorIds,
    });
  }
  for (const [i, e] of y.sinks.ecosystems.entries()) {
    sinkOrigins.push(`sinks.ecosystems[${i}]`);
    const eco = ECOSYSTEMS[e.type]!;
    const id = e.densityFactor ?? eco.density;
    const density = table.value(id, "t C/ha").value;
    const stockTC = e.areaHa * density;
    const stockTCO2e = carbonToCO2e(tC(stockTC));
    const label = e.label ?? eco.name;
    const base = `${e.areaHa} ha × ${density} t C/ha (${eco.equation}) × 44/12 = ${round(stockTCO2e)} t CO2e held`;
    let sink: number;
    let detail: string;
    let growingTC: number | undefined;
    const ids = [id];
    if (reading === "ipcc-tier1" && !eco.woody) {
      // Tier 1: the yearly change per hectare is the sum of the Tier 1 factors (biomass and soil), 0.
      const perHa = (eco.tier1 ?? []).reduce((sum, f) => sum + table.value(f, "t C/(ha·a)").value, 0);
      ids.push(...(eco.tier1 ?? []));
      sink = guard(`sinks.ecosystems[${i}]`, `a sink (${label})`, () =>
        carbonFluxToCO2e(tCPerYr(e.areaHa * perHa)),
      );
      // Tier 1's no change is a convention: its factors are listed with the inputs, with no term.
      if (model) for (const f of eco.tier1 ?? []) model.factor(f);
      detail =
        `${base}; yearly sink ${e.areaHa} ha × ${perHa} t C/ha/yr: ${eco.tier1Reading}` +
        (e.accumulationYears !== undefined
          ? ` (accumulationYears ${e.accumulationYears} is not used under this reading)`
          : "");
    } else {
      // A woody ecosystem under ipcc-tier1: only its biomass grows (its own density when given one,
      // which is then read as biomass carbon and said so); its soil is a stock that does not change.
      const woodyTier1 = tier1 && eco.woody;
      const growId = woodyTier1 ? (e.densityFactor ?? eco.biomass ?? id) : id;
      const growPerHa = growId === id ? density : table.value(growId, "t C/ha").value;
      growingTC = e.areaHa * growPerHa;
      if (growId !== id) ids.push(growId);
      if (woodyTier1) {
        table.value(SOIL_UNCHANGED, "t C/(ha·a)"); // the soil's no change, among the factors used
        ids.push(SOIL_UNCHANGED);
      }
      if (woodyTier1 && e.densityFactor !== undefined)
        warnings.push(
          `${label} (${pathOf(`sinks.ecosystems[${i}].densityFactor`)}): ${e.densityFactor} is read as the stand's biomass carbon, whose mean annual increment is its yearly sink under ipcc-tier1; if it includes soil carbon, give a biomass-only density (the soil counts no yearly sink)`,
        );
      sink = guard(`sinks.ecosystems[${i}]`, `a sink (${label})`, () =>
        yearlySink(tC(growingTC!), reading, e.accumulationYears),
      );
      if (!paper && e.accumulationYears === 1) oneYear(label, `sinks.ecosystems[${i}].accumulationYears`);
      if (model && woodyTier1) model.factor(SOIL_UNCHANGED);
      if (model)
        model.term(SINKS, sink, [
          model.activity(
            `sinks.ecosystems[${i}].areaHa`,
            `${label} area (${pathOf(`sinks.ecosystems[${i}].areaHa`)})`,
            "area",
            e.areaHa,
            "ha",
            e.uncertainty,
          ),
          model.factor(growId),
        ]);
      detail =
        base +
        (paper
          ? "; counted as a yearly sink (seed 002 reading)"
          : woodyTier1
            ? `; biomass ${e.areaHa} ha × ${growPerHa} t C/ha (${growId}) × 44/12 ÷ ${e.accumulationYears} years of growth (stand age): its mean annual increment; the rest (soil) held, no yearly change`
            : `; ÷ ${e.accumulationYears} ${eco.woody ? "years of growth (stand age)" : "accumulation years"}`);
    }
    sinks.push({
      kind: "ecosystem",
      label,
      areaHa: e.areaHa,
      stockTC,
      stockTCO2e,
      sinkTCO2ePerYr: sink,
      woody: eco.woody,
      ...(eco.woody && !paper && e.accumulationYears !== undefined && growingTC !== undefined
        ? { ageYears: e.accumulationYears, growingStockTC: growingTC }
        : {}),
      detail,
      ...(e.assumption ? { assumption: e.assumption } : {}),
      factorIds: ids,
    });
  }
  if (y.ccsStoredTCO2 > 0) {
    sinkOrigins.push("ccsStoredTCO2");
    if (model)
      model.term(CCS, y.ccsStoredTCO2, [
        model.activity(
          "ccsStoredTCO2",
          `CO2 captured and stored (${pathOf("ccsStoredTCO2")})`,
          "ccs-stored",
          y.ccsStoredTCO2,
          "t CO2",
          y.ccsUncertainty,
        ),
      ]);
    sinks.push({
      kind: "ccs",
      label: "CO2 captured and stored (CCS)",
      sinkTCO2ePerYr: y.ccsStoredTCO2,
      detail:
        "as given; point-source CO2 only (stationary fuel combustion on industrial and mining land, burned recovered methane)",
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
  const other = sum(
    sources
      .filter((s) => !ABOVE.includes(s.component) && s.component !== "C_under underground")
      .map((s) => s.tCO2ePerYr),
  );
  const sinkTotal = sum(sinks.filter((s) => s.kind !== "ccs").map((s) => s.sinkTCO2ePerYr));
  const ccs = y.ccsStoredTCO2;
  const capturable = sources.filter((s) => s.capturableTCO2 !== undefined);
  const capturableTCO2 = sum(capturable.map((s) => s.capturableTCO2!));
  if (ccs > capturableTCO2 * (1 + 1e-12) + 1e-9)
    throw new InputError(where, [
      {
        path: pathOf("ccsStoredTCO2"),
        message: `must not exceed the point-source CO2 that CCS can capture this year (${round(capturableTCO2)} t CO2: ${capturable.length ? capturable.map((s) => s.label).join("; ") : "none"}); got ${ccs}. ${CCS_SCOPE_NOTE}`,
      },
    ]);
  const balance = gross - sinkTotal - ccs + y.offsets.soldTCO2e - y.offsets.boughtTCO2e;
  const perCoal = (v: number) => (y.coalOutputT > 0 ? v / y.coalOutputT : null);
  return {
    year: y.year,
    boundaryAreaHa: y.boundaryAreaHa,
    ...(y.miningLandHa !== undefined ? { miningLandHa: y.miningLandHa } : {}),
    coalOutputT: y.coalOutputT,
    sources,
    sinks,
    ccs: {
      capturableTCO2,
      parts: capturable.map((s) => ({ label: s.label, tCO2: s.capturableTCO2! })),
      note: CCS_SCOPE_NOTE,
    },
    gasVolumes,
    warnings,
    methane: {
      gwpCH4: options.gwpCH4,
      undergroundLiberatedTCH4: liberated.mass,
      postMiningTCH4: post?.massT ?? 0,
      openPitTCH4: (pit?.massT ?? 0) + (pitPost?.massT ?? 0),
      utilisedTCH4: utilised.mass,
      flaredTCH4: flared.mass,
      flareDestroyedTCH4: destroyed,
      vamOxidisedTCH4: vam.mass,
      vamDestroyedTCH4: vamDestroyed,
      emittedTCH4: generated - removed,
    },
    totals: {
      energyTce,
      aboveGroundTCO2ePerYr: above,
      undergroundTCO2ePerYr: under,
      otherTCO2ePerYr: other,
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
