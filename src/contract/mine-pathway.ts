import { z } from "zod";
import { scenarioSchema } from "../domain/pathway/scenario-spec.ts";
import { storedId } from "./stored-id.ts";

const tCO2e = (description: string) => z.number().meta({ "x-unit": "t CO2e/yr", description });

/**
 * A mine's pathway plan as the enterprise stores it (PUT /api/mines/{id}/pathway): the
 * pathway-scenario document (docs/pathways.md; its `baseline.inventory`/`inventoryId` are not read —
 * the plan's baseline is the `baseline` given beside it) and the mine-inventory document the plan
 * starts from. Version 1.
 */
export const minePathwayInput = z.strictObject({
  scenario: scenarioSchema,
  baseline: z
    .record(z.string(), z.unknown())
    .meta({ description: "the plan's baseline: a mine-inventory document (kind: mine-inventory)" }),
});
export type MinePathwayInput = z.infer<typeof minePathwayInput>;

/** The plan in force for a mine, with who stored it and when. Version 1. */
export const minePathwaySchema = z
  .object({
    id: storedId,
    mineId: storedId,
    scenario: z.record(z.string(), z.unknown()).meta({ description: "the pathway-scenario document" }),
    baseline: z.record(z.string(), z.unknown()).meta({ description: "the mine-inventory document" }),
    storedAt: z.iso.datetime(),
    storedBy: storedId.meta({ description: "the user who stored it (an API token's creator)" }),
    storedByOrganisationId: storedId,
    earlierPlans: z.number().int().meta({ description: "how many plans this one replaced (kept)" }),
  })
  .strict()
  .meta({ id: "MinePathway" });
export type MinePathwayRecord = z.infer<typeof minePathwaySchema>;

/**
 * A year reviewed against the plan (src/domain/pathway/review-year.ts YearReview, seed 002's
 * evaluate-and-adjust): net and each part of the balance, planned and actual, t CO2e/yr (positive
 * = more emitted than planned), the plan re-based on the actual year and what closes the gap.
 */
export const yearReviewSchema = z
  .object({
    year: z.number().int(),
    targetYear: z.number().int(),
    plannedNetTCO2e: tCO2e("the plan's net emissions of the year"),
    actualNetTCO2e: tCO2e("the year's actual net emissions"),
    gapTCO2e: tCO2e("actual − planned net: positive = behind the plan"),
    parts: z.array(
      z
        .object({
          part: z.enum(["energy", "methane", "other", "sinks", "ccs", "offsets"]),
          planned: tCO2e("planned, t CO2e/yr (sinks, CCS and offsets negative)"),
          actual: tCO2e("actual, t CO2e/yr"),
          behindByTCO2e: tCO2e("actual − planned: positive = behind"),
          measures: z.array(z.string()).meta({ description: "the plan's measures acting on this part" }),
        })
        .strict(),
    ),
    rebased: z
      .object({
        neutralYear: z.number().int().nullable(),
        netAtTargetTCO2e: tCO2e("net in the target year, the same measures from the actual year on"),
      })
      .strict(),
    toClose: z.string().meta({ description: "what closes the gap by the target year (English)" }),
  })
  .strict()
  .meta({ id: "YearReview" });
export type YearReviewRecord = z.infer<typeof yearReviewSchema>;
