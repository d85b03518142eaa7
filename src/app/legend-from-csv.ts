import { parse as parseCsv } from "csv-parse/sync";
import type { Legend } from "../domain/landuse/legend.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { legendFromTable } from "../io/read-legend-file.ts";

/**
 * A legend from the text of a CSV (an upload), read by the CLI's own parser (`legendFromTable`:
 * MineCarbon, OpenLand and InVEST column names), so both read a file the same way. `name` stands
 * for the file in messages.
 */
export function legendFromCsvText(text: string, name: string): { legend: Legend; ignored: string[] } {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new InputError(name, [{ path: "body", message: `is not valid CSV: ${(e as Error).message}` }]);
  }
  if (records.length === 0)
    throw new InputError(name, [{ path: "body", message: "is empty; it needs a header row" }]);
  const header = records[0]!;
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
  return legendFromTable({ path: name, header, rows });
}
