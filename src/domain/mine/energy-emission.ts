import { tC } from "../../units/carbon.ts";
import { carbonToCO2 } from "../../units/gas.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import {
  defaultCombustionUse,
  GJ_PER_TCE_FACTOR,
  nonCO2Factors,
  type CombustionSector,
  type CombustionUse,
} from "./combustion-non-co2.ts";
import { ENERGY_CARRIERS, type CombustionMethod } from "./energy-carriers.ts";
import type { EnergyUseInput } from "./inventory-spec.ts";

/** The CH4 and N2O of burning a fuel (IPCC 2006 Vol. 2 Tables 2.2–2.5, 3.2.2, 3.3.1), after B_s. */
export interface NonCO2Emission {
  readonly use: CombustionUse;
  /** True when the use was not given and the default for the carrier and sector was taken. */
  readonly useIsDefault: boolean;
  /** Energy burned, GJ (net calorific value). */
  readonly energyGJ: number;
  readonly ch4T: number;
  readonly n2oT: number;
  /** CH4 × GWP + N2O × GWP, t CO2e. */
  readonly tCO2e: number;
  readonly how: string;
  readonly factorIds: readonly string[];
  /** The factors the energy burned is the product of (besides the amount), for the uncertainty. */
  readonly energyFactorIds: readonly string[];
  readonly ch4FactorId: string;
  readonly n2oFactorId: string;
}

/** The energy and CO2 of one energy use. */
export interface EnergyEmission {
  readonly carrier: string;
  readonly amount: number;
  readonly unit: string;
  /** Energy in tonnes of standard coal. */
  readonly tce: number;
  /** CO2 before any low-carbon share, t CO2 (= t CO2e). */
  readonly grossTCO2: number;
  /** Share of the use covered by low-carbon energy (B_s of seed 002 Eq. 4); 0 outside transport. */
  readonly lowCarbonShare: number;
  /** CO2 after the low-carbon share, t CO2e. */
  readonly tCO2e: number;
  readonly method: string;
  readonly factorIds: readonly string[];
  /** The factors the CO2 is the product of (besides the amount), for the uncertainty. */
  readonly co2FactorIds: readonly string[];
  /** CH4 and N2O of burning a fuel on site; absent for electricity and heat (emitted off-site). */
  readonly nonCO2?: NonCO2Emission;
}

/** Where the energy use is listed and the GWPs its CH4 and N2O are weighed with. */
export interface CombustionContext {
  readonly sector: CombustionSector;
  readonly gwpCH4: number;
  readonly gwpN2O: number;
}

/**
 * CO2 and standard coal of one energy use (seed 002 Eq. 3, P = Σ K·E; Eq. 4 with (1 − B_s) for
 * transport). Fuels: by `carbon-per-tce` (tce × t C/tce × 44/12, Xia et al. 2017 coefficients) or by
 * `ndrc-2015` (amount × NCV × carbon content × oxidation rate × 44/12). Electricity and heat:
 * amount × the named emission factor.
 */
