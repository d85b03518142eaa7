import { readFileSync } from "node:fs";
import { z } from "zod";
import { FACTOR_STATUSES, type FactorStatus } from "../domain/factor/factor.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";

const year = z.number().int().min(1800).max(2300);
const finite = z.number(); // zod 4 refuses NaN and ±Infinity in z.number()

/** A factor as a result lists it among the factors it used. */
const factorUse = z.object({
  id: z.string(),
  quantity: z.string(),
  value: finite,
  low: finite.optional(),
  high: finite.optional(),
  unit: z.string(),
  source: z.string(),
  table: z.string(),
  status: z.custom<FactorStatus>((s) => FACTOR_STATUSES.includes(s as FactorStatus), {
    message: `must be one of ${FACTOR_STATUSES.join(", ")}`,
  }),
  overridden: z.boolean(),
  origin: z.string(),
});

/**
 * The part of an analysis's summary.json that a report shows (written by `landuse analyze` and by
 * the server's analysis jobs). Other fields may be there too; these must be, with these types.
 */
export const landuseReportInput = z.looseObject({
  legend: z.looseObject({
    id: z.string(),
    classes: z
      .array(
        z.object({
          code: z.number().int().min(0).max(65535),
          key: z.string(),
          name: z.string(),
          nameZh: z.string().optional(),
          group: z.string().optional(),
          colour: z.string().optional(),
        }),
      )
      .min(1),
  }),
  inputs: z.array(z.looseObject({ year, path: z.string(), sha256: z.string() })).min(2),
  grid: z.looseObject({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    crs: z.string(),
    pixelWidth: finite.positive(),
    pixelHeight: finite.positive(),
  }),
  classes: z.array(
    z.looseObject({ year, code: z.number().int(), class: z.string(), area_ha: finite, percent: finite }),
  ),
  transitionsMultistep: z.array(
    z.looseObject({
      from_year: year,
      to_year: year,
      from_code: z.number().int(),
      to_code: z.number().int(),
      area_ha: finite,
    }),
  ),
  transitionsOnestep: z.array(
    z.looseObject({
      from_year: year,
      to_year: year,
      from_code: z.number().int(),
      to_code: z.number().int(),
      from_class: z.string(),
      to_class: z.string(),
      area_ha: finite,
    }),
  ),
  intensityInterval: z.array(
    z.looseObject({
      from_year: year,
      to_year: year,
      St_percent_per_year: finite,
      U_percent_per_year: finite,
      pace: z.string(),
    }),
  ),
  zonesByPeriod: z.array(
    z.looseObject({
      from_year: year,
      to_year: year,
      zone: z.string(),
      area_ha: finite,
      share: finite,
      kind: z.string(),
    }),
  ),
  zoning: z.looseObject({ id: z.string(), source: z.string(), zones: z.array(z.string()) }).nullable(),
  carbon: z.array(z.looseObject({ year, pool: z.string(), total_tC: finite })),
  stockLostToMining: z
    .looseObject({
      totalLossTC: finite,
      totalLossTCO2e: finite,
      densitySet: z.string(),
      factorsUsed: z.array(factorUse),
    })
    .nullable(),
  // Written since issue 10 (items 8 and 11); summaries of older analyses lack them and still report.
  componentsOverall: z
    .array(
      z.looseObject({
        kind: z.string(),
        from_year: year,
        to_year: year,
        total_change_ha: finite,
        quantity_ha: finite,
        exchange_ha: finite,
        shift_ha: finite,
        total_change_percent: finite,
        quantity_percent: finite,
        exchange_percent: finite,
        shift_percent: finite,
      }),
    )
    .optional(),
  accumulatedChanges: z
    .array(
      z.looseObject({ changes: z.number().int().min(0), pixels: finite, area_ha: finite, percent: finite }),
    )
    .optional(),
  carbonChange: z
    .array(
      z.looseObject({
        kind: z.string(),
        from_year: year,
        to_year: year,
        pool: z.string(),
        change_tC: finite,
        change_tCO2e: finite,
        change_tC_per_yr: finite,
      }),
    )
    .optional(),
  valuation: z
    .looseObject({
      carbonPriceCNYPerTCO2e: finite,
      priceSource: z.string(),
      priceYear: year,
      priceChangePerYear: finite,
      discountRatePerYear: finite,
      presentValueYear: year,
      factorsUsed: z.array(factorUse),
    })
    .nullable()
    .optional(),
  carbonValue: z
    .array(
      z.looseObject({
        kind: z.string(),
        from_year: year,
        to_year: year,
        change_tCO2e: finite,
        price_at_start_CNY_per_tCO2e: finite,
        npv_at_interval_start_CNY: finite,
        npv_CNY: finite,
      }),
    )
    .optional(),
  outputs: z.array(z.string()),
  warnings: z.array(z.string()),
  assumptions: z.array(z.string()).optional(),
  zeroChangeRule: z.string(),
});

/** What a land-use analysis leaves in summary.json that a report shows. */
export type LanduseResultForReport = z.infer<typeof landuseReportInput>;

/**
 * Reads an analysis's summary.json for a report: a file that is not JSON, cut short, or lacks or
 * mistypes a field the report needs is bad input naming the file and each field.
 */
export function readLanduseReportInput(path: string): LanduseResultForReport {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new InputError(path, [
      {
        path: "",
        message: `is not a readable summary.json (${(e as Error).message}); run \`minecarbon landuse analyze\` again to rewrite it`,
      },
    ]);
  }
  const r = landuseReportInput.safeParse(raw);
  if (!r.success)
    throw new InputError(
      path,
      zodIssuesToInputIssues(r.error, raw).concat({
        path: "",
        message:
          "is not the summary.json of a land-use analysis this version writes; run `minecarbon landuse analyze` again",
      }),
    );
  return r.data;
}
