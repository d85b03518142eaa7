import { methaneMass } from "../../units/gas-volume.ts";
import { FactorLookupError, type FactorTable } from "../factor/factor-table.ts";
import type { GasAmountInput } from "./inventory-spec.ts";

/** The default density factor per gas and volume basis. */
export const DEFAULT_GAS_DENSITY: Readonly<Record<"CH4" | "CO2", Partial<Record<string, string>>>> = {
  CH4: { "ipcc-20C": "ipcc06.coal.ch4_density", "cn-stp-0C": "cn.ndrc2015.coal.ch4_density_stp" },
  CO2: { "cn-stp-0C": "cn.ndrc2015.coal.co2_density_stp" },
};

/**
 * Mass (t) of a gas amount given as a mass, or as a volume at stated conditions weighed with a density
 * at the same conditions (IPCC 0.67 kg/m³ at 20 °C; Chinese standard conditions at 0 °C). A density
 * factor whose basis differs from the volume's is an error, never a silent mix.
 */
export function gasMassT(
  amount: GasAmountInput,
  gas: "CH4" | "CO2",
  table: FactorTable,
): { massT: number; factorIds: string[]; how: string } {
  if ("massT" in amount) return { massT: amount.massT, factorIds: [], how: "mass as given" };
  const id = amount.densityFactor ?? DEFAULT_GAS_DENSITY[gas][amount.basis];
  if (!id) {
    throw new FactorLookupError(
      `no shipped ${gas} density for volumes at ${amount.basis}; give densityFactor with a density at ${amount.basis}`,
    );
  }
  const f = table.value(id, "kg/m3");
  const basis = f.factor.basis;
  if (basis !== amount.basis) {
    throw new FactorLookupError(
      `density factor ${id} is at ${basis}, but the volume is at ${amount.basis}; use a density at ${amount.basis}`,
    );
  }
  const massT =
    gas === "CH4"
      ? methaneMass(
          { m3: amount.volumeM3, basis: amount.basis },
          { kgPerM3: f.value, basis: amount.basis, factorId: id },
        )
      : (amount.volumeM3 * f.value) / 1000;
  return { massT, factorIds: [id], how: `${amount.volumeM3} m³ at ${amount.basis} × ${f.value} kg/m³` };
}
