import { quantity, type Quantity } from "./quantity.ts";

declare const gigajouleBrand: unique symbol;
declare const tonneCoalEquivalentBrand: unique symbol;
declare const kilowattHourBrand: unique symbol;
declare const tonneBrand: unique symbol;

/** Energy in gigajoules (GJ). */
export type Gigajoules = Quantity<typeof gigajouleBrand>;
/** Energy in tonnes of standard coal equivalent (tce, 吨标准煤). */
export type TonnesCoalEquivalent = Quantity<typeof tonneCoalEquivalentBrand>;
/** Electrical energy in kWh. */
export type KilowattHours = Quantity<typeof kilowattHourBrand>;
/** A mass of a material (fuel, coal, explosive) in tonnes (t). */
export type Tonnes = Quantity<typeof tonneBrand>;

/**
 * Heat content of one tonne of standard coal: 29.3076 GJ (1 kgce = 7,000 kcal = 29,307.6 kJ,
 * the definition of standard coal in GB/T 2589).
 */
export const GJ_PER_TCE = 29.3076;

/** Energy in GJ. */
export function gj(value: number): Gigajoules {
  return quantity<typeof gigajouleBrand>(value, "energy (GJ)");
}

/** Energy in tce. */
export function tce(value: number): TonnesCoalEquivalent {
  return quantity<typeof tonneCoalEquivalentBrand>(value, "energy (tce)");
}

/** Electricity in kWh. */
export function kWh(value: number): KilowattHours {
  return quantity<typeof kilowattHourBrand>(value, "electricity (kWh)");
}

/** Electricity in 10⁴ kWh (万千瓦时), the unit of Chinese energy statistics. */
export function tenThousandKWh(value: number): KilowattHours {
  return kWh(value * 10_000);
}

/** Electricity in MWh. */
export function mWh(value: number): KilowattHours {
  return kWh(value * 1000);
}

/** A mass in tonnes. */
export function tonnes(value: number): Tonnes {
  return quantity<typeof tonneBrand>(value, "mass (t)");
}

/** tce → GJ (× 29.3076). */
export function tceToGJ(energy: TonnesCoalEquivalent): Gigajoules {
  return gj(energy * GJ_PER_TCE);
}

/** GJ → tce (÷ 29.3076). */
export function gjToTce(energy: Gigajoules): TonnesCoalEquivalent {
  return tce(energy / GJ_PER_TCE);
}
