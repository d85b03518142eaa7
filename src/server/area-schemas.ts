import { z } from "zod";

/** What a client sends to create a mining area. */
export const miningAreaInput = z.strictObject({
  name: z.string().trim().min(1).max(200).describe("name of the mining area"),
  nameZh: z.string().trim().min(1).max(200).nullable().optional().describe("Chinese name"),
  crs: z.string().max(200).nullable().optional().describe("CRS of its maps, e.g. EPSG:4546"),
  // One object with either key (not a union), so that a problem inside `classes` is reported at its
  // own path (legend.classes[2].code) rather than as "matches no form" at `legend`.
  legend: z
    .strictObject({
      preset: z.enum(["seed001", "gbt21010", "clcd", "esa-worldcover"]).optional(),
      classes: z
        .array(
          z.strictObject({
            code: z.number().int().min(0).max(65535),
            name: z.string().min(1),
            nameZh: z.string().min(1).optional(),
            key: z.string().min(1).optional(),
            group: z.string().optional(),
            colour: z
              .string()
              .regex(/^#[0-9a-fA-F]{6}$/)
              .optional(),
          }),
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
  boundary: z.unknown().optional().describe("GeoJSON boundary (WGS 84)"),
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
