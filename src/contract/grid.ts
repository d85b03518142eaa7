import { z } from "zod";

/** A raster grid as stored with a map or a result: describeGrid's numbers (src/raster/grid.ts). */
export const gridSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  originX: z.number(),
  originY: z.number(),
  pixelWidth: z.number(),
  pixelHeight: z.number(),
  crs: z.string(),
  crsKind: z.string(),
  epsg: z.number().int().optional(),
  proj4: z.string().optional(),
});

export type GridRecord = z.infer<typeof gridSchema>;
