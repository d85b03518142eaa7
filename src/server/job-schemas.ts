import { z } from "zod";
import { DENSITY_SETS } from "../domain/budget/density-sets.ts";

/** What a client sends to start a land-use analysis of an area. */
export const analysisInput = z.strictObject({
  years: z
    .array(z.number().int().min(1900).max(2200))
    .min(2)
    .optional()
    .describe("years to analyse, at least two of the area's maps; all when omitted"),
  zoning: z
    .enum(["rules", "data-driven", "none"])
    .default("rules")
    .describe("carbon-sink zoning: seed 001's rules, data-driven (needs a density set), or none"),
  zonesFromBoundary: z
    .boolean()
    .default(true)
    .describe("count per named feature of the area's boundary (mine fields)"),
  densitySet: z
    .enum(Object.keys(DENSITY_SETS) as [string, ...string[]])
    .nullable()
    .default(null)
    .describe("carbon densities for carbon stocks and change; none when null"),
  zeroRule: z.enum(["paper", "openland"]).default("paper").describe("intensity analysis zero-change rule"),
});

/** A job as `GET /api/jobs/{id}` answers it. */
export const jobOutput = z.object({
  id: z.string(),
  state: z.enum(["queued", "running", "done", "failed"]),
  percent: z.number(),
  result: z.string().nullable().describe("link to the finished analysis"),
  error: z.unknown(),
});
