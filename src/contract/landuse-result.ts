/**
 * The land-use analysis result: what `landuse analyze` writes to summary.json and what the server's
 * analysis jobs store (the same, with the density set, its assumptions and the pool table among the
 * outputs). Declared once here; every reader parses it with `parseLanduseResult` and uses the
 * inferred `LanduseResult`.
 *
 * Units are in the field names: `_ha`/`Ha` hectares, `_tC`/`TC` tonnes of carbon, `_tCO2e`/`TCO2e`
 * tonnes of CO2 equivalent, `_CNY` yuan, `percent` % of the area analysed, `_percent_per_year` % a
 * year. The table rows keep the snake_case columns of the CSV files they are written to.
 *
 * Version 1 is the first declared version. Results written before it carry no `schemaVersion`; they
 * have the same shape (the tables added by issue 10 are read as empty for them) and are read as version 1.
 */
import { z } from "zod";
import type { FactorStatus } from "../domain/factor/factor.ts";
import { POOL_NAMES } from "../domain/landuse/carbon-pools.ts";
import { CARBON_POOLS } from "../domain/budget/density-sets.ts";
import { LIFE_CYCLE_STAGES } from "../domain/common/life-cycle-stage.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";

/** The version of the land-use result this code writes. */
export const LANDUSE_RESULT_SCHEMA_VERSION = 1;

const year = z.number().int().min(1800).max(2300);
/** zod 4's number refuses NaN and ±Infinity: every figure is finite. */
const num = z.number();
const count = z.number().int().min(0);
const code = z.number().int().min(0).max(65535);
const kind = z
  .enum(["multistep", "onestep"])
  .describe("multistep: consecutive dates; onestep: first → last date");
const period = { from_year: year, to_year: year };

const factorStatuses = [
  "primary",
  "secondary",
  "unverified",
  "assumption",
] as const satisfies readonly FactorStatus[];

/** A factor of the library as a result used it. */
export const factorUseSchema = z.object({
  id: z.string(),
  quantity: z.string(),
  value: num,
  low: num.optional(),
  high: num.optional(),
  unit: z.string(),
  source: z.string(),
  table: z.string(),
  status: z.enum(factorStatuses),
  overridden: z.boolean().describe("whether a user's factor file replaced the library's value"),
  origin: z.string().describe("the library file or the user's factor file the row came from"),
});

export const legendClassSchema = z.object({
  code,
  key: z
    .string()
    .describe("the class's role id (arable, forest, open-pit, …) that zoning rules and density sets use"),
  name: z.string(),
  nameZh: z.string().optional(),
  group: z.string().optional(),
  colour: z.string().optional().describe("#rrggbb"),
});

export const resultGridSchema = z.object({
  width: count,
  height: count,
  originX: num,
  originY: num,
  pixelWidth: num.positive().describe("in the CRS's unit (m, or degrees for a geographic CRS)"),
  pixelHeight: num.positive(),
  crs: z.string().describe("a label, e.g. EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E)"),
  crsKind: z.enum(["projected", "geographic"]),
  epsg: z.number().int().optional(),
  proj4: z.string().optional(),
});

const inputMapSchema = z.object({
  year,
  path: z.string(),
  sha256: z.string(),
  grid: resultGridSchema,
  bits: z.number().int(),
  nodata: z.number().nullable(),
  compression: z.string(),
  layout: z.string().describe('"tiled W×H" or "striped, N rows"'),
  alignedNearest: z.boolean().describe("resampled onto the first map's grid by nearest neighbour"),
  nodataPixels: count,
});

const polygonsSchema = z.object({
  path: z.string(),
  features: count,
  crs: z.string().describe("the CRS the polygons were given in"),
  reprojected: z.boolean(),
});

const classRow = z.object({ year, code, class: z.string(), pixels: count, area_ha: num, percent: num });

const transitionRow = z.object({
  ...period,
  from_code: code,
  to_code: code,
  from_class: z.string(),
  to_class: z.string(),
  pixels: count,
  area_ha: num,
  percent: num,
});

const intensityIntervalRow = z.object({
  ...period,
  percent_change: num,
  St_percent_per_year: num.describe("annual change intensity of the interval"),
  U_percent_per_year: num.describe("uniform intensity over all intervals"),
  pace: z.enum(["fast", "slow", "uniform"]),
});

const categoryState = z.enum(["active", "dormant", "uniform", "undefined"]);
const intensityCategoryRow = z.object({
  ...period,
  code,
  class: z.string(),
  gain_ha: num,
  loss_ha: num,
  G_percent_per_year: num.nullable().describe("null where the class has no area at the end (0/0)"),
  L_percent_per_year: num.nullable().describe("null where the class has no area at the start (0/0)"),
  St_percent_per_year: num,
  gain_state: categoryState,
  loss_state: categoryState,
});

