import { z } from "zod";
import { publicFeedbackSchema } from "./public.ts";
import { storedId } from "./stored-id.ts";
import { targetBodySchema } from "./target.ts";

/**
 * A mine as the public portal shows it (issue 13, public participation): only what its published
 * annual reports and the regulator's targets say, and the feedback a regulator made public. A mine
 * is public when it has a published annual report or lies in a published area. Never a draft, a
 * person's name or contact, an evidence file or a plot. Version 1.
 */
const named = { name: z.string(), nameZh: z.string().nullable() };

const publicRegionSchema = z.object({ code: z.string(), ...named }).strict();
const publicEnterpriseSchema = z
  .object(named)
  .strict()
  .meta({ description: "the mine's enterprise (its name is a public fact)" });

/** One published year of a mine: its emissions and intensity as the report was last handed in. */
export const publicMineYearSchema = z
  .object({
    reportId: storedId.meta({
      description: "the published annual report (GET /api/public/annual-reports/{id})",
    }),
    year: z.number().int(),
    emissionsTCO2ePerYr: z.number().nullable().meta({
      "x-unit": "t CO2e/yr",
      description: "gross emissions; null when the report's figures cannot be read",
    }),
    coalOutputT: z.number().nullable().meta({ "x-unit": "t", description: "raw coal output" }),
    intensityTCO2ePerT: z
      .number()
      .nullable()
      .meta({ "x-unit": "t CO2e/t", description: "emissions per tonne of coal; null without coal output" }),
  })
  .strict()
  .meta({ id: "PublicMineYear" });

/** A mine in the portal's list. */
export const publicMineListItemSchema = z
  .object({
    id: storedId,
    ...named,
    region: publicRegionSchema,
    enterprise: publicEnterpriseSchema,
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().meta({
      "x-unit": "degree",
      description:
        "the mining-right boundary's extent, [west, south, east, north] in EPSG:4326; null when not given",
    }),
    latest: publicMineYearSchema.nullable().meta({ description: "its latest published year" }),
    publishedYears: z.array(z.number().int()).meta({ description: "the years with a published report" }),
  })
  .strict()
  .meta({ id: "PublicMineListItem" });

/** How a target stood in one published year (src/domain/manage/evaluation.ts). */
const targetYearSchema = z
  .object({
    year: z.number().int(),
    expected: z
      .number()
      .nullable()
      .meta({ description: "what the target asks by this year, in the target's unit" }),
    actual: z
      .number()
      .nullable()
      .meta({ description: "what the published report shows, in the target's unit" }),
    degree: z
      .number()
      .nullable()
      .meta({ description: "degree of achievement, 0 to 1; null: not judged (see note)" }),
    met: z
      .boolean()
      .nullable()
      .meta({ description: "degree 1: met (or on track for a progressive target); null: not judged" }),
    note: z.string().nullable().meta({ description: "why it was not judged (English)" }),
  })
  .strict();

export const publicTargetSchema = z
  .object({
    id: storedId,
    setBy: z.enum(["regulator", "enterprise"]),
    target: targetBodySchema,
    years: z.array(targetYearSchema).meta({ description: "each published year from the base year on" }),
  })
  .strict()
  .meta({ id: "PublicTarget" });

/** `GET /api/public/mines/{id}`: a public mine's summary. */
export const publicMineSchema = z
  .object({
    id: storedId,
    ...named,
    region: publicRegionSchema,
    enterprise: publicEnterpriseSchema,
    boundary: z.unknown().nullable().meta({
      description: "the mining-right boundary, polygon GeoJSON in EPSG:4326 (WGS 84); null when not given",
    }),
    trend: z.array(publicMineYearSchema).meta({ description: "the published years, oldest first" }),
    targets: z.array(publicTargetSchema).meta({ description: "its targets in force (not withdrawn)" }),
    feedback: z
      .array(publicFeedbackSchema)
      .meta({ description: "the public feedback about it with replies, newest first" }),
  })
  .strict()
  .meta({ id: "PublicMine" });

export type PublicMine = z.infer<typeof publicMineSchema>;
export type PublicMineListItem = z.infer<typeof publicMineListItemSchema>;
export type PublicMineYear = z.infer<typeof publicMineYearSchema>;
