import { z } from "zod";
import { userText } from "../domain/validation/user-text.ts";
import { storedId } from "./stored-id.ts";

/** A plot's life-cycle stage (plots.stage). */
export const PLOT_STAGES = ["planned", "mining", "disturbed", "reclaiming", "reclaimed", "accepted"] as const;
export type PlotStage = (typeof PLOT_STAGES)[number];

/**
 * What the latest land-use analysis sees in a plot (control-rule.ts PlotLandUse, without the plot's
 * id), with where it comes from: the analysis, its area and the two maps' years. Stored in
 * plots.observed. Version 1.
 */
export const observedLandUseSchema = z
  .object({
    analysisId: z.string(),
    areaId: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    observedAt: z.string().meta({ description: "ISO 8601 time it was computed" }),
    roleAreaHa: z
      .record(z.string(), z.number())
      .meta({ description: "area (ha) of each legend role inside the plot in the later map" }),
    transitionsHa: z.array(z.object({ fromRole: z.string(), toRole: z.string(), areaHa: z.number() })).meta({
      description: "area (ha) that went from one role to another between the two maps, persistence included",
    }),
    outsideMapHa: z
      .number()
      .meta({ description: "area (ha) of the plot's pixels on nodata or outside the maps: not seen" }),
  })
  .meta({ id: "ObservedLandUse" });
export type ObservedLandUse = z.infer<typeof observedLandUseSchema>;

/** A plot as the API answers it. Version 1. */
export const plotRecordSchema = z
  .object({
    id: storedId,
    mineId: z.string(),
    name: z.string(),
    geometry: z.unknown().meta({ description: "GeoJSON Polygon or MultiPolygon in WGS 84 (EPSG:4326)" }),
    areaHa: z.number().meta({ description: "area on the WGS 84 ellipsoid, ha" }),
    declaredRole: z
      .string()
      .nullable()
      .meta({ description: "the land use the enterprise declares (a legend role)" }),
    stage: z.enum(PLOT_STAGES),
    ruleId: z.string().nullable().meta({ description: "the control rule the plot is under" }),
    observed: observedLandUseSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Plot" });
export type PlotRecord = z.infer<typeof plotRecordSchema>;

/** `PATCH /api/plots/{id}`: the enterprise's declaration. */
export const plotPatch = z
  .object({
    name: userText(200)
      .min(1)
      .refine((s) => s.trim().length > 0, "must not be blank")
      .optional(),
    declaredRole: z.string().min(1).max(60).nullable().optional(),
    stage: z.enum(PLOT_STAGES).optional(),
  })
  .strict();

/** `PUT /api/plots/{id}/rule`: the regulator puts the plot under a rule, or none. */
export const plotRuleInput = z.object({ ruleId: storedId.nullable() }).strict();

/** The answer to an import: the plots stored, and those replaced. */
export const plotImportAnswerSchema = z
  .object({
    plots: z.array(plotRecordSchema),
    replaced: z.number().int().meta({ description: "how many plots the import replaced (replace=true)" }),
    sourceCrs: z.string().meta({ description: "the CRS the file was in (reprojected to EPSG:4326)" }),
  })
  .meta({ id: "PlotImport" });

/** The answer to `POST /api/mines/{id}/plots/observe`. */
export const plotObserveAnswerSchema = z
  .object({
    analysisId: z.string(),
    areaId: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    plots: z.array(plotRecordSchema),
  })
  .meta({ id: "PlotObservation" });
