import { z } from "zod";

/** A generated report as the API answers its creation. Version 1. */
export const reportRecordSchema = z
  .object({
    id: z.string(),
    format: z.enum(["html", "pdf"]),
    url: z.string().meta({ description: "where to download it" }),
  })
  .meta({ id: "Report" });
export type ReportRecord = z.infer<typeof reportRecordSchema>;
