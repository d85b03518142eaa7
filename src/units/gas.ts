import { quantity, type Quantity } from "./quantity.ts";
import { CO2_PER_C, tCO2e, type TonnesC, type TonnesCO2e } from "./carbon.ts";

declare const tonneCH4Brand: unique symbol;
declare const tonneCO2Brand: unique symbol;

/** A mass of methane in tonnes (t CH4). */
export type TonnesCH4 = Quantity<typeof tonneCH4Brand>;
/** A mass of carbon dioxide gas in tonnes (t CO2), before any GWP weighting. */
export type TonnesCO2 = Quantity<typeof tonneCO2Brand>;

/** A mass of methane in t CH4. */
export function tCH4(value: number): TonnesCH4 {
  return quantity<typeof tonneCH4Brand>(value, "methane (t CH4)");
}

/** A mass of CO2 in t CO2. */
export function tCO2(value: number): TonnesCO2 {
  return quantity<typeof tonneCO2Brand>(value, "carbon dioxide (t CO2)");
}

/**
 * Mass of CO2 formed when one tonne of CH4 burns completely: 44/16 = 2.75 t CO2/t CH4
 * (stoichiometry; factor library id `const.ch4_to_co2`).
 */
export const CO2_PER_CH4_BURNED = 44 / 16;

/** t CH4 → t CO2e with the 100-year GWP of the chosen assessment report (t CO2e per t CH4). */
export function ch4ToCO2e(methane: TonnesCH4, gwp100: number): TonnesCO2e {
  if (!(gwp100 > 0)) throw new RangeError(`the GWP of CH4 must be > 0; got ${gwp100}`);
  return tCO2e(methane * gwp100);
}

/** t CO2 → t CO2e (GWP of CO2 is 1 by definition). */
export function co2ToCO2e(co2: TonnesCO2): TonnesCO2e {
  return tCO2e(co2);
}

/** CO2 formed by burning `methane` completely (× 44/16). */
export function co2FromBurnedMethane(methane: TonnesCH4): TonnesCO2 {
  return tCO2(methane * CO2_PER_CH4_BURNED);
}

/** CO2 formed when `carbon` is oxidised completely, e.g. the carbon of a fuel burnt (× 44/12). */
export function carbonToCO2(carbon: TonnesC): TonnesCO2 {
  return tCO2(carbon * CO2_PER_C);
}
