import { z } from "zod";
import { COEFFICIENT_SETS } from "../domain/budget/coefficient-sets.ts";
import { MAX_WHOLE_YEARS, QUANTITY_BOUNDS } from "../domain/common/input-bounds.ts";
import { DEFAULT_YEARS_OPEN } from "../domain/optimize/structure-from-landuse.ts";
import { structureProblemSchema } from "../domain/optimize/structure-problem.ts";

export const STRUCTURE_PROBLEM_SCHEMA_VERSION = 1;

const COEFFICIENT_SET_IDS = Object.keys(COEFFICIENT_SETS) as [string, ...string[]];

/** What `GET /api/areas/{id}/structure-problem` may be asked: the coal output and set of coefficients. */
export const structureProblemQuery = z.strictObject({
  coefficientSet: z
    .enum(COEFFICIENT_SET_IDS)
    .default("seed000-zhao2013")
    .describe("the land-use carbon coefficients (absorption and emission per land type) the classes take"),
  coalOutputT: z.coerce
    .number({ error: "must be a number of t/yr" })
    .min(0)
    .max(QUANTITY_BOUNDS.massT.max, { error: `must be ≤ ${QUANTITY_BOUNDS.massT.max} t/yr` })
    .optional()
    .meta({
      "x-unit": "t/yr",
      description:
        "the coal output the structure keeps, t/yr; the area's latest inventories' output when omitted, none when it has none",
    }),
  yearsOpen: z.coerce
    .number()
    .positive()
    .max(MAX_WHOLE_YEARS, { error: `must be ≤ ${MAX_WHOLE_YEARS} years` })
    .default(DEFAULT_YEARS_OPEN)
    .meta({
      "x-unit": "yr",
      description:
        "years a hectare stays excavated or dumped before reclamation (a planning assumption; 5 as in examples/pingshuo-structure.yaml)",
    }),
});

const heldClassSchema = z.object({
  code: z.number().int(),
  role: z.string(),
  name: z.string(),
  areaHa: z.number().meta({ "x-unit": "ha" }),
  reason: z.string(),
});

/**
 * A land-use structure problem built from an area's own latest finished land-use analysis (the
 * `landuse-structure` document `POST /api/optimize` takes), with what it was built from. Version 1.
 */
export const areaStructureProblemSchema = z
  .object({
    schemaVersion: z.literal(STRUCTURE_PROBLEM_SCHEMA_VERSION),
    areaId: z.string(),
    analysisId: z.string(),
    year: z.number().int().describe("the analysis's last year, whose class areas the problem starts from"),
    stale: z
      .boolean()
      .describe("whether the analysis is stale (a map, the legend or boundary changed since)"),
    coefficientSet: z.string(),
    densitySet: z.string().nullable(),
    coalOutput: z
      .object({
        tPerYr: z.number().meta({ "x-unit": "t/yr" }),
        source: z.string().describe("the inventories it is the sum of, or the request"),
      })
      .nullable()
      .describe("null: the area has no inventory and none was asked; the problem has no coal-land floor"),
    classNames: z
      .array(
        z.object({
          key: z.string().describe("the problem's class key: the legend role"),
          codes: z.array(z.number().int()).describe("the legend classes of that role, summed"),
          name: z.string(),
          nameZh: z.string().nullable().describe("the legend's own Chinese names, when it gives them"),
        }),
      )
      .describe("the area's own legend names of each class of the problem, for showing its result"),
    held: z
      .array(heldClassSchema)
      .describe("legend classes whose role has no place in the problem: held at their current area"),
    problem: structureProblemSchema,
  })
  .meta({ id: "AreaStructureProblem" });
export type AreaStructureProblem = z.infer<typeof areaStructureProblemSchema>;
