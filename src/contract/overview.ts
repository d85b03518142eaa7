import { z } from "zod";
import { staleReasonCodeSchema } from "./analysis-record.ts";
import { areaRecordSchema } from "./area.ts";

/** One key figure of an area with its unit and where it comes from (null value: why not). */
export const keyFigureSchema = z.object({
  id: z.enum(["area", "landuse-budget", "inventory-total", "neutrality-gap", "coal-intensity"]),
  value: z.number().nullable(),
  unit: z.string(),
  source: z.string(),
  stale: z.boolean().meta({ description: "computed from an analysis whose maps were replaced since" }),
  staleReason: z.string().nullable(),
  staleReasonCode: staleReasonCodeSchema.nullable().optional(),
});
export type KeyFigure = z.infer<typeof keyFigureSchema>;

/** One point of the overview's series: the land's carbon stock and the inventory's emissions of a year. */
export const overviewPointSchema = z.object({
  year: z.number().int(),
  carbonStockTC: z
    .number()
    .nullable()
    .meta({ "x-unit": "t C", description: "total stock by the analysis's densities" }),
  grossEmissionTCO2ePerYr: z
    .number()
    .nullable()
    .meta({ "x-unit": "t CO2e/yr", description: "Σ of the mines' inventories of the year" }),
  sinkTCO2ePerYr: z.number().nullable().meta({ "x-unit": "t CO2e/yr" }),
});

/** `GET /api/areas/{id}/overview`: what the overview page draws. Version 1. */
export const overviewSchema = z
  .object({
    area: areaRecordSchema,
    figures: z.array(keyFigureSchema),
    latestAnalysis: z
      .object({
        id: z.string(),
        finishedAt: z.string().nullable(),
        stale: z.boolean(),
        staleReason: z.string().nullable(),
        staleReasonCode: staleReasonCodeSchema.nullable().optional(),
      })
      .nullable(),
    map: z
      .object({
        layerId: z.string(),
        url: z.string(),
        kind: z.enum(["landuse", "zones"]),
        year: z.number().int(),
      })
      .nullable()
      .meta({
        description:
          "the layer to draw: the latest map's land use; GET /api/areas/{id}/layers has its extent and legend",
      }),
    series: z.array(overviewPointSchema),
    maps: z.array(z.object({ year: z.number().int(), id: z.string() })),
    inventories: z.array(z.object({ id: z.string(), mine: z.string(), year: z.number().int() })),
  })
  .meta({ id: "AreaOverview" });
export type Overview = z.infer<typeof overviewSchema>;
