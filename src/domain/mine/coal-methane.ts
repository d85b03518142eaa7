import type { GasVolumeBasis } from "../../units/gas-volume.ts";
import { FactorLookupError, type FactorTable } from "../factor/factor-table.ts";
import { gasDensity, gasVolumeReading, GAS_VOLUME_BASIS_SET, type GasVolumeReading } from "./gas-mass.ts";
import type { CoalFactorRefInput } from "./inventory-spec.ts";

/**
 * Methane from coal output with a production-based emission factor (IPCC 2006 Tier 1 Eq. 4.1.7/4.1.8
 * for surface and post-mining; NDRC 2015 defaults): output (t) × EF. An EF in m³/t is a gas volume per
 * tonne and is weighed like a measured volume: with a density at the factor's own basis (IPCC's
 * factors are at 20 °C: 0.67 kg/m³; a factor stated at 0 °C is weighed at 0.717), never at an assumed
 * one. An EF in kg/t is used as it is. `bound` picks the factor's low, central or high value (IPCC: by
 * mine depth or overburden depth).
 */
export function coalMethaneT(
  ref: CoalFactorRefInput,
  coalOutputT: number,
  table: FactorTable,
  source = "methane by production factor",
): { massT: number; factorIds: string[]; how: string; reading?: GasVolumeReading } {
  const output = ref.coalOutputT ?? coalOutputT;
  const f = table.factor(ref.factor);
  const pick = (v: { value: number; low: number; high: number }) =>
    ref.bound === "low" ? v.low : ref.bound === "high" ? v.high : v.value;
  if (f.unit === "m3 CH4/t") {
    if (!GAS_VOLUME_BASIS_SET.has(f.basis))
      throw new FactorLookupError(
        `factor ${ref.factor} is a gas volume per tonne without stated conditions (basis "${f.basis}"); give it basis ipcc-20C or cn-stp-0C`,
      );
    const basis = f.basis as GasVolumeBasis;
    const ef = pick(table.value(ref.factor, "m3 CH4/t"));
    const density = gasDensity("CH4", basis, ref.densityFactor, table);
    const volumeM3 = output * ef;
    return {
      massT: (volumeM3 * density.kgPerM3) / 1000,
      factorIds: [ref.factor, density.id],
      how: `${output} t × ${ef} m³/t (${ref.bound}, at ${basis}) × ${density.kgPerM3} kg/m³`,
      reading: gasVolumeReading(source, "CH4", volumeM3, basis, density, "production factor in m³/t", table),
    };
  }
  const ef = pick(table.value(ref.factor, "kg CH4/t"));
  return {
    massT: (output * ef) / 1000,
    factorIds: [ref.factor],
    how: `${output} t × ${ef} kg/t (${ref.bound})`,
  };
}
