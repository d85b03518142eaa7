import { z } from "zod";
import { userText } from "../domain/validation/user-text.ts";
import { storedId } from "./stored-id.ts";

const year = z.number().int().min(1990).max(2100);
const common = { baseYear: year, targetYear: year };
const fraction = z.number().meta({ description: "a fraction in (0, 1]" });

/**
 * A target's measure (src/domain/manage/target.ts Target without id and setBy), as stored in
 * targets.target and answered. Units are in the field names. Version 1.
 */
export const targetBodySchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("intensity-reduction").meta({
        description:
          "carbon intensity (t CO2e per t of coal) lowered by `reductionFraction` from the base year's",
      }),
      ...common,
      reductionFraction: fraction,
      horizon: z.enum(["short", "long"]).meta({ description: "short: a five-year plan; long: 2030 or 2060" }),
    })
    .strict(),
  z
    .object({
      kind: z
        .literal("emission-cap")
        .meta({ description: "emission standard: a cap on the year's emissions" }),
      ...common,
      capTCO2ePerYr: z.number().meta({ description: "the cap, t CO2e/yr" }),
    })
    .strict(),
  z
    .object({
      kind: z.literal("reclamation-area").meta({ description: "land reclaimed since the base year" }),
      ...common,
      areaHa: z.number().meta({ description: "ha" }),
    })
    .strict(),
  z
    .object({
      kind: z.literal("reclamation-rate").meta({ description: "reclaimed land / land disturbed by mining" }),
      ...common,
      rate: fraction,
    })
    .strict(),
  z
    .object({
      kind: z
        .literal("land-use-cap")
        .meta({ description: "a cap on the land of one role (construction land)" }),
      ...common,
      role: z.string().max(60),
      capHa: z.number().meta({ description: "ha" }),
    })
    .strict(),
  z
    .object({
      kind: z.literal("methane-utilisation").meta({ description: "drained methane used / drained" }),
      ...common,
      rate: fraction,
    })
    .strict(),
]);
export type TargetBody = z.output<typeof targetBodySchema>;

const note = userText(2000).nullable().optional();

/** `POST /api/mines/{id}/targets`: the target and a note. */
export const targetInput = z.object({ target: targetBodySchema, note }).strict();

/** `PATCH /api/targets/{id}`: a new measure and/or note. */
export const targetPatch = z.object({ target: targetBodySchema.optional(), note }).strict();

/** A target as the API answers it. Version 1. */
export const targetRecordSchema = z
  .object({
    id: storedId,
    mineId: z.string(),
    setBy: z.enum(["regulator", "enterprise"]).meta({
      description: "the regulator's target, or the enterprise's own sub-target",
    }),
    setByOrganisationId: z.string(),
    target: targetBodySchema,
    note: z.string().nullable(),
    withdrawn: z.boolean(),
    withdrawnAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Target" });
export type TargetRecord = z.infer<typeof targetRecordSchema>;
