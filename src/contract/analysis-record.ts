import { z } from "zod";
import { inputIssueSchema } from "./error-body.ts";
import { landuseResultSchema, type LanduseResult } from "./landuse-result.ts";

/** The land-use result as analyses store it: declared in ./landuse-result.ts (the land-use engineer's). */
export { landuseResultSchema };
export type LanduseResultRecord = LanduseResult;

export const ANALYSIS_STATUSES = ["queued", "running", "done", "failed"] as const;
export const ANALYSIS_KINDS = ["landuse", "budget", "inventory"] as const;

/** Why a job failed, as stored and answered. */
export const jobErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: z.array(inputIssueSchema).optional(),
});

/**
 * Why a result is stale, as a code and its params: the catalogue's `api:<code>` says it in the
 * asked language. The English sentence is stored (the CLI and logs read it); the code is read back
 * from it here, so rows stored before the codes existed read the same.
 */
export const STALE_REASONS = {
  staleMapReplaced: {
    text: (p: Record<string, string>) =>
      `the ${p.year} map was replaced on ${p.date} (${p.from} → ${p.to}); run the analysis again`,
    pattern:
      /^the (?<year>\d+) map was replaced on (?<date>[\d-]+) \((?<from>\w+) → (?<to>\w+)\); run the analysis again$/u,
  },
  staleLegendChanged: {
    text: (p: Record<string, string>) => `the legend was changed on ${p.date}; run the analysis again`,
    pattern: /^the legend was changed on (?<date>[\d-]+); run the analysis again$/u,
  },
  staleBoundaryChanged: {
    text: (p: Record<string, string>) => `the boundary was changed on ${p.date}; run the analysis again`,
    pattern: /^the boundary was changed on (?<date>[\d-]+); run the analysis again$/u,
  },
} as const;
export type StaleReasonCodeName = keyof typeof STALE_REASONS;

export const staleReasonCodeSchema = z
  .object({
    code: z.enum(Object.keys(STALE_REASONS) as [StaleReasonCodeName, ...StaleReasonCodeName[]]),
    params: z.record(z.string(), z.string()),
  })
  .meta({ description: "the stale reason as a code of the `api` catalogue and its params" });
export type StaleReasonCode = z.infer<typeof staleReasonCodeSchema>;

/** The English sentence stored for a stale reason. */
export function staleReasonText(code: StaleReasonCodeName, params: Record<string, string>): string {
  return STALE_REASONS[code].text(params);
}

/** The code and params of a stored stale reason, or null (not stale, or a sentence of no code). */
export function staleReasonCode(reason: string | null | undefined): StaleReasonCode | null {
  if (!reason) return null;
  for (const [code, { pattern }] of Object.entries(STALE_REASONS)) {
    const m = pattern.exec(reason);
    if (m) return { code: code as StaleReasonCodeName, params: { ...m.groups } };
  }
  return null;
}

/** What marks a result computed from inputs that were replaced since. */
export const staleSchema = z.object({
  stale: z.boolean().meta({ description: "true when an input it was computed from was replaced since" }),
  staleReason: z.string().nullable().meta({ description: "what was replaced and when; null when not stale" }),
  staleReasonCode: staleReasonCodeSchema.nullable().optional(),
});

/** An analysis run as a job, as the API answers it (its result only where asked). Version 1. */
export const analysisRecordSchema = z
  .object({
    id: z.string(),
    areaId: z.string(),
    kind: z.enum(ANALYSIS_KINDS),
    status: z.enum(ANALYSIS_STATUSES),
    percent: z.number().min(0).max(100),
    params: z.unknown().meta({ description: "what the analysis was asked (POST /api/areas/{id}/analyses)" }),
    factorLibraryVersion: z.string().nullable(),
    error: jobErrorSchema.nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: landuseResultSchema.nullable().optional().meta({ description: "the result once done" }),
  })
  .extend(staleSchema.shape)
  .meta({ id: "Analysis" });
export type AnalysisRecord = z.infer<typeof analysisRecordSchema>;

/** A job as `GET /api/jobs/{id}` answers it. */
export const jobRecordSchema = z
  .object({
    id: z.string(),
    state: z.enum(ANALYSIS_STATUSES),
    percent: z.number(),
    result: z.string().nullable().meta({ description: "link to the finished analysis" }),
    error: jobErrorSchema.nullable(),
  })
  .meta({ id: "Job" });
export type JobRecord = z.infer<typeof jobRecordSchema>;

const tables = landuseResultSchema.shape;
/** A table of the land-use result whose older results may lack it (read as empty). */
const withDefault = <T extends z.ZodType>(s: z.ZodDefault<z.ZodArray<T>>) => s.unwrap();

