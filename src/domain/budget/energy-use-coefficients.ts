/**
 * Emission coefficients per hectare that stand for energy used on the land, not for carbon the land
 * itself gives off. Seed 000 Table 1 takes its construction-land rows from Zhao et al. (2013), whose
 * construction-land emission is the fossil energy consumed there spread over the built-up area
 * (the usual Chinese land-use carbon accounting: C = Σ energy (tce) × t C/tce, see
 * shared/research/factors.md §6.1). Applied to a mine's land, such a coefficient counts the same
 * energy that a mine inventory measures (seed 002 Eq. 3–4), so the two must never be added as
 * they are; and at a fixed coal output the energy does not shrink with the land.
 */
export interface EnergyUseCoefficient {
  /** What the coefficient stands for, in one sentence for the output. */
  readonly standsFor: string;
  /** The part of a mine inventory that measures the same energy (seed 002 Eq. 2–4). */
  readonly inventoryPart: string;
}

const ZHAO = "Zhao et al. (2013), seed 000 Table 1";

/** The energy-use emission coefficients of the factor library, by factor id. */
export const ENERGY_USE_COEFFICIENTS: Readonly<Record<string, EnergyUseCoefficient>> = {
  "seed000.t1.zhao2013.urban_industrial_mining.emission": {
    standsFor: `energy used on urban, industrial and mining land (${ZHAO}), not an emission of the land itself`,
    inventoryPart: "energy used on industrial and mining land, P_M (seed 002 Eq. 3), and residential P_R",
  },
  "seed000.t1.zhao2013.rural_settlement.emission": {
    standsFor: `energy used in rural settlements (${ZHAO}), not an emission of the land itself`,
    inventoryPart: "residential energy, P_R (seed 002 Eq. 2)",
  },
  "seed000.t1.zhao2013.transportation.emission": {
    standsFor: `fuel used by transport on transportation land (${ZHAO}), not an emission of the land itself`,
    inventoryPart: "transport energy, P_S (seed 002 Eq. 4)",
  },
};

/** The energy-use meaning of an emission factor, or undefined when it is an emission of the land. */
export function energyUseOf(factorId: string | null | undefined): EnergyUseCoefficient | undefined {
  return factorId && Object.hasOwn(ENERGY_USE_COEFFICIENTS, factorId)
    ? ENERGY_USE_COEFFICIENTS[factorId]
    : undefined;
}
