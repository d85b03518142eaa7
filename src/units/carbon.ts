import { quantity, type Quantity } from "./quantity.ts";
import type { Years } from "./time.ts";

/**
 * Molar-mass ratio CO2/C = 44/12, the one conversion between carbon and CO2 (stoichiometry;
 * factor library id `const.c_to_co2`). All carbon ↔ CO2e conversions in MineCarbon go through here.
 */
export const CO2_PER_C = 44 / 12;

declare const tonneCBrand: unique symbol;
declare const tonneCO2eBrand: unique symbol;
declare const tonneCPerYearBrand: unique symbol;
declare const tonneCO2ePerYearBrand: unique symbol;

/** A carbon stock or one-time amount, in tonnes of carbon (t C). */
export type TonnesC = Quantity<typeof tonneCBrand>;
/** A CO2-equivalent stock or one-time amount, in tonnes of CO2e (t CO2e). */
export type TonnesCO2e = Quantity<typeof tonneCO2eBrand>;
/** A yearly carbon flux, in t C per year (t C/yr). */
export type TonnesCPerYear = Quantity<typeof tonneCPerYearBrand>;
/** A yearly CO2-equivalent flux, in t CO2e per year (t CO2e/yr). */
export type TonnesCO2ePerYear = Quantity<typeof tonneCO2ePerYearBrand>;

/** An amount of carbon in t C. */
export function tC(value: number): TonnesC {
  return quantity<typeof tonneCBrand>(value, "carbon (t C)");
}

/** An amount in t CO2e. */
export function tCO2e(value: number): TonnesCO2e {
  return quantity<typeof tonneCO2eBrand>(value, "CO2-equivalent (t CO2e)");
}

/** A yearly carbon flux in t C/yr. */
export function tCPerYr(value: number): TonnesCPerYear {
  return quantity<typeof tonneCPerYearBrand>(value, "carbon flux (t C/yr)");
}

/** A yearly flux in t CO2e/yr. */
export function tCO2ePerYr(value: number): TonnesCO2ePerYear {
  return quantity<typeof tonneCO2ePerYearBrand>(value, "CO2e flux (t CO2e/yr)");
}

/** t C → t CO2e (× 44/12). */
export function carbonToCO2e(carbon: TonnesC): TonnesCO2e {
  return tCO2e(carbon * CO2_PER_C);
}

/** t CO2e → t C (× 12/44). */
export function co2eToCarbon(co2e: TonnesCO2e): TonnesC {
  return tC(co2e / CO2_PER_C);
}

/** t C/yr → t CO2e/yr (× 44/12). */
export function carbonFluxToCO2e(flux: TonnesCPerYear): TonnesCO2ePerYear {
  return tCO2ePerYr(flux * CO2_PER_C);
}

/** t CO2e/yr → t C/yr (× 12/44). */
export function co2eFluxToCarbon(flux: TonnesCO2ePerYear): TonnesCPerYear {
  return tCPerYr(flux / CO2_PER_C);
}

/**
 * The one-time amount emitted or removed within one reporting year, read as that year's flux.
 * This is the explicit step from "tonnes during the year" to "tonnes per year".
 */
export function asYearlyFlux(amount: TonnesCO2e): TonnesCO2ePerYear {
  return tCO2ePerYr(amount);
}

/** A carbon stock spread evenly over `period` years: t C / yr. */
export function carbonStockOverYears(stock: TonnesC, period: Years): TonnesCPerYear {
  if (!(period > 0)) throw new RangeError(`the period must be > 0 years; got ${period}`);
  return tCPerYr(stock / period);
}

/** A yearly flux accumulated over `period` years: t C. */
export function carbonFluxOverYears(flux: TonnesCPerYear, period: Years): TonnesC {
  return tC(flux * period);
}

/** A low/central/high range whose bounds are in one unit (named in the field that holds it). */
export interface CarbonRange<T extends number = number> {
  readonly low: T;
  readonly central: T;
  readonly high: T;
}

/** Each bound of a range in t C/yr → t CO2e/yr (× 44/12); the order of the bounds is kept. */
export function carbonFluxRangeToCO2e(range: CarbonRange): CarbonRange<TonnesCO2ePerYear> {
  return {
    low: carbonFluxToCO2e(tCPerYr(range.low)),
    central: carbonFluxToCO2e(tCPerYr(range.central)),
    high: carbonFluxToCO2e(tCPerYr(range.high)),
  };
}

/**
 * The yearly t CO2e that each t C of a stock gives when spread evenly over `period` years:
 * 44/12 ÷ period (t CO2e/yr per t C). The coefficient of a linear term (stock in t C × this =
 * t CO2e/yr), for models that keep the stock and the conversion as separate factors.
 */
export function co2eFluxPerCarbonOver(period: Years): number {
  if (!(period > 0)) throw new RangeError(`the period must be > 0 years; got ${period}`);
  return CO2_PER_C / period;
}