const intensityTransitionRow = z.object({
  ...period,
  level: z.enum(["gain", "loss"]),
  category_code: code,
  category: z.string(),
  other_code: code.describe("source of the category's gain, or destination of its loss"),
  other: z.string(),
  size_ha: num,
  rate_percent_per_year: num.nullable(),
  uniform_percent_per_year: num.nullable(),
  state: z.enum(["targeted", "avoided", "uniform", "undefined"]),
});

const stationarityRow = z.object({
  code,
  intervals: count,
  active: count,
  dormant: count,
  stationary: z.string().nullable().describe("the state held in every interval, or null"),
});

const componentRow = z.object({
  kind,
  ...period,
  code: z.union([code, z.literal("all")]).describe('"all": the overall row of the interval'),
  class: z.string(),
  start_ha: num,
  end_ha: num,
  gain_ha: num,
  loss_ha: num,
  net_change_ha: num,
  persistence_ha: num,
  swap_ha: num,
  quantity_ha: num,
  exchange_ha: num,
  shift_ha: num,
  allocation_ha: num,
  dynamic_degree_percent_per_year: num
    .nullable()
    .describe("null where the class has no area at the start (0/0)"),
});

const componentOverallRow = z.object({
  kind,
  ...period,
  years: num,
  area_ha: num,
  total_change_ha: num,
  quantity_ha: num,
  exchange_ha: num,
  shift_ha: num,
  allocation_ha: num,
  persistence_ha: num,
  total_change_percent: num,
  quantity_percent: num,
  exchange_percent: num,
  shift_percent: num,
});

const zonePeriodRow = z.object({
  ...period,
  zone: z.string().describe("a zone of the zoning rules, or unclassified"),
  pixels: count,
  area_ha: num,
  share: num.describe("% of the area analysed"),
  kind,
});

const poolOrTotal = z.enum([...POOL_NAMES, "total"]);
const carbonRow = z.object({ year, pool: poolOrTotal, total_tC: num.describe("stock, t C") });

const carbonChangeRow = z.object({
  kind,
  ...period,
  years: num,
  pool: poolOrTotal,
  start_tC: num,
  end_tC: num,
  change_tC: num.describe("end − start: + stored, − lost"),
  change_tCO2e: num.describe("× 44/12: + removed, − emitted"),
  change_tC_per_yr: num,
});

const carbonValueRow = z.object({
  kind,
  ...period,
  years: num,
  change_tC: num,
  change_tCO2e: num,
  price_at_start_CNY_per_tCO2e: num,
  discounted_years: num,
  npv_at_interval_start_CNY: num,
  npv_CNY: num.describe("discounted further to the first date's year"),
});

const byPool = z.object(
  Object.fromEntries(CARBON_POOLS.map((p) => [p, num])) as Record<(typeof CARBON_POOLS)[number], typeof num>,
);

const stockLostToMiningSchema = z
  .object({
    densitySet: z.string(),
    conversions: z.array(
      z.object({
        label: z.string(),
        from: z.string().describe("class key"),
        to: z.string().describe("class key"),
        areaHa: num,
        stage: z.enum(LIFE_CYCLE_STAGES).optional(),
        zone: z.string().optional(),
        densityDropTCPerHa: byPool,
        lossTC: byPool,
        totalLossTC: num,
        totalLossTCO2e: num,
      }),
    ),
    totalLossTC: num,
    totalLossTCO2e: num,
    lossByPoolTC: byPool,
    byStage: z.array(z.object({ group: z.string(), lossTC: num })),
    byZone: z.array(z.object({ group: z.string(), lossTC: num })),
    factorsUsed: z.array(factorUseSchema),
  })
  .describe("seed 001 §3.2: carbon lost once when arable land, forest and grassland become mining land");

const valuationSchema = z.object({
  carbonPriceCNYPerTCO2e: num,
  priceSource: z.string(),
  priceYear: year,
  priceChangePerYear: num.describe("fraction a year"),
  discountRatePerYear: num.describe("fraction a year"),
  presentValueYear: year,
  method: z.string(),
  factorsUsed: z.array(factorUseSchema),
});

const unitsSchema = z
  .object({
    area: z.string(),
    intensity: z.string(),
    carbon: z.string(),
    density: z.string(),
    stockLostToMining: z.string(),
    componentsOverall: z.string().optional(),
    carbonChange: z.string().optional(),
    carbonValue: z.string().optional(),
    accumulatedChanges: z.string().optional(),
  })
  .describe("the units of the figures, as text for a reader of the file");

/** How a field that analyses made before issue 10 lack is read. */
const LEGACY = "absent from analyses made before issue 10, read as empty (the outputs list no such file)";

