import { renameSync, writeFileSync } from "node:fs";
import { reportHtml } from "./report-html.ts";
import type { ReportModel } from "./report-model.ts";
import { reportPdf } from "./report-pdf.ts";

export type ReportFormat = "html" | "pdf";

/** Writes a report in a format; the file appears only when complete (written beside, then renamed). */
export async function writeReport(model: ReportModel, format: ReportFormat, path: string): Promise<void> {
  const bytes = format === "html" ? Buffer.from(reportHtml(model)) : await reportPdf(model);
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}
