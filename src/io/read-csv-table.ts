import { parse as parseCsv } from "csv-parse/sync";
import { InputError } from "../domain/validation/input-issue.ts";
import { readTextFile } from "./read-text-file.ts";

/** A CSV file as header + rows of strings; the row number (1 = first data row) is kept for errors. */
export interface CsvTable {
  readonly path: string;
  readonly header: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/** Reads a CSV with a header row; a missing file, ragged rows or a syntax error name the file and line. */
export function readCsvTable(path: string): CsvTable {
  return csvTableFromText(readTextFile(path), path, "");
}

/**
 * A CSV text (a file's, or an upload's body) as header + rows; `source` names it in errors and
 * `at` is the path of the text within it ("" for a whole file, "body" for a request body).
 */
export function csvTableFromText(text: string, source: string, at: string): CsvTable {
  const path = source;
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new InputError(path, [{ path: at, message: `is not valid CSV: ${(e as Error).message}` }]);
  }
  if (records.length === 0)
    throw new InputError(path, [{ path: at, message: "is empty; it needs a header row" }]);
  const header = records[0]!;
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
  return { path, header, rows };
}

/** The first header among `names` (case-insensitive) present in the table, or undefined. */
export function pickColumn(table: CsvTable, names: readonly string[]): string | undefined {
  const lower = new Map(table.header.map((h) => [h.toLowerCase(), h]));
  for (const n of names) {
    const h = lower.get(n.toLowerCase());
    if (h !== undefined) return h;
  }
  return undefined;
}
