import { z } from "zod";
import { MEASURE_KINDS, scenarioSchema } from "../domain/pathway/scenario-spec.ts";

/**
 * Where a pathway scenario of a mine starts: its latest stored inventory, coal output and the
 * measures its sources allow. `GET /api/areas/{id}/scenario-defaults`. Version 1.
 */
export const scenarioDefaultsSchema = z
  .object({
    mines: z.array(
      z.object({
        mine: z.string(),
        inventoryId: z.string(),
        baseYear: z.number().int(),
        coalOutputT: z.number().meta({ "x-unit": "t/yr" }),
        grossEmissionTCO2ePerYr: z.number().meta({ "x-unit": "t CO2e/yr" }),
        measures: z
          .array(z.enum(MEASURE_KINDS))
          .meta({ description: "measure kinds that apply to the inventory's sources" }),
        startingMeasures: z
          .array(
            z
              .object({ kind: z.enum(MEASURE_KINDS), start: z.number().int() })
              .catchall(z.union([z.number(), z.string()])),
          )
          .meta({
            description:
              "each applicable measure as a planning form starts it (planning assumptions the user is expected to change; src/domain/pathway/planning-defaults.ts)",
          }),
      }),
    ),
    endYear: z.number().int().meta({
      description:
        "the year a planner's pathway runs to; no starting measure starts after it (src/domain/pathway/planning-defaults.ts PLANNING_END_YEAR)",
    }),
    economics: scenarioSchema.shape.economics.unwrap().meta({
      description:
        "the market prices and discount rate a planner starts from (the scenario spec's economics block: library price factors, growth rates and discount rate as planning assumptions)",
    }),
  })
  .meta({ id: "ScenarioDefaults" });
export type ScenarioDefaults = z.infer<typeof scenarioDefaultsSchema>;
