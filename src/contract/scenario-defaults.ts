import { z } from "zod";

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
          .array(z.string())
          .meta({ description: "measure kinds that apply to the inventory's sources" }),
      }),
    ),
  })
  .meta({ id: "ScenarioDefaults" });
export type ScenarioDefaults = z.infer<typeof scenarioDefaultsSchema>;
