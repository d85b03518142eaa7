import { z } from "zod";
import type { StoredLegend } from "./area.ts";
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

/** A legend class as a client writes it; `key` is the class's role (what it is). */
const legendClassInput = z.strictObject({
  code: z.number().int().min(0).max(65535).describe("the raster code"),
  name: userText().min(1).describe("the class's name"),
  nameZh: userText().min(1).optional().describe("its Chinese name"),
  key: userText()
    .min(1)
    .optional()
    .describe(
      "the class's role: what it is (arable, forest, grassland, urban, open-pit, water, unused …); zoning rules and density sets read classes by it; required: a class without one is refused, naming the role its name suggests to confirm (none is ever guessed)",
    ),
  group: userText().optional().describe("its group (sink, construction, mining, water, other)"),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional()
    .describe("#rrggbb"),
});

const uniqueCodes = (cs: readonly { code: number }[]) => new Set(cs.map((c) => c.code)).size === cs.length;

/**
 * A legend written whole (`PUT /api/areas/{id}/legend`): every class states its role, so nothing
 * is carried over from the rows it replaces.
 */
export const legendInput = z.strictObject({
  classes: boundedList(legendClassInput.required({ key: true }), COUNT_BOUNDS.legendClasses)
    .min(1)
    .refine(uniqueCodes, "each code may appear once"),
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
      classes: boundedList(legendClassInput, COUNT_BOUNDS.legendClasses)
        .min(1)
        .refine(uniqueCodes, "each code may appear once")
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
  regionCode: z
    .string()
    .regex(/^[1-9]\d{5}$/, "must be a six-digit region code of GB/T 2260 (e.g. 140603)")
    .optional()
    .describe(
      "where the area lies (GB/T 2260); the creating organisation's own region when omitted. The area belongs to the creator's organisation",
    ),
});

/** A partial update of a mining area. */
/** A change of an area; its owner and region change only by a transfer (the administrator). */
export const miningAreaPatch = miningAreaInput.omit({ regionCode: true }).partial();

/** The stored legend of a legend input: the preset or the classes as given (nothing merged). */
export function storedLegendOf(l: z.output<typeof miningAreaInput>["legend"]): StoredLegend {
  return l.preset !== undefined ? { preset: l.preset } : { classes: l.classes ?? [] };
}