/**
 * The result tables a client can ask for by name (`GET /api/analyses/{id}/tables/{name}`): the CSV
 * file holding each, what it holds, and its rows — the land-use result's own table schemas
 * (./landuse-result.ts), so the API description shows each table's columns. Units are in the
 * column names: `_ha` hectares, `_tC` tonnes of carbon, `_tCO2e` tonnes of CO2e, `_CNY` yuan,
 * `percent` % of the area analysed, `_percent_per_year` % a year.
 */
export const RESULT_TABLES = {
  classes: { file: "classes.csv", rows: tables.classes, about: "class areas at each date" },
  transitionsMultistep: {
    file: "transitions-multistep.csv",
    rows: tables.transitionsMultistep,
    about: "class-to-class transitions between consecutive dates",
  },
  transitionsOnestep: {
    file: "transitions-onestep.csv",
    rows: tables.transitionsOnestep,
    about: "class-to-class transitions from the first to the last date",
  },
  intensityInterval: {
    file: "intensity-interval.csv",
    rows: tables.intensityInterval,
    about: "intensity analysis, interval level",
  },
  intensityCategory: {
    file: "intensity-category.csv",
    rows: tables.intensityCategory,
    about: "intensity analysis, category level (gains and losses of each class)",
  },
  intensityTransition: {
    file: "intensity-transition.csv",
    rows: tables.intensityTransition,
    about: "intensity analysis, transition level",
  },
  components: {
    file: "components.csv",
    rows: tables.components,
    about: "change components per class: gain, loss, persistence, quantity, exchange, shift",
  },
  componentsOverall: {
    file: "components-overall.csv",
    rows: withDefault(tables.componentsOverall),
    about: "change components of the whole area per interval",
  },
  accumulatedChanges: {
    file: "accumulated-changes.csv",
    rows: withDefault(tables.accumulatedChanges),
    about: "area by the number of class changes over all dates",
  },
  zonesByPeriod: { file: "zones.csv", rows: tables.zonesByPeriod, about: "zone areas per period" },
  carbon: { file: "carbon.csv", rows: tables.carbon, about: "carbon stock per pool at each date" },
  carbonChange: {
    file: "carbon-change.csv",
    rows: withDefault(tables.carbonChange),
    about: "carbon stock change per pool and interval",
  },
  carbonValue: {
    file: "carbon-value.csv",
    rows: withDefault(tables.carbonValue),
    about: "value of the carbon stock change per interval",
  },
  zoneClasses: {
    file: "zone-classes.csv",
    rows: tables.zoneClasses,
    about: "class areas per zone of the zones' polygons",
  },
} as const satisfies Readonly<Record<string, { file: string; rows: z.ZodArray<z.ZodObject>; about: string }>>;
export type ResultTableName = keyof typeof RESULT_TABLES;
export const RESULT_TABLE_NAMES = Object.keys(RESULT_TABLES) as ResultTableName[];

const UNITS_IN_NAMES =
  "units in the column names (_ha hectares, _tC t C, _tCO2e t CO2e, _CNY yuan, percent % of the area analysed, _percent_per_year % a year), and in each column's x-unit";

/** A column's unit, read from its name as the land-use result spells it (first match). */
const COLUMN_UNITS: readonly (readonly [RegExp, string])[] = [
  [/_percent_per_year$/, "%/yr"],
  [/_CNY_per_tCO2e$/, "CNY/t CO2e"],
  [/_tC_per_yr$/, "t C/yr"],
  [/_tCO2e$/, "t CO2e"],
  [/_tC$/, "t C"],
  [/_CNY$/, "CNY"],
  [/_ha$/, "ha"],
  [/(^|_)percent$|^share$/, "%"],
  [/^(discounted_)?years$/, "yr"],
  [/^(from_|to_)?year$/, "year"],
];

/** A row schema whose columns say their unit (`x-unit`, as the specs' fields do), keeping their descriptions. */
function withColumnUnits(row: z.ZodObject): z.ZodObject {
  return z.object(
    Object.fromEntries(
      Object.entries(row.shape).map(([name, column]) => {
        const unit = COLUMN_UNITS.find(([pattern]) => pattern.test(name))?.[1];
        return [name, unit ? column.meta({ ...column.meta(), "x-unit": unit }) : column];
      }),
    ),
  );
}

/** The rows of a table as the API answers them, the row schema named in the API description. */
function rowsOf(name: ResultTableName): z.ZodArray<z.ZodObject> {
  const row = withColumnUnits(RESULT_TABLES[name].rows.element);
  return z
    .array(row.meta({ id: `${name[0]!.toUpperCase()}${name.slice(1)}Row` }))
    .describe(`${RESULT_TABLES[name].about}; ${UNITS_IN_NAMES}`);
}

/** The rows of each result table as the API answers them (made once: a row schema's id is unique). */
export const RESULT_TABLE_ROWS: Readonly<Record<ResultTableName, z.ZodArray<z.ZodObject>>> =
  Object.fromEntries(RESULT_TABLE_NAMES.map((name) => [name, rowsOf(name)])) as Record<
    ResultTableName,
    z.ZodArray<z.ZodObject>
  >;
