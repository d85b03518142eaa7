import { FactorLookupError, type FactorTable } from "../factor/factor-table.ts";

/**
 * One relative stock change factor of a land use: a dimensionless factor id (F_LU, F_MG or F_I of
 * IPCC 2006 Vol. 4 Tables 5.5 and 6.2), or the share left after a loss given as a fraction
 * (1 − fraction; e.g. seed 003's "up to 80 % of soil organic carbon lost in open-pit mining").
 */
export type SoilFactorRef = string | { readonly remainingAfterLoss: string };

const RATIO_UNITS = ["ratio", "fraction", "%"];

/** The SOC of one land use with how it was formed (factor ids and values), for the output. */
export interface SoilStock {
  /** Equilibrium soil organic carbon, 0–30 cm, t C/ha. */
  readonly socTCPerHa: number;
  readonly source: string;
}

function ratio(table: FactorTable, id: string): number {
  const f = table.factor(id);
  if (!RATIO_UNITS.includes(f.unit))
    throw new FactorLookupError(
      `factor ${id} is in "${f.unit}"; a soil stock change factor is a ratio (F_LU, F_MG, F_I of IPCC 2006 Vol. 4 Tables 5.5 and 6.2)`,
    );
  const v = table.value(id, "ratio").value;
  if (v < 0) throw new FactorLookupError(`factor ${id} must be ≥ 0 to scale a soil carbon stock; got ${v}`);
  return v;
}

/**
 * A land use's soil organic carbon stock by IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25 (Tier 1):
 * SOC = SOC_REF × F_LU × F_MG × F_I, t C/ha (0–30 cm). `referenceId` is a SOC_REF of Table 2.3
 * (t C/ha); each factor multiplies it. No factors: the soil stays at SOC_REF (IPCC's reference,
 * native land; Tier 1 forest soil).
 */
export function soilStock(
  table: FactorTable,
  referenceId: string,
  factors: readonly SoilFactorRef[],
): SoilStock {
  const ref = table.value(referenceId, "t C/ha").value;
  let soc = ref;
  const parts = [`${referenceId} (${ref} t C/ha)`];
  for (const f of factors) {
    if (typeof f === "string") {
      const v = ratio(table, f);
      soc *= v;
      parts.push(`${f} (${v})`);
    } else {
      const loss = ratio(table, f.remainingAfterLoss);
      if (loss > 1)
        throw new FactorLookupError(
          `factor ${f.remainingAfterLoss} is a share lost and must be ≤ 1; got ${loss}`,
        );
      soc *= 1 - loss;
      parts.push(`(1 − ${f.remainingAfterLoss} = ${1 - loss})`);
    }
  }
  return { socTCPerHa: soc, source: parts.join(" × ") };
}
