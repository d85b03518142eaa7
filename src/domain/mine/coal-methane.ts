import type { FactorTable } from "../factor/factor-table.ts";
import type { CoalFactorRefInput } from "./inventory-spec.ts";

/**
 * Methane from coal output with a production-based emission factor (IPCC 2006 Tier 1 Eq. 4.1.7/4.1.8
 * for surface and post-mining; NDRC 2015 defaults): output (t) × EF. An EF in m³/t is weighed at
 * IPCC's 0.67 kg/m³ (20 °C); an EF in kg/t is used as it is. `bound` picks the factor's low, central
 * or high value (IPCC: by mine depth or overburden depth).
 */
export function coalMethaneT(
  ref: CoalFactorRefInput,
  coalOutputT: number,
  table: FactorTable,
): { massT: number; factorIds: string[]; how: string } {
  const output = ref.coalOutputT ?? coalOutputT;
  const f = table.factor(ref.factor);
  const pick = (v: { value: number; low: number; high: number }) =>
    ref.bound === "low" ? v.low : ref.bound === "high" ? v.high : v.value;
  if (f.unit === "m3 CH4/t") {
    const ef = pick(table.value(ref.factor, "m3 CH4/t"));
    const density = table.value("ipcc06.coal.ch4_density", "kg/m3").value;
    return {
      massT: (output * ef * density) / 1000,
      factorIds: [ref.factor, "ipcc06.coal.ch4_density"],
      how: `${output} t × ${ef} m³/t (${ref.bound}) × ${density} kg/m³`,
    };
  }
  const ef = pick(table.value(ref.factor, "kg CH4/t"));
  return {
    massT: (output * ef) / 1000,
    factorIds: [ref.factor],
    how: `${output} t × ${ef} kg/t (${ref.bound})`,
  };
}
