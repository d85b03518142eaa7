import { quantity, type Quantity } from "./quantity.ts";

declare const yearBrand: unique symbol;
/** A duration in years (a), used to turn stocks into yearly fluxes explicitly. */
export type Years = Quantity<typeof yearBrand>;

/** A duration of `value` years; must be > 0 where it divides a stock. */
export function years(value: number): Years {
  return quantity<typeof yearBrand>(value, "duration (years)");
}
