import { z } from "zod";
import { apiWarningSchema } from "./area.ts";
import { gridSchema } from "./grid.ts";

/** A map's grid as stored: the raster grid, its nodata, the uploaded file's name and code histogram. */
export const mapGridSchema = gridSchema.extend({
  nodata: z.number().nullable().optional(),
  fileName: z.string().optional(),
  histogram: z.array(z.object({ code: z.number().int(), pixels: z.number() })).optional(),
});

/** A land-use map of one year (the file on disk, with what was checked on arrival). Version 1. */
export const mapRecordSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    sha256: z.string(),
    bytes: z.number(),
    grid: mapGridSchema,
    createdAt: z.string(),
  })
  .meta({ id: "LanduseMap" });
export type MapRecord = z.infer<typeof mapRecordSchema>;

/** The answer to a map upload: the map, whether it replaced one, and warnings about its fit. */
export const mapUploadAnswerSchema = mapRecordSchema.extend({
  replaced: z.boolean(),
  warnings: z.array(apiWarningSchema).meta({
    description:
      "legal but suspicious: legend classes absent from the map, most pixels in few classes …; the map is kept",
  }),
  staleAnalyses: z
    .array(z.string())
    .meta({ description: "ids of analyses that used the replaced map, now marked stale" }),
});
