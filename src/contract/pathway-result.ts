import { z } from "zod";
import type { ScenarioEconomics } from "../domain/economics/scenario-economics.ts";
import type { StructureResult } from "../domain/optimize/optimize-structure.ts";
import type { PathwayBands } from "../domain/pathway/pathway-uncertainty.ts";

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

/** Percentiles of a drawn quantity (P2.5–P97.5: the 95 % interval). */
const percentilesSchema = { p2_5: z.number(), p50: z.number(), p97_5: z.number() };

/** Monte Carlo bands of the net emissions, t CO2e/yr (src/domain/pathway/pathway-uncertainty.ts). */
export const pathwayBandsSchema = z.object({
  draws: z.number().int(),
  seed: z.number().int(),
  sampling: z.string(),
  interval: z.string(),
  years: list(z.object({ year: z.number().int(), ...percentilesSchema })),
  neutralByEndShare: z.number(),
  neutralYear: z.object(percentilesSchema).nullable(),
  inputs: list(
    z.object({
      key: z.string(),
      label: z.string(),
      lowPct: z.number(),
      highPct: z.number(),
      basis: z.string(),
    }),
  ),
  takenAsExact: list(z.string()),
  rejectedDraws: z.number().int(),
  warnings: list(z.string()),
});

/** A price the economics read: its value in the start year and where it comes from. */
const resolvedPriceSchema = z.looseObject({ startCNYPerTCO2e: z.number(), source: z.string() });

/** The economics of a scenario (src/domain/economics/scenario-economics.ts), CNY and CNY/t CO2e. */
export const scenarioEconomicsSchema = z.looseObject({
  scenario: z.string(),
  discountRate: z.number(),
  prices: z.object({ carbon: resolvedPriceSchema, offset: resolvedPriceSchema }),
  mac: list(
    z.object({
      measure: z.string(),
      abatementTCO2ePerYr: z.number(),
      costCNYPerTCO2e: z.number(),
      cheaperThanOffsets: z.boolean(),
    }),
  ),
  notAbating: list(
    z.object({ measure: z.string(), abatementTCO2ePerYr: z.number(), annualCostCNY: z.number() }),
  ),
  netPresentCost: z.looseObject({ measuresOnlyCNY: z.number() }),
  offsetsLastResort: z.object({ holds: z.boolean(), dearerThanOffsets: list(z.string()) }),
});

/**
 * A scenario's pathway as `POST /api/pathways` answers it (runScenario's ScenarioResult). Version 1.
 * The year rows, headline figures, economics and bands are declared; the growth curves and
 * reclamation summaries are kept as the domain gives them.
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
    economics: scenarioEconomicsSchema.nullable(),
    bands: pathwayBandsSchema.nullable(),
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
    criteria: list(
      z.object({
        criterion: z.enum(["carbon", "value"]),
        unit: z.string(),
        current: z.number(),
        optimal: z.number(),
        change: z.number(),
      }),
    ).optional(),
    binding: list(
      z.object({
        name: z.string(),
        activityHa: z.number(),
        lowerHa: z.number().nullable(),
        upperHa: z.number().nullable(),
        shadowPrice: z.number(),
        shadowPriceUnit: z.string(),
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

// The declarations above must agree with what the domain computes: the bands exactly, the
// economics and the optimization where they are declared (tsc fails otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
export const pathwayBandsMatchDomain: Same<z.output<typeof pathwayBandsSchema>, PathwayBands> = true;
export const economicsFitsDomain: Fits<ScenarioEconomics, z.output<typeof scenarioEconomicsSchema>> = true;
type OptimizationRecord = z.output<typeof optimizationResultSchema>;
// The answer is the domain's result with the library's assumptions and factors beside it.
export const optimizationFitsDomain: Fits<
  Extract<StructureResult, { status: "optimal" }> & Pick<OptimizationRecord, "assumptions" | "factors">,
  OptimizationRecord
> = true;
