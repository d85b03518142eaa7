import { z } from "zod";

/**
 * What a legend class is, which decides how the models read it: seed 001's zoning rules and the
 * density sets look classes up by it (src/domain/landuse/zoning-rules.ts, budget/density-sets.ts).
 * Each role is listed with its group (sink, construction, mining, water, other).
 */
export const LEGEND_ROLES = {
  arable: "sink",
  cropland: "sink",
  garden: "sink",
  forest: "sink",
  shrub: "sink",
  grassland: "sink",
  wetland: "sink",
  urban: "construction",
  rural: "construction",
  "built-up": "construction",
  transportation: "construction",
  "open-pit": "mining",
  stripping: "mining",
  dump: "mining",
  industrial: "mining",
  mining: "mining",
  reclaimed: "sink",
  water: "water",
  unused: "other",
  other: "other",
} as const;
export type LegendRole = keyof typeof LEGEND_ROLES;

/** A legend class as an area stores it and the API answers it. */
export const legendClassSchema = z.object({
  code: z.number().int().min(0).max(65535).meta({ description: "the raster code" }),
  name: z.string(),
  nameZh: z.string().optional(),
  key: z.string().optional().meta({
    description:
      "the class's role (what it is: arable, forest, grassland, urban, open-pit, water, unused …); zoning rules and density sets read classes by it",
  }),
  group: z.string().optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});

/** The legend as a mining area stores it: a preset id or its own classes. Version 1. */
export const storedLegendSchema = z.union([
  z.object({ preset: z.string() }),
  z.object({ classes: z.array(legendClassSchema) }),
]);
export type StoredLegend = z.infer<typeof storedLegendSchema>;

/** A mining area as stored and answered. Version 1. */
export const areaRecordSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    crs: z.string().nullable(),
    legend: storedLegendSchema,
    boundary: z.unknown().meta({ description: "GeoJSON (WGS 84), or null" }),
    createdAt: z.string().meta({ description: "ISO 8601" }),
    updatedAt: z.string().meta({ description: "ISO 8601" }),
    organisationId: z.string().meta({ description: "the organisation that owns the area" }),
    regionCode: z.string().meta({ description: "where it lies (GB/T 2260)" }),
    published: z.boolean().meta({ description: "shown on the public portal" }),
    mineIds: z.array(z.string()).meta({ description: "the mines it holds" }),
  })
  .meta({ id: "MiningArea" });
export type AreaRecord = z.infer<typeof areaRecordSchema>;

/** A legend class with its role and group resolved, as `GET /api/areas/{id}/legend` answers it. */
export const resolvedLegendClassSchema = z.object({
  code: z.number().int(),
  key: z.string().meta({ description: "the class's role" }),
  name: z.string(),
  nameZh: z.string().optional(),
  group: z.string().optional(),
  colour: z.string().optional(),
  densities: z
    .record(
      z.string(),
      z.object({ soil: z.string().or(z.literal(0)), vegetation: z.string().or(z.literal(0)) }),
    )
    .optional()
    .meta({
      description:
        "per density set (by id): the factor id (t C/ha) of each pool this class takes by its role, 0 for none; absent when no set knows the role",
    }),
});

/**
 * A warning as the API answers it: a code of the `api` catalogue and its params, which say it in
 * the asked language, and the English sentence (what the CLI and logs read; the fallback).
 */
export const apiWarningSchema = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
  })
  .meta({ id: "Warning" });
export type ApiWarning = z.infer<typeof apiWarningSchema>;

/** `GET /api/areas/{id}/legend` (and the answer to changing it). */
export const legendAnswerSchema = z.object({
  stored: storedLegendSchema,
  id: z.string(),
  description: z.string(),
  classes: z.array(resolvedLegendClassSchema),
  warnings: z
    .array(apiWarningSchema)
    .meta({ description: "roles no zoning rule or density set knows, roles given twice" }),
});
