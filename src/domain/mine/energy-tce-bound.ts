import { QUANTITY_BOUNDS } from "../common/input-bounds.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { unitConversion } from "../factor/factor-units.ts";
import { ENERGY_CARRIERS } from "./energy-carriers.ts";

/**
 * The largest amount an energy use may give in its own unit: the bound on energy in standard coal
 * (QUANTITY_BOUNDS.energyTce, 1e11 tce) divided by the use's tce per unit — its `tceFactor`, else the
 * carrier's coefficient, read as energyEmission reads it (kgce per m³ or kWh ÷ 1000) but without marking
 * it used. One bound of 1e15 "in the carrier's unit" let 1e15 t of coal through, 1e4 times the 1e15 kg
 * it was meant for. Undefined where the carrier, unit or coefficient is unknown (each is refused on its
 * own) or the coefficient is not positive.
 *
 * @returns `max` in the use's unit and `tcePerUnit`, tce per one of that unit
 * @example energyAmountBound({ carrier: "raw-coal", unit: "10^4 t" }, table) // max ≈ 1.4e7 (× 7,143 tce)
 */
export function energyAmountBound(
  use: { readonly carrier: string; readonly unit: string; readonly tceFactor?: string | undefined },
  table: FactorTable,
): { readonly max: number; readonly tcePerUnit: number } | undefined {
  const carrier = Object.hasOwn(ENERGY_CARRIERS, use.carrier) ? ENERGY_CARRIERS[use.carrier]! : undefined;
  if (!carrier || !Object.hasOwn(carrier.units, use.unit)) return undefined;
  const f = table.peek(use.tceFactor ?? carrier.tce.factor);
  const k = f ? unitConversion(f.unit, carrier.tce.unit) : undefined;
  if (!f || k === undefined) return undefined;
  const perBase = f.value * k * (carrier.tce.unit.startsWith("kgce/") ? 1e-3 : 1);
  const tcePerUnit = carrier.units[use.unit]! * perBase;
  if (!(tcePerUnit > 0)) return undefined;
  return { max: QUANTITY_BOUNDS.energyTce.max / tcePerUnit, tcePerUnit };
}
