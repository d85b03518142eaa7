import type { FactorTable } from "../factor/factor-table.ts";
import type { LowCentralHigh } from "../common/low-central-high.ts";
import { FactorLookupError } from "../factor/factor-table.ts";

/**
 * How to read a land-use coefficient printed in t/(ha·a) without saying whether the tonnes are
 * carbon or CO2 (seed 000 Table 1). There is no default: the input must say which reading it takes.
 */
export const COEFFICIENT_READINGS = ["tC", "tCO2"] as const;
export type CoefficientReading = (typeof COEFFICIENT_READINGS)[number];

/** The factor units a land-use coefficient may be in. */
export const LAND_USE_COEFFICIENT_UNITS: readonly string[] = [
  "t C/(ha·a)",
  "t CO2/(ha·a)",
  "t/(ha·a) unstated C or CO2",
];

const C_PER_CO2 = 12 / 44;

/**
 * A land-use coefficient as a yearly carbon flux per area (t C/ha/yr), low/central/high.
 * Coefficients in t C/(ha·a) are taken as they are, t CO2/(ha·a) × 12/44, and coefficients of
 * unstated mass (seed 000) by the stated `reading`.
 */
export function coefficientTCPerHaYr(
  table: FactorTable,
  id: string,
  reading: CoefficientReading,
): LowCentralHigh {
  const f = table.factor(id);
  let v;
  if (f.unit === "t/(ha·a) unstated C or CO2") {
    v = table.value(id, "t/(ha·a) unstated C or CO2");
    const k = reading === "tC" ? 1 : C_PER_CO2;
    return { low: v.low * k, central: v.value * k, high: v.high * k };
  }
  if (f.unit === "t C/(ha·a)") {
    v = table.value(id, "t C/(ha·a)");
    return { low: v.low, central: v.value, high: v.high };
  }
  if (f.unit === "t CO2/(ha·a)") {
    v = table.value(id, "t CO2/(ha·a)");
    return { low: v.low * C_PER_CO2, central: v.value * C_PER_CO2, high: v.high * C_PER_CO2 };
  }
  throw new FactorLookupError(
    `factor ${id} is in "${f.unit}", which is not a land-use coefficient; use a factor in t C/(ha·a), t CO2/(ha·a) or seed 000's t/(ha·a)`,
  );
}
