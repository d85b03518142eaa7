import { resolvePrice } from "../domain/economics/carbon-price.ts";
import type { FactorUse } from "../domain/factor/factor.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import {
  valuationInput,
  type ValuationInput,
  type ValuationSpec,
} from "../domain/landuse/carbon-valuation.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";

/** The unit a valuation price is read in: the factor library's carbon prices are per t CO2e. */
const PRICE_UNIT = "CNY/t CO2e";

/** A valuation checked and its price resolved. */
export interface ChosenValuation {
  readonly spec: ValuationSpec;
  readonly factorsUsed: FactorUse[];
  readonly warnings: string[];
}

/**
 * Checks the valuation asked of an analysis and resolves its price (a number, or a price factor of
 * the library, recorded as used): every problem at once, each at `valuation.<field>`, with a warning when a price factor
 * is for other years than the first date's. Undefined when none was asked.
 */
export function chooseValuation(
  input: ValuationInput | undefined,
  o: {
    readonly hasPools: boolean;
    /** How the user gives carbon densities, in their terms. */
    readonly densities: string;
    readonly baseYear: number;
    readonly factors: FactorTable | undefined;
  },
): ChosenValuation | undefined {
  if (input === undefined) return undefined;
  const at = (field: keyof ValuationInput) => `valuation.${field}`;
  const parsed = valuationInput.safeParse(input);
  const issues: InputIssue[] = parsed.success
    ? []
    : zodIssuesToInputIssues(parsed.error, input).map((i) => {
        const field = i.path.split(/[.[]/)[0] as keyof ValuationInput;
        return { path: at(field) + i.path.slice(field.length), message: i.message };
      });
  if (!o.hasPools)
    issues.push({
      path: at("carbonPrice"),
      message: `needs carbon densities (${o.densities}): the valuation prices the change in carbon storage they give`,
    });
  if (issues.length || !parsed.success) throw new InputError("landuse analyze", issues);
  const v = parsed.data;
  let price = typeof v.carbonPrice === "number" ? { value: v.carbonPrice, source: "given" } : undefined;
  const warnings: string[] = [];
  const table = o.factors?.fresh();
  if (typeof v.carbonPrice === "string") {
    const id = v.carbonPrice;
    const f = table?.peek(id);
    const prices = (table?.all() ?? [])
      .filter((x) => x.unit === PRICE_UNIT)
      .map((x) => x.id)
      .join(", ");
    if (!table || !f)
      throw new InputError("landuse analyze", [
        {
          path: at("carbonPrice"),
          message: `must be a number (CNY per t CO2e) or the id of a price factor of the library (${prices || "none loaded"}); got "${id}"`,
        },
      ]);
    if (f.unit !== PRICE_UNIT)
      throw new InputError("landuse analyze", [
        {
          path: at("carbonPrice"),
          message: `must be a price factor in ${PRICE_UNIT}; factor ${id} is in ${f.unit} (price factors: ${prices})`,
        },
      ]);
    price = resolvePrice(id, table);
    // A market price of one period read as the price of another: allowed (InVEST's V is whatever
    // the user gives), but said, since the present values are then in that other year's money.
    const from = f.validFrom ?? -Infinity;
    const to = f.validTo ?? Infinity;
    if (o.baseYear < from || o.baseYear > to)
      warnings.push(
        `the carbon price ${id} (${price.value} ${PRICE_UNIT}) is for ${f.validFrom ?? "…"}–${f.validTo ?? "…"} but is read as the price in ${o.baseYear}, the first date: the values of the storage change are in ${o.baseYear} at that price; give the price of ${o.baseYear} (a number) to value the change at its own time`,
      );
  }
  return {
    spec: {
      priceCNYPerTCO2e: price!.value,
      priceSource: price!.source,
      priceChangePerYear: v.priceChangePerYear,
      discountRatePerYear: v.discountRatePerYear,
      baseYear: o.baseYear,
    },
    factorsUsed: table?.used() ?? [],
    warnings,
  };
}
