import writeXlsxFile, { type Row, type Sheet } from "write-excel-file/node";
import { columnsFor, SUMMARY_DIGITS, type SummaryCellKind, type SummaryDocument } from "./summary-tables.ts";

/**
 * The annual summary as an XLSX workbook (write-excel-file): a sheet per table, the header row bold
 * and frozen, numbers as numbers (full precision, shown with the digits of their kind), empty cells
 * for figures that are not there; every sheet starts with its header row, for scripts. The title, the
 * time it was made and the note on where the figures come from are the last sheet.
 */

const FORMATS: Readonly<Record<Exclude<SummaryCellKind, "text">, string>> = {
  year: "0",
  count: "0",
  tonnes: "#,##0",
  intensity: `0.${"0".repeat(SUMMARY_DIGITS.intensity)}`,
  hectares: `#,##0.${"0".repeat(SUMMARY_DIGITS.hectares)}`,
  score: `0.${"0".repeat(SUMMARY_DIGITS.score)}`,
};

/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

export async function summaryXlsx(d: SummaryDocument): Promise<Buffer> {
  const sheets: Sheet<Buffer>[] = d.tables.map((whole) => {
    const table = columnsFor(whole, "xlsx");
    const header: Row = table.columns.map((c) => ({ value: c.header, fontWeight: "bold", wrap: true }));
    const rows: Row[] = table.rows.map((r) =>
      r.map((v, j) => {
        const kind = table.columns[j]!.kind;
        if (v === null) return null;
        if (typeof v === "number" && kind !== "text") return { value: v, format: FORMATS[kind] };
        return { value: String(v) };
      }),
    );
    return {
      data: [header, ...rows],
      sheet: sheetName(table.name),
      columns: table.columns.map((c) => ({ width: c.kind === "text" ? 28 : 16 })),
      stickyRowsCount: 1,
    };
  });
  sheets.push({
    data: [[{ value: d.title, fontWeight: "bold" }], [d.generated], [{ value: d.note, wrap: true }]],
    sheet: sheetName(d.aboutSheet),
    columns: [{ width: 100 }],
  });
  return (await writeXlsxFile(sheets).toBuffer()) as Buffer;
}
