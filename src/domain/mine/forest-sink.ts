import { carbonToCO2e, tC } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { FOREST_SOIL_FACTOR, TREE_SPECIES } from "./tree-species.ts";

/** The carbon held by one forest stand (seed 002 Eq. 8–9). */
export interface ForestStock {
  readonly species: string;
  readonly areaHa: number;
  readonly volumeM3PerHa: number;
  /** B = a + b·V, t biomass/ha (Eq. 9). */
  readonly biomassTPerHa: number;
  readonly carbonFraction: number;
  /** B·Cρ (+ soil under forest when counted), t C/ha. */
  readonly carbonTCPerHa: number;
  readonly soilTCPerHa: number;
  /** Area × carbon per ha, t C. */
  readonly stockTC: number;
  /** × 44/12, t CO2e (Eq. 8). */
  readonly stockTCO2e: number;
  readonly factorIds: readonly string[];
}

/**
 * Carbon stock of a forest stand by seed 002 Eq. 8–9: C = 44/12 × (B·S·Cρ + S·Cρ_s) with
 * B = a + b·V, Cρ_s the soil under forest (1.21 t C/ha). Returns the stock; whether and how it
 * becomes a yearly sink is the caller's stated choice.
 */
export function forestStock(
  speciesKey: string,
  areaHa: number,
  volumeM3PerHa: number | undefined,
  withSoil: boolean,
  table: FactorTable,
): ForestStock {
  const s = TREE_SPECIES[speciesKey];
  if (!s) throw new Error(`internal: unknown species ${speciesKey}`);
  const ids = [s.intercept, s.slope, s.carbonFraction];
  let v = volumeM3PerHa;
  if (v === undefined) {
    v = table.value(s.volume!, "m3/ha").value;
    ids.push(s.volume!);
  }
  const a = table.value(s.intercept, "t/ha").value;
  const b = table.value(s.slope, "t/m3").value;
  const cf = table.value(s.carbonFraction, "t C/t d.m.").value;
  const soil = withSoil ? table.value(FOREST_SOIL_FACTOR, "t C/ha").value : 0;
  if (withSoil) ids.push(FOREST_SOIL_FACTOR);
  const biomass = a + b * v;
  const perHa = biomass * cf + soil;
  const stockTC = areaHa * perHa;
  return {
    species: speciesKey,
    areaHa,
    volumeM3PerHa: v,
    biomassTPerHa: biomass,
    carbonFraction: cf,
    carbonTCPerHa: perHa,
    soilTCPerHa: soil,
    stockTC,
    stockTCO2e: carbonToCO2e(tC(stockTC)),
    factorIds: ids,
  };
}
