import type { Legend } from "../domain/landuse/legend.ts";
import { csvTableFromText } from "../io/read-csv-table.ts";
import { legendFromTable } from "../io/read-legend-file.ts";

/**
 * A legend from the text of a CSV (an upload), read by the CLI's own parser (`legendFromTable`:
 * MineCarbon, OpenLand and InVEST column names), so both read a file the same way. Every class
 * must give its role (a role or key column): a row without one is refused, naming the class and the
 * roles to choose from — never given a role guessed from its name. `name` stands for the file in
 * messages.
 */
export function legendFromCsvText(text: string, name: string): { legend: Legend; ignored: string[] } {
  return legendFromTable(csvTableFromText(text, name, "body"), "required");
}
