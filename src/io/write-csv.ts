import { writeFileSync } from "node:fs";

/** One CSV cell: numbers to 15 significant digits, text quoted when it holds a quote, comma or line break. */
export const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  // 15 significant digits: what a double holds, without the noise of summing (55.00000000000001).
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes rows of objects as CSV with the given columns (header first); null/undefined → empty. */
export function writeCsv(
  path: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): void {
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))];
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** Writes rows as CSV with columns taken from the first row (or `fallback` when there are none). */
export function writeRows(
  path: string,
  rows: readonly Record<string, unknown>[],
  fallback: readonly string[] = [],
): void {
  writeCsv(path, rows.length ? Object.keys(rows[0]!) : fallback, rows);
}