/** The land-use analysis result, version 1. */
export const landuseResultSchema = z.object({
  schemaVersion: z
    .literal(LANDUSE_RESULT_SCHEMA_VERSION)
    .default(LANDUSE_RESULT_SCHEMA_VERSION)
    .describe("absent in results written before the schema was declared (read as 1)"),
  tool: z.literal("minecarbon landuse analyze"),
  units: unitsSchema,
  legend: z.object({
    id: z.string(),
    classes: z.array(legendClassSchema).min(1),
    absent: z.array(code).describe("legend codes found in no map at any date"),
  }),
  grid: resultGridSchema.describe("the first map's grid, onto which the analysis counts"),
  pixelAreaHa: z.union([
    num.positive(),
    z
      .object({ min: num, max: num, perRow: z.literal(true) })
      .describe("a geographic CRS: the pixel area varies by row"),
  ]),
  inputs: z.array(inputMapSchema).min(2),
  boundary: polygonsSchema.nullable(),
  zones: polygonsSchema
    .extend({ zones: z.array(z.string()).describe("zone names; the last holds the pixels outside them") })
    .nullable(),
  zoning: z
    .object({
      id: z.string(),
      source: z.string(),
      zones: z
        .array(z.string())
        .describe("in raster-code order (code = index + 1); the last is unclassified"),
      rasterCodes: z.array(z.object({ code: z.number().int().min(1), zone: z.string() })),
    })
    .nullable(),
  pools: z.object({ source: z.string(), unit: z.literal("t C/ha") }).nullable(),
  pixels: z.object({
    analysed: count,
    excludedNodataAtSomeDates: count,
    nodataAtAllDates: count,
    outsideBoundary: count,
  }),
  engine: z.object({
    workers: z.union([z.number().int().min(0), z.literal("one per core")]),
    blockRows: z.number().int().positive(),
    blocks: z.number().int().positive(),
    seconds: num.min(0),
  }),
  zeroChangeRule: z.enum(["paper", "openland"]),
  classes: z.array(classRow).describe("class areas at each date"),
  transitionsMultistep: z.array(transitionRow),
  transitionsOnestep: z.array(transitionRow),
  intensityInterval: z.array(intensityIntervalRow),
  intensityCategory: z.array(intensityCategoryRow),
  intensityTransition: z.array(intensityTransitionRow),
  stationarity: z.object({
    gain: z.array(stationarityRow),
    loss: z.array(stationarityRow),
    transitionGain: z.array(z.object({ category_code: code, rows: z.array(stationarityRow) })),
  }),
  components: z.array(componentRow),
  componentsOverall: z.array(componentOverallRow).default([]).describe(LEGACY),
  zonesByPeriod: z.array(zonePeriodRow).describe("empty without zoning"),
  carbon: z.array(carbonRow).describe("empty without carbon densities"),
  stockLostToMining: stockLostToMiningSchema.nullable(),
  zoneClasses: z
    .array(z.object({ zone: z.string(), year, code, class: z.string(), pixels: count, area_ha: num }))
    .describe("class areas per zone of the zones' polygons; empty without them"),
  carbonChange: z.array(carbonChangeRow).default([]).describe(`empty without densities; ${LEGACY}`),
  valuation: valuationSchema.nullable().default(null).describe(`null when none was asked; ${LEGACY}`),
  carbonValue: z.array(carbonValueRow).default([]).describe(`empty without a valuation; ${LEGACY}`),
  accumulatedChanges: z
    .array(
      z.object({
        changes: count.describe("number of class changes between consecutive dates"),
        pixels: count,
        area_ha: num,
        percent: num,
      }),
    )
    .default([])
    .describe(LEGACY),
  outputs: z.array(z.string()).describe("the files of the analysis's folder"),
  warnings: z.array(z.string()),
  densitySet: z
    .string()
    .nullable()
    .optional()
    .describe("the shipped density set the pools came from (analysis jobs only)"),
  assumptions: z.array(z.string()).optional().describe("what the density set left out (analysis jobs only)"),
});

/** The land-use analysis result as the code reads it. */
export type LanduseResult = z.infer<typeof landuseResultSchema>;
/** The result as it is written (schemaVersion may be absent in older ones). */
export type LanduseResultInput = z.input<typeof landuseResultSchema>;

/**
 * Reads a stored or written land-use result: anything else is bad input naming `source` (a file, or
 * `analysis <id>`) and the first bad field (with how many more there are).
 */
export function parseLanduseResult(value: unknown, source: string): LanduseResult {
  const r = landuseResultSchema.safeParse(value);
  if (r.success) return r.data;
  const all = zodIssuesToInputIssues(r.error, value);
  // The first few problems name where it differs; a file of something else differs everywhere.
  const shown = 5;
  const issues: InputIssue[] = all.slice(0, shown);
  issues.push({
    path: "",
    message: `${all.length > shown ? `(and ${all.length - shown} more problems) ` : ""}is not a land-use analysis result this version reads; run the analysis again`,
  });
  throw new InputError(source, issues);
}
