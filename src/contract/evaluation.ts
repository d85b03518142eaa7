import { z } from "zod";
import { storedId } from "./stored-id.ts";

/**
 * Performance evaluation (issue 13; src/domain/manage/evaluation.ts, docs/performance-evaluation.md)
 * as answered: each target's degree of achievement, the weighted score, the efficiency figures, and
 * the weights used with their source and status. Version 1.
 */
const TARGET_KINDS = [
  "intensity-reduction",
  "emission-cap",
  "reclamation-area",
  "reclamation-rate",
  "land-use-cap",
  "methane-utilisation",
] as const;

export const targetWeightsSchema = z
  .object({
    byKind: z.record(z.string(), z.number()),
    source: z.string(),
    status: z.enum(["assumed", "set by the regulator"]),
  })
  .strict()
  .meta({ id: "TargetWeights" });

export const mineEvaluationSchema = z
  .object({
    year: z.number().int(),
    achievements: z.array(
      z
        .object({
          targetId: z.string(),
          kind: z.enum(TARGET_KINDS),
          expected: z
            .number()
            .nullable()
            .meta({ description: "what the target asks by this year, in its unit" }),
          actual: z.number().nullable(),
          degree: z
            .number()
            .nullable()
            .meta({ description: "degree of achievement, 0 to 1; null: not judged (see note)" }),
          note: z.string().nullable(),
        })
        .strict(),
    ),
    score: z
      .number()
      .nullable()
      .meta({ description: "Σ weight × degree / Σ weight × 100 over the judged targets" }),
    abatedTCO2ePer10kCny: z.number().nullable().meta({ "x-unit": "t CO2e per 10⁴ CNY" }),
    reclaimedHaPer10kCny: z.number().nullable().meta({ "x-unit": "ha per 10⁴ CNY" }),
  })
  .strict();

export const mineEvaluationAnswer = z
  .object({
    mineId: storedId,
    evaluation: mineEvaluationSchema,
    weights: targetWeightsSchema,
    factsYears: z
      .array(z.number().int())
      .meta({ description: "the years with an approved or published report" }),
    problems: z.array(z.object({ year: z.number().int(), message: z.string() }).strict()),
  })
  .strict()
  .meta({ id: "MineEvaluation" });

export const rankingAnswer = z
  .object({
    year: z.number().int(),
    regionCode: z.string().nullable(),
    weights: targetWeightsSchema,
    ranking: z.array(
      z
        .object({
          mineId: storedId,
          name: z.string(),
          rank: z.number().int().meta({ description: "1 is best; 0: no score (no target judged)" }),
          score: z.number().nullable(),
          abatedTCO2ePer10kCny: z.number().nullable(),
          reclaimedHaPer10kCny: z.number().nullable(),
        })
        .strict(),
    ),
    trend: z
      .array(
        z
          .object({
            year: z.number().int(),
            mines: z.number().int().meta({ description: "mines with a score that year" }),
            meanScore: z.number().nullable(),
          })
          .strict(),
      )
      .meta({
        description: "the jurisdiction's mean score by year, from the earliest year evaluated to `year`",
      }),
  })
  .strict()
  .meta({ id: "EvaluationRanking" });

export const evaluationQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) }).strict();
export const rankingQuery = z
  .object({
    year: z.coerce.number().int().min(1990).max(2100),
    regionCode: z
      .string()
      .regex(/^\d{6}$/, "must be a six-digit region code")
      .optional(),
    fromYear: z.coerce
      .number()
      .int()
      .min(1990)
      .max(2100)
      .optional()
      .describe("first year of the trend (default: year − 4)"),
  })
  .strict();
