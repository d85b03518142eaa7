import { parseCsv } from "./activity-doc.ts";

/**
 * The rows of an activity-data file as texts: an `.xlsx` workbook's first sheet (read-excel-file,
 * loaded only when such a file is chosen) or a CSV. Throws what the reader says of a broken file.
 */
export async function readActivityRows(file: File): Promise<string[][]> {
  if (file.name.toLowerCase().endsWith(".xlsx")) {
    const { readSheet } = await import("read-excel-file/browser");
    const sheet: unknown[][] = await readSheet(file);
    return sheet.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
  }
  return parseCsv(await file.text());
}
