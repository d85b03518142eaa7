import { z } from "zod";
import { scenarioSchema } from "../domain/pathway/scenario-spec.ts";

/** What a client asks of a report (`POST /api/analyses|inventories/{id}/reports`). Version 1. */
export const reportInput = z.strictObject({
  format: z.enum(["html", "pdf"]).default("pdf").describe("self-contained HTML or PDF"),
  lang: z.enum(["en", "zh"]).default("en").describe("language of the report"),
  scenario: scenarioSchema
    .optional()
    .describe("a pathway scenario (baseline.inventoryId) to include, with its chart and economics"),
});
