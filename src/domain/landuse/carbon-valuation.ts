import { z } from "zod";
import { field } from "../common/field-meta.ts";
import { boundRule, formatBound, QUANTITY_BOUNDS } from "../common/input-bounds.ts";
import { amountUpTo, signedUpTo } from "../validation/bounded-number.ts";
import { userText } from "../validation/user-text.ts";
import { carbonToCO2e, tC } from "../../units/carbon.ts";

/**
 * A discount rate, as a fraction a year: 0 (no discounting) to 1 (100 %/yr). Above it everything after
 * the first year is worth almost nothing; below 0 the future would count more than the present (the
 * same bound as a pathway's `economics.discountRate`).
 */
export const DISCOUNT_RATE_RANGE = {
  min: 0,
  max: 1,
  why: "0 (no discounting) to 1 (100 %/yr); a negative rate would value the future above the present",
} as const;

/**
 * What the valuation of a storage change is asked: a carbon price (CNY per t CO2e, or the id of a
 * price factor of the library), its yearly change and a discount rate (fractions a year).
 */
export const valuationInput = z.strictObject({
  carbonPrice: field(
    z.union(
      [
        amountUpTo(QUANTITY_BOUNDS.priceCNYPerTCO2e),
        userText().regex(/\S/, {
          error: "must name a price factor of the library (e.g. cn.ets.cea.year4.mean)",
        }),
      ],
      {
        error: `must be a finite price in CNY per t CO2e, 0 to ${formatBound(QUANTITY_BOUNDS.priceCNYPerTCO2e.max)}, or the id of a price factor of the library (e.g. cn.ets.cea.year4.mean)`,
      },
    ),
    "CNY/t CO2e",
    ["carbon price", "碳价"],
    [
      "carbon price in the first year of the analysis, CNY per t CO2e, or a price factor id of the library (e.g. cn.ets.cea.year4.mean)",
      "分析首年的碳价（元/吨CO2当量），或因子库中碳价因子的编号（如 cn.ets.cea.year4.mean）",
    ],
  ),
  priceChangePerYear: field(
    signedUpTo(QUANTITY_BOUNDS.growthPerYear),
    "fraction/yr",
    ["yearly change of the carbon price", "碳价年变化率"],
    [
      "a fraction (0.03 = the price rises 3 % a year); 0 when omitted",
      "比例（0.03 表示碳价每年上涨3%）；缺省为0",
    ],
  ).default(0),
  discountRatePerYear: field(
    z
      .number()
      .min(DISCOUNT_RATE_RANGE.min, { error: `must be ≥ 0 (${DISCOUNT_RATE_RANGE.why})` })
      .max(DISCOUNT_RATE_RANGE.max, { error: `must be ≤ 1 (${DISCOUNT_RATE_RANGE.why})` }),
    "fraction/yr",
    ["discount rate", "折现率"],
    ["a fraction a year (0.07 = 7 %/yr, InVEST's example)", "每年的比例（0.07 即 7%/年，InVEST 示例值）"],
  ),
});

export type ValuationInput = z.input<typeof valuationInput>;

/** The valuation asked of an analysis, with the price resolved to a number. */
export interface ValuationSpec {
  /** Price of a tonne of CO2e in `baseYear`, CNY/t CO2e. */
  readonly priceCNYPerTCO2e: number;
  /** Where the price comes from (a factor id and its source, or "given"). */
  readonly priceSource: string;
  /** Yearly change of the price, fraction/yr: the price in year y is P·(1 + g)^(y − baseYear). */
  readonly priceChangePerYear: number;
  /** Discount rate r, fraction/yr; values are discounted to `baseYear`. */
  readonly discountRatePerYear: number;
  /** The year the price is for and present values are in: the analysis's first date. */
  readonly baseYear: number;
}

/** The value of one interval's storage change. */
export interface IntervalValue {
  /** Price in the interval's first year, CNY/t CO2e. */
  readonly priceAtStartCNYPerTCO2e: number;
  /** Σ_{t=0}^{T−1} ((1 + g)/(1 + r))^t: the discounted years (T when g = r). */
  readonly discountedYears: number;
  /** Net present value in the interval's first year, CNY (InVEST's value of one baseline → alternate pair). */
  readonly npvAtIntervalStartCNY: number;
  /** The same discounted to the base year, CNY: the values of consecutive intervals add up. */
  readonly npvCNY: number;
}

/**
 * InVEST's valuation of a change in carbon storage (Sharp et al., InVEST User's Guide, "Carbon
 * Storage and Sequestration", Eq. carbon_value): the change ΔC (t C) between years y0 and y1 is
 * spread evenly over the T = y1 − y0 years, and the tonnes of year y0 + t (t = 0 … T − 1) are valued
 * at that year's price and discounted to y0:
 *
 *   NPV(y0) = P(y0) · 44/12 · ΔC / T · Σ_{t=0}^{T−1} ((1 + g) / (1 + r))^t,   P(y0) = P · (1 + g)^(y0 − base)
 *
 * P in CNY per t CO2e (hence × 44/12 for t C), g the yearly price change, r the discount rate. InVEST
 * writes the sum's term as 1 / ((1 + r)^t (1 + c)^t) with c its "annual rate of change in the price of
 * carbon", where c > 0 makes later tonnes worth less; MineCarbon's g is a price that rises for g > 0,
 * so InVEST's c is g = 1/(1 + c) − 1 here (c = 2 % → g = −1.96 %); with g = c = 0 both agree. The
 * value discounted to the base year is NPV(y0) / (1 + r)^(y0 − base). A loss of storage (ΔC < 0) has a
 * negative value: a cost.
 */
export function storageChangeValue(
  changeTC: number,
  fromYear: number,
  toYear: number,
  spec: ValuationSpec,
): IntervalValue {
  const years = toYear - fromYear;
  if (!(years > 0)) throw new Error(`internal: ${fromYear} → ${toYear} is not forward in time`);
  if (fromYear < spec.baseYear)
    throw new Error(`internal: ${fromYear} is before the valuation's base year ${spec.baseYear}`);
  const g = spec.priceChangePerYear;
  const r = spec.discountRatePerYear;
  // A sum of at most 300 terms (the span of the year range): exact where InVEST's closed form
  // (1 − q^T)/(1 − q) loses digits as q → 1.
  const q = (1 + g) / (1 + r);
  let discountedYears = 0;
  for (let t = 0, qt = 1; t < years; t++, qt *= q) discountedYears += qt;
  const since = fromYear - spec.baseYear;
  const priceAtStart = spec.priceCNYPerTCO2e * (1 + g) ** since;
  const npvAtStart = priceAtStart * carbonToCO2e(tC(changeTC / years)) * discountedYears;
  return {
    priceAtStartCNYPerTCO2e: priceAtStart,
    discountedYears,
    npvAtIntervalStartCNY: npvAtStart,
    npvCNY: npvAtStart / (1 + r) ** since,
  };
}

/** The bound rule texts of the valuation's inputs, for CLI help and docs. */
export const VALUATION_RULES = {
  carbonPrice: boundRule(QUANTITY_BOUNDS.priceCNYPerTCO2e),
  priceChangePerYear: boundRule(QUANTITY_BOUNDS.growthPerYear, true),
  discountRatePerYear: `must be 0 to 1 (${DISCOUNT_RATE_RANGE.why})`,
} as const;
