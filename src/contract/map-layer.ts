import { z } from "zod";
import { staleReasonCodeSchema } from "./analysis-record.ts";

/** A layer's legend: class colours, or the two ends and middle of a colour ramp. */
export const layerLegendSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("classes"),
    items: z.array(
      z.object({ value: z.number(), name: z.string(), nameZh: z.string().optional(), colour: z.string() }),
    ),
  }),
  z.object({
    kind: z.literal("ramp"),
    unit: z.string(),
    min: z.number(),
    max: z.number(),
    colours: z.tuple([z.string(), z.string(), z.string()]),
  }),
]);

/** A map layer as the web app draws it: where its PNG is and where it lies. Version 1. */
export const mapLayerSchema = z.object({
  id: z.string(),
  kind: z.enum(["landuse", "zones", "carbon-change", "changes"]),
  title: z.string(),
  titleZh: z.string(),
  url: z.string(),
  extent: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .meta({ description: "[minX, minY, maxX, maxY] in the maps' CRS" }),
  legend: layerLegendSchema,
});
export type MapLayerRecord = z.infer<typeof mapLayerSchema>;

/** `GET /api/areas/{id}/layers`: the area's layers, their CRS and its boundary. */
export const layersAnswerSchema = z
  .object({
    crs: z
      .object({ label: z.string(), epsg: z.number().int().optional(), proj4: z.string().optional() })
      .nullable(),
    layers: z.array(mapLayerSchema),
    boundary: z.unknown().meta({ description: "the area's boundary GeoJSON (WGS 84), or null" }),
    stale: z.boolean().meta({ description: "the analysis's layers were computed from a map replaced since" }),
    staleReason: z.string().nullable(),
    staleReasonCode: staleReasonCodeSchema.nullable().optional(),
  })
  .meta({ id: "AreaLayers" });

/** `GET /api/areas/{id}/pixel`: the class of a point on every map, oldest first. */
export const pixelHistorySchema = z.object({
  x: z.number(),
  y: z.number(),
  history: z.array(
    z.object({
      year: z.number().int(),
      col: z.number().int(),
      row: z.number().int(),
      code: z.number().nullable(),
      class: z.string().nullable(),
      classZh: z.string().nullable(),
      colour: z.string().nullable(),
    }),
  ),
});
