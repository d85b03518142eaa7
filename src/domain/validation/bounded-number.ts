import { z } from "zod";
import {
  boundRule,
  COUNT_BOUNDS,
  MAX_WHOLE_YEARS,
  SEED_RANGE,
  YEAR_RANGE,
  type InputBound,
} from "../common/input-bounds.ts";

/**
 * zod number and list specs with the documented bounds of input-bounds.ts, so that a spec says
 * `amountUpTo(QUANTITY_BOUNDS.areaHa)` and the message says which bound and why:
 * "`areas[0].areaHa` must be ≤ 960,000,000 ha (the land area of China, 9.6 million km²); got 1e+308".
 * zod's numbers are finite already (NaN and ±∞ are refused as "must be a finite number").
 */

/** A quantity ≥ 0 up to the bound. */
export function amountUpTo(b: InputBound) {
  return z
    .number()
    .min(0)
    .max(b.max, { error: boundRule(b) });
}

/** A quantity > 0 up to the bound. */
export function positiveUpTo(b: InputBound) {
  return z
    .number()
    .positive()
    .max(b.max, { error: boundRule(b) });
}

/** A quantity of either sign whose magnitude is within the bound. */
export function signedUpTo(b: InputBound) {
  const error = boundRule(b, true);
  return z.number().min(-b.max, { error }).max(b.max, { error });
}

/** A calendar year an account can be about (1900–2200). */
export function calendarYear() {
  return z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max);
}

/** A number of whole years, from `min` up to the span of the year range (300). */
export function wholeYears(min: number) {
  return z
    .number()
    .int()
    .min(min)
    .max(MAX_WHOLE_YEARS, {
      error: `must be ≤ ${MAX_WHOLE_YEARS} years (the span of the years ${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
    });
}

/** A random seed: a whole number 0 to 2³² − 1 (the generator reads 32 bits). */
export function seedNumber() {
  return z
    .number()
    .int()
    .min(SEED_RANGE.min)
    .max(SEED_RANGE.max, {
      error: `must be ≤ ${SEED_RANGE.max} (the generator reads 32 bits of the seed)`,
    });
}

/** A list of at most `max` items (default: the bound on any list of an input). */
export function boundedList<T extends z.ZodType>(item: T, max: number = COUNT_BOUNDS.listItems) {
  return z.array(item).max(max, { error: `must have at most ${max.toLocaleString("en-US")} items` });
}
