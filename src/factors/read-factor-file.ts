import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import type { Factor } from "../domain/factor/factor.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { readTextFile } from "../io/read-text-file.ts";
import { FACTOR_COLUMNS, parseFactorRow } from "./factor-row.ts";

/**
 * Reads a factor file — CSV with the library's columns, or YAML/JSON holding a list of rows with
 * the same keys — and returns its factors. Every bad row is reported at once (InputError).
 */
export function readFactorFile(path: string, origin: string = path): Factor[] {
  const text = readTextFile(path);
  const records = /\.(ya?ml|json)$/i.test(path) ? yamlRecords(text, path) : csvRecords(text, path);
  const issues: InputIssue[] = [];
  const factors: Factor[] = [];
  const seen = new Map<string, string>();
  records.forEach((record, i) => {
    const where = /\.(ya?ml|json)$/i.test(path) ? `row ${i + 1}` : `line ${i + 2}`;
    const { factor, issues: rowIssues } = parseFactorRow(record, where, origin);
    issues.push(...rowIssues);
    if (factor) {
      const first = seen.get(factor.id);
      if (first)
        issues.push({ path: `${where}, column id`, message: `id ${factor.id} is already used at ${first}` });
      else seen.set(factor.id, where);
      factors.push(factor);
    }
  });
  if (issues.length) throw new InputError(path, issues);
  return factors;
}

function csvRecords(text: string, path: string): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Record<
      string,
      string
    >[];
  } catch (e) {
    throw new InputError(path, [{ path: "", message: `is not valid CSV: ${(e as Error).message}` }]);
  }
  const header =
    text
      .split(/\r?\n/, 1)[0]
      ?.split(",")
      .map((h) => h.trim()) ?? [];
  const unknown = header.filter((h) => !(FACTOR_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    throw new InputError(path, [
      {
        path: "line 1",
        message: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the columns are ${FACTOR_COLUMNS.join(", ")}`,
      },
    ]);
  }
  return rows;
}

function yamlRecords(text: string, path: string): Record<string, string>[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InputError(path, [{ path: "", message: `is not valid YAML/JSON: ${(e as Error).message}` }]);
  }
  const list = Array.isArray(doc) ? doc : (doc as { factors?: unknown } | null)?.factors;
  if (!Array.isArray(list)) {
    throw new InputError(path, [
      { path: "factors", message: "must be a list of factor rows (or the file itself a list)" },
    ]);
  }
  const unknown = new Set<string>();
  for (const row of list)
    for (const k of Object.keys((row ?? {}) as object)) {
      if (!(FACTOR_COLUMNS as readonly string[]).includes(k)) unknown.add(k);
    }
  if (unknown.size) {
    throw new InputError(path, [
      {
        path: "factors",
        message: `unknown key${unknown.size > 1 ? "s" : ""} ${[...unknown].join(", ")}; the keys are ${FACTOR_COLUMNS.join(", ")}`,
      },
    ]);
  }
  return list.map((row) =>
    Object.fromEntries(
      Object.entries((row ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v == null ? "" : String(v)]),
    ),
  );
}
