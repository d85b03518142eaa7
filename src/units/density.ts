import { quantity, type Quantity } from "./quantity.ts";
import { tC, tCPerYr, type TonnesC, type TonnesCPerYear } from "./carbon.ts";
import type { Hectares } from "./area.ts";
import type { Years } from "./time.ts";

declare const tCPerHaBrand: unique symbol;
declare const tCPerHaYrBrand: unique symbol;

/** A carbon density — a stock per area — in t C/ha. Not a yearly sink. */
export type CarbonDensity = Quantity<typeof tCPerHaBrand>;
/** A yearly carbon flux per area in t C/ha/yr (a sink or an emission rate). */
export type CarbonFluxDensity = Quantity<typeof tCPerHaYrBrand>;

/** A carbon stock per area in t C/ha. */
export function tCPerHaStock(value: number): CarbonDensity {
  return quantity<typeof tCPerHaBrand>(value, "carbon density (t C/ha)");
}

/** A yearly carbon flux per area in t C/ha/yr. */
export function tCPerHaYrFlux(value: number): CarbonFluxDensity {
  return quantity<typeof tCPerHaYrBrand>(value, "carbon flux density (t C/ha/yr)");
}

/** Stock held on an area: density (t C/ha) × area (ha) = t C. */
export function stockOnArea(density: CarbonDensity, area: Hectares): TonnesC {
  return tC(density * area);
}

/** Yearly flux of an area: flux density (t C/ha/yr) × area (ha) = t C/yr. */
export function fluxOnArea(flux: CarbonFluxDensity, area: Hectares): TonnesCPerYear {
  return tCPerYr(flux * area);
}

/**
 * The explicit conversion from a stock to a yearly flux: a density accumulated evenly over
 * `period` years gives density / period t C/ha/yr. There is no other way from one to the other.
 */
export function densityOverYears(density: CarbonDensity, period: Years): CarbonFluxDensity {
  if (!(period > 0)) throw new RangeError(`the accumulation period must be > 0 years; got ${period}`);
  return tCPerHaYrFlux(density / period);
}
