import { z } from "zod";
import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import { COUNT_BOUNDS } from "../domain/common/input-bounds.ts";
import { valuationInput } from "../domain/landuse/carbon-valuation.ts";
import { boundedList, calendarYear } from "../domain/validation/bounded-number.ts";

/** What a client sends to start a land-use analysis of an area (`POST /api/areas/{id}/analyses`). Version 1. */
export const analysisInput = z
  .strictObject({
    years: boundedList(calendarYear(), COUNT_BOUNDS.inventoryYears)
      .min(2)
      .optional()
      .superRefine((years, ctx) => {
        // [2002, 2002] would otherwise be queued and fail as "needs maps of at least two years".
        const seen = new Set<number>();
        years?.forEach((y, i) => {
          if (seen.has(y))
            ctx.addIssue({
              code: "custom",
              path: [i],
              message: `each year may appear once; ${y} is repeated (years ${years.join(", ")})`,
            });
          seen.add(y);
        });
      })
      .describe("years to analyse, at least two different ones of the area's maps; all when omitted"),
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
    valuation: valuationInput
      .nullable()
      .default(null)
      .describe(
        "InVEST's valuation of the storage change (needs a densitySet): a carbon price in CNY per t CO2e (or a price factor id) in the first year analysed, its yearly change and a discount rate; none when null",
      ),
  })
  .superRefine((o, ctx) => {
    if (o.valuation !== null && o.densitySet === null)
      ctx.addIssue({
        code: "custom",
        path: ["valuation"],
        message: `needs a densitySet (${Object.keys(DENSITY_SETS).join(", ")}): the valuation prices the change in carbon storage its densities give; got none`,
      });
    if (o.zoning === "data-driven" && o.densitySet === null)
      ctx.addIssue({
        code: "custom",
        path: ["densitySet"],
        message: `must name a density set (${Object.keys(DENSITY_SETS).join(", ")}) for zoning "data-driven", which zones by the carbon densities; got none`,
      });
  });
