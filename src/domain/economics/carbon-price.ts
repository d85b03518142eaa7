import type { FactorTable } from "../factor/factor-table.ts";

/** A price given as a number (with its source) or a factor id of the library (CNY/t CO2e). */
export type PriceRef = number | string;

/** A carbon price path: a start price growing by a fixed rate a year, in three variants. */
export interface PricePathSpec {
  readonly start: PriceRef;
  readonly startYear: number;
  readonly growth: { readonly low: number; readonly central: number; readonly high: number };
  readonly source?: string;
}

export type PriceCase = "low" | "central" | "high";
export const PRICE_CASES: readonly PriceCase[] = ["low", "central", "high"];

/** The start price in CNY/t CO2e and where it comes from. */
export function resolvePrice(
  ref: PriceRef,
  table: FactorTable,
  source?: string,
): { value: number; source: string } {
  if (typeof ref === "number") return { value: ref, source: source ?? "given" };
  const f = table.factor(ref);
  return { value: table.value(ref, "CNY/t CO2e").value, source: `${ref}: ${f.source}` };
}

/** Price in `year` of a path's case: start × (1 + g)^(year − startYear), flat before the start year. */
export function priceIn(spec: PricePathSpec, start: number, c: PriceCase, year: number): number {
  return start * (1 + spec.growth[c]) ** Math.max(0, year - spec.startYear);
}
