import { z } from "zod";

/**
 * `GET /api/management/summary?year=&format=xlsx|pdf&lang=en|zh`: the regulator's annual summary
 * across the mines the actor may read (issue 13), as a file. Its content: docs/management-overview.md.
 */
export const SUMMARY_FORMATS = ["xlsx", "pdf"] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** The answer's content type of each format. */
export const SUMMARY_CONTENT_TYPES: Readonly<Record<SummaryFormat, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export const managementSummaryQuery = z
  .object({
    year: z.coerce
      .number()
      .int()
      .min(1990)
      .max(2100)
      .optional()
      .meta({ description: "the reporting year; default: last year (China Standard Time)" }),
    format: z
      .enum(SUMMARY_FORMATS)
      .meta({ description: "xlsx: a workbook of four sheets and a note; pdf: A4" }),
    lang: z
      .enum(["en", "zh"])
      .default("en")
      .meta({ description: "the language of the headers and terms (names are the mines' own)" }),
  })
  .strict();
