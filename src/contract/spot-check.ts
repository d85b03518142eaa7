import { z } from "zod";
import { storedId } from "./stored-id.ts";

/**
 * Spot checks (issue 13): a reproducible random sample of a jurisdiction's mines for inspection.
 * The population (the mines' ids in ascending order) and the seed are stored, so that anyone can
 * draw the sample again (src/app/manage/spot-check-draw.ts). Version 1.
 */
export const SPOT_OUTCOMES = ["conforms", "minor-issues", "nonconforming"] as const;

export const spotCheckInput = z
  .object({
    year: z.number().int().min(1990).max(2100),
    sampleSize: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .meta({ description: "how many mines to draw" }),
    sampleShare: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .meta({ description: "the share of the mines to draw (rounded up); give this or sampleSize" }),
    seed: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "the random seed (any text); omitted: one is made and stored" }),
    regionCode: z
      .string()
      .regex(/^\d{6}$/, "must be a six-digit region code")
      .optional(),
  })
  .strict()
  .refine((b) => (b.sampleSize === undefined) !== (b.sampleShare === undefined), {
    message: "give either sampleSize or sampleShare",
    path: ["sampleSize"],
  })
  .meta({ id: "SpotCheckDraw" });

export const spotCheckResultSchema = z
  .object({
    mineId: storedId,
    outcome: z.enum(SPOT_OUTCOMES),
    finding: z.string(),
    recordedBy: storedId,
    recordedAt: z.string(),
  })
  .strict();

export const spotCheckSchema = z
  .object({
    id: storedId,
    organisationId: storedId,
    regionCode: z.string(),
    year: z.number().int(),
    seed: z.string(),
    population: z.array(storedId).meta({ description: "the mines drawn from, ids ascending" }),
    drawn: z.array(storedId).meta({ description: "the mines drawn, in the order drawn" }),
    method: z.string().meta({ description: "how the sample is drawn from the seed and the population" }),
    createdBy: storedId,
    createdAt: z.string(),
    results: z.array(spotCheckResultSchema),
  })
  .strict()
  .meta({ id: "SpotCheck" });
export type SpotCheckJson = z.infer<typeof spotCheckSchema>;

export const spotCheckResultInput = z
  .object({
    outcome: z.enum(SPOT_OUTCOMES),
    finding: z.string().trim().min(1, "must say what the inspection found").max(4000),
  })
  .strict()
  .meta({ id: "SpotCheckFinding" });

export const spotCheckResultParams = z.object({ id: z.string(), mineId: z.string() });