export function energyEmission(
  use: EnergyUseInput,
  method: CombustionMethod,
  table: FactorTable,
  lowCarbonShare: number,
  context: CombustionContext,
): EnergyEmission {
  const carrier = ENERGY_CARRIERS[use.carrier];
  if (!carrier) throw new Error(`internal: unknown carrier ${use.carrier}`);
  const scale = carrier.units[use.unit];
  if (scale === undefined) throw new Error(`internal: unit ${use.unit} of ${use.carrier}`);
  const base = use.amount * scale;
  const tceId = use.tceFactor ?? carrier.tce.factor;
  const tcePerBase =
    table.value(tceId, TCE_PER_BASE_UNIT[carrier.baseUnit]).value *
    (carrier.baseUnit === "m3" || carrier.baseUnit === "kWh" ? 1e-3 : 1);
  const tce = base * tcePerBase;
  const ids = [tceId];
  let gross: number;
  let how: string;
  let co2Ids: string[];
  let energyIds: string[] = [];
  // Energy burned in GJ (NCV), for the per-energy CH4 and N2O factors: by NCV where the method has
  // one, else tce × 29.3076 GJ/tce (standard coal is defined on the net calorific value).
  let energyGJ: number | undefined;
  if (carrier.kind === "electricity") {
    const id = use.emissionFactor!;
    gross = base * table.value(id, "kg CO2/kWh").value * 1e-3;
    how = "amount × grid emission factor";
    ids.push(id);
    co2Ids = [id];
  } else if (carrier.kind === "heat") {
    const id = use.emissionFactor!;
    gross = base * table.value(id, "t CO2/GJ").value;
    how = "amount × heat emission factor";
    ids.push(id);
    co2Ids = [id];
  } else if (method === "carbon-per-tce") {
    const id = use.carbonPerTceFactor ?? carrier.carbonPerTce!;
    gross = carbonToCO2(tC(tce * table.value(id, "t C/tce").value));
    how = "tce × t C/tce × 44/12";
    ids.push(id);
    co2Ids = [tceId, id];
    energyGJ = tce * table.value(GJ_PER_TCE_FACTOR, "GJ/tce").value;
    energyIds = [tceId, GJ_PER_TCE_FACTOR];
  } else {
    const ncvId = use.ncvFactor ?? carrier.ndrc!.ncv;
    const ccId = use.ccFactor ?? carrier.ndrc!.cc;
    const ofId = use.oxidationFactor ?? carrier.ndrc!.of;
    const gjPerBase =
      table.value(ncvId, carrier.baseUnit === "m3" ? "GJ/10^4 Nm3" : "GJ/t").value *
      (carrier.baseUnit === "m3" ? 1e-4 : 1);
    gross = carbonToCO2(
      tC(base * gjPerBase * table.value(ccId, "t C/GJ").value * table.value(ofId, "fraction").value),
    );
    how = "amount × NCV × carbon content × oxidation rate × 44/12 (NDRC 2015)";
    ids.push(ncvId, ccId, ofId);
    co2Ids = [ncvId, ccId, ofId];
    energyGJ = base * gjPerBase;
    energyIds = [ncvId];
  }
  const nonCO2 =
    energyGJ === undefined
      ? undefined
      : combustionNonCO2(use, energyGJ, energyIds, lowCarbonShare, context, table);
  return {
    carrier: use.carrier,
    amount: use.amount,
    unit: use.unit,
    tce,
    grossTCO2: gross,
    lowCarbonShare,
    tCO2e: gross * (1 - lowCarbonShare),
    method: how,
    factorIds: ids,
    co2FactorIds: co2Ids,
    ...(nonCO2 ? { nonCO2 } : {}),
  };
}

/**
 * CH4 and N2O of burning `energyGJ` of a fuel: GJ × kg/TJ × 10⁻⁶ t per kg·TJ/GJ, each × its GWP, after
 * the low-carbon share. The factors are the entry's own (ch4Factor, n2oFactor) or the shipped pair for
 * its use and sector (checked at input: parseInventoryInput names a use without shipped factors).
 */
function combustionNonCO2(
  use: EnergyUseInput,
  energyGJ: number,
  energyFactorIds: readonly string[],
  lowCarbonShare: number,
  context: CombustionContext,
  table: FactorTable,
): NonCO2Emission {
  const given = use.combustion as CombustionUse | undefined;
  const how = given ?? defaultCombustionUse(use.carrier, context.sector);
  const shipped = nonCO2Factors(use.carrier, how, context.sector);
  const ch4Id = use.ch4Factor ?? shipped?.ch4;
  const n2oId = use.n2oFactor ?? shipped?.n2o;
  if (!ch4Id || !n2oId)
    throw new Error(
      `internal: CH4/N2O factors of ${use.carrier} (${how}) are checked by parseInventoryInput`,
    );
  const ch4PerGJ = table.value(ch4Id, "kg CH4/TJ").value * 1e-6;
  const n2oPerGJ = table.value(n2oId, "kg N2O/TJ").value * 1e-6;
  const keep = 1 - lowCarbonShare;
  const ch4T = energyGJ * ch4PerGJ * keep;
  const n2oT = energyGJ * n2oPerGJ * keep;
  const source =
    use.ch4Factor || use.n2oFactor
      ? "the entry's own factors"
      : (shipped?.table ?? "the entry's own factors");
  return {
    use: how,
    useIsDefault: given === undefined,
    energyGJ,
    ch4T,
    n2oT,
    tCO2e: ch4T * context.gwpCH4 + n2oT * context.gwpN2O,
    how:
      `${round(energyGJ)} GJ × (${round(ch4PerGJ * 1e6)} kg CH4/TJ × GWP ${context.gwpCH4} + ${round(n2oPerGJ * 1e6)} kg N2O/TJ × GWP ${context.gwpN2O})` +
      `${keep < 1 ? " × (1 − B_s)" : ""}; ${how}${given === undefined ? " (default for this fuel here)" : ""}, ${source}`,
    factorIds: [ch4Id, n2oId],
    energyFactorIds,
    ch4FactorId: ch4Id,
    n2oFactorId: n2oId,
  };
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

/** The factor unit a standard-coal coefficient is read in, per carrier base unit (kgce values are ÷ 1000 above). */
const TCE_PER_BASE_UNIT = { t: "tce/t", m3: "kgce/m3", kWh: "kgce/kWh", GJ: "tce/GJ" } as const;
