import { z } from "zod";
import { COUNT_BOUNDS } from "../domain/common/input-bounds.ts";
import { checkPolygonGeojson } from "../domain/landuse/polygon-geojson.ts";
import { boundedList } from "../domain/validation/bounded-number.ts";
import { userText } from "../domain/validation/user-text.ts";

/**
 * A boundary: polygon GeoJSON (WGS 84), checked whole on arrival — a Banana type, a coordinate of
 * 1e999 or "a", an open ring or nesting 200,000 deep is a 400 naming the place
 * (boundary.coordinates[0][3][1]), not a job that fails later or a database error. null: none.
 */
const boundarySchema = z.unknown().check((ctx) => {
  if (ctx.value === null || ctx.value === undefined) return;
  for (const issue of checkPolygonGeojson(ctx.value).issues)
    ctx.issues.push({ code: "custom", path: [...issue.at], message: issue.message, input: ctx.value });
});

/** What a client sends to create a mining area. */
export const miningAreaInput = z.strictObject({
  name: userText().trim().min(1).describe("name of the mining area"),
  nameZh: userText().trim().min(1).nullable().optional().describe("Chinese name"),
  crs: userText().nullable().optional().describe("CRS of its maps, e.g. EPSG:4546"),
  // One object with either key (not a union), so that a problem inside `classes` is reported at its
  // own path (legend.classes[2].code) rather than as "matches no form" at `legend`.
  legend: z
    .strictObject({
      preset: z.enum(["seed001", "gbt21010", "clcd", "esa-worldcover"]).optional(),
      classes: boundedList(
        z.strictObject({
          code: z.number().int().min(0).max(65535),
          name: userText().min(1),
          nameZh: userText().min(1).optional(),
          key: userText().min(1).optional(),
          group: userText().optional(),
          colour: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/)
            .optional(),
        }),
        COUNT_BOUNDS.legendClasses,
      )
        .min(1)
        .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, "each code may appear once")
        .optional(),
    })
    .refine(
      (l) => (l.preset === undefined) !== (l.classes === undefined),
      "give either a preset or the classes",
    )
    .describe("a legend preset or the classes"),
  boundary: boundarySchema
    .optional()
    .describe("GeoJSON boundary (WGS 84): a FeatureCollection, Feature, Polygon or MultiPolygon"),
});

/** A partial update of a mining area. */
export const miningAreaPatch = miningAreaInput.partial();

/** A mining area as the API returns it. */
export const miningAreaOutput = z.object({
  id: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  crs: z.string().nullable(),
  legend: z.unknown(),
  boundary: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
