import { CO2_PER_C } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { ENERGY_CARRIERS, type CombustionMethod } from "./energy-carriers.ts";
import type { EnergyUseInput } from "./inventory-spec.ts";

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
  lowCarbonShare = 0,
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
  if (carrier.kind === "electricity") {
    const id = use.emissionFactor!;
    gross = base * table.value(id, "kg CO2/kWh").value * 1e-3;
    how = "amount × grid emission factor";
    ids.push(id);
  } else if (carrier.kind === "heat") {
    const id = use.emissionFactor!;
    gross = base * table.value(id, "t CO2/GJ").value;
    how = "amount × heat emission factor";
    ids.push(id);
  } else if (method === "carbon-per-tce") {
    const id = use.carbonPerTceFactor ?? carrier.carbonPerTce!;
    gross = tce * table.value(id, "t C/tce").value * CO2_PER_C;
    how = "tce × t C/tce × 44/12";
    ids.push(id);
  } else {
    const ncvId = use.ncvFactor ?? carrier.ndrc!.ncv;
    const ccId = use.ccFactor ?? carrier.ndrc!.cc;
    const ofId = use.oxidationFactor ?? carrier.ndrc!.of;
    const gjPerBase =
      table.value(ncvId, carrier.baseUnit === "m3" ? "GJ/10^4 Nm3" : "GJ/t").value *
      (carrier.baseUnit === "m3" ? 1e-4 : 1);
    gross =
      base * gjPerBase * table.value(ccId, "t C/GJ").value * table.value(ofId, "fraction").value * CO2_PER_C;
    how = "amount × NCV × carbon content × oxidation rate × 44/12 (NDRC 2015)";
    ids.push(ncvId, ccId, ofId);
  }
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
  };
}

/** The factor unit a standard-coal coefficient is read in, per carrier base unit (kgce values are ÷ 1000 above). */
const TCE_PER_BASE_UNIT = { t: "tce/t", m3: "kgce/m3", kWh: "kgce/kWh", GJ: "tce/GJ" } as const;
