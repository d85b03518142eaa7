import { writeFileWhole } from "../io/output-target.ts";
import { reportHtml } from "./report-html.ts";
import type { ReportModel } from "./report-model.ts";
import { reportPdf } from "./report-pdf.ts";

export type ReportFormat = "html" | "pdf";

/**
 * Writes a report in a format; the file appears only when complete (written beside, then renamed).
 * A missing folder or a path that is a folder is bad input naming `option`.
 */
export async function writeReport(
  model: ReportModel,
  format: ReportFormat,
  path: string,
  option = "--out",
): Promise<void> {
  const bytes = format === "html" ? Buffer.from(reportHtml(model)) : await reportPdf(model);
  writeFileWhole(path, bytes, option);
}
