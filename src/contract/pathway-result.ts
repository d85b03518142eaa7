import { z } from "zod";

/** A list as the domain returns it (readonly). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** One year of a pathway, t CO2e/yr (src/domain/pathway/project-pathway.ts PathwayYear). */
export const pathwayYearSchema = z.looseObject({
  year: z.number().int(),
  coalOutputT: z.number(),
  energyTCO2e: z.number(),
  methaneTCO2e: z.number(),
  otherTCO2e: z.number(),
  grossTCO2e: z.number(),
  sinksTCO2e: z.number(),
  ccsTCO2e: z.number(),
  ccsCapturableTCO2: z.number(),
  offsetsTCO2e: z.number(),
  netTCO2e: z.number(),
  withoutMeasuresTCO2e: z.number(),
  effects: list(z.object({ measure: z.string(), tCO2e: z.number() })),
});

/**
 * A scenario's pathway as `POST /api/pathways` answers it (runScenario's ScenarioResult). Version 1.
 * The year rows and headline figures are declared; the growth curves, reclamation, economics and
 * bands are kept as the domain gives them.
 */
export const pathwayResultSchema = z
  .looseObject({
    scenario: z.string(),
    baseYear: z.number().int(),
    years: list(pathwayYearSchema),
    peakYear: z.number().int(),
    neutralYear: z.number().int().nullable(),
    gapAtEndTCO2e: z.number().nullable(),
    periods: list(
      z.object({
        label: z.string(),
        from: z.number(),
        to: z.number(),
        cumulativeNetTCO2e: z.number(),
        meanNetTCO2e: z.number(),
      }),
    ),
    assumptions: list(z.string()),
    economics: z.unknown().nullable(),
    bands: z.unknown().nullable(),
    factorsUsed: list(z.looseObject({ id: z.string() })),
  })
  .meta({ id: "PathwayResult" });
export type PathwayResultRecord = z.infer<typeof pathwayResultSchema>;

/** A land-use structure optimization as `POST /api/optimize` answers it. Version 1. */
export const optimizationResultSchema = z
  .looseObject({
    status: z.enum(["optimal", "infeasible", "unbounded", "other"]),
    problem: z.string(),
    notes: list(z.string()),
    classes: list(
      z.looseObject({
        key: z.string(),
        name: z.string(),
        currentHa: z.number(),
        optimalHa: z.number(),
        changeHa: z.number(),
        atBound: z.enum(["min", "max"]).nullable(),
      }),
    ).optional(),
    assumptions: list(z.string()),
    factors: z.object({
      libraryVersion: z.string(),
      used: list(z.looseObject({ id: z.string() })),
      overrides: list(z.looseObject({ id: z.string() })),
    }),
  })
  .meta({ id: "OptimizationResult" });
export type OptimizationResultRecord = z.infer<typeof optimizationResultSchema>;
