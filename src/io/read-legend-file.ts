import { existsSync } from "node:fs";
import { LEGEND_PRESETS, type Legend, type LegendClass } from "../domain/landuse/legend.ts";
import { COUNT_BOUNDS, TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { describeValue, InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { textProblem } from "../domain/validation/user-text.ts";
import { LEGEND_COLUMNS, legendFromRecords, type LegendRecord } from "../domain/landuse/legend-records.ts";
import { pickColumn, readCsvTable, type CsvTable } from "./read-csv-table.ts";

/**
 * A legend from CSV: code and name, optional key, group and colour. The column names of MineCarbon
 * (`code,name,key,group,colour`), of OpenLand exports (`categoryValue,legend,class,category,color`)
 * and of InVEST tables (`lucode,LULC_name`) are all recognised; other columns are listed in `ignored`.
 */
export function readLegendFile(path: string): { legend: Legend; ignored: string[] } {
  return legendFromTable(readCsvTable(path));
}

/**
 * The legend of a parsed table (columns read by the domain's `legendFromRecords`, as the web's
 * legend import reads them). A class whose row gives no role is keyed by its name, or its code when
 * it has none (the CLI's legends and pool tables have no role column).
 */
export function legendFromTable(t: CsvTable): { legend: Legend; ignored: string[] } {
  const read = legendFromRecords(t.header, t.rows, t.path);
  const headerProblem = read.problems.find((p) => p.path === "header");
  if (headerProblem) throw new InputError(t.path, [headerProblem]);
  const col = (names: readonly string[]) => pickColumn(t, names);
  const codeCol = col(LEGEND_COLUMNS.code)!;
  const nameCol = col(LEGEND_COLUMNS.name)!;
  const roleCol = col(LEGEND_COLUMNS.role);
  const textCols: [keyof LegendRecord, string | undefined][] = [
    ["name", nameCol],
    ["role", roleCol],
    ["group", col(LEGEND_COLUMNS.group)],
    ["nameZh", col(LEGEND_COLUMNS.nameZh)],
  ];
  const issues: InputIssue[] = [...read.problems];
  const seen = new Map<number, number>();
  const keys = new Set<string>();
  const classes: LegendClass[] = [];
  for (const r of read.classes) {
    const at = `row ${r.row}`;
    const c = Number(r.code);
    if (r.code === "" || !Number.isInteger(c) || c < 0 || c > 65535) {
      issues.push({ path: `${at}, ${codeCol}`, message: `must be a whole number 0–65535; got "${r.code}"` });
      continue;
    }
    if (seen.has(c)) {
      issues.push({ path: `${at}, ${codeCol}`, message: `code ${c} is already on row ${seen.get(c)}` });
      continue;
    }
    seen.set(c, r.row);
    if (!r.name) issues.push({ path: `${at}, ${nameCol}`, message: "must not be empty" });
    // Names end up in tables, reports and (through the API) the database: one line of storable text.
    for (const [field, column] of textCols) {
      const text = column === undefined ? undefined : r[field];
      if (typeof text !== "string") continue;
      const problem =
        text.length > TEXT_BOUNDS.name
          ? `must be at most ${TEXT_BOUNDS.name} characters long`
          : textProblem(text);
      if (problem)
        issues.push({ path: `${at}, ${column}`, message: `${problem}; got ${describeValue(text)}` });
    }
    const k = r.role ?? (r.name || String(c));
    if (keys.has(k))
      issues.push({ path: `${at}, ${roleCol ?? nameCol}`, message: `"${k}" names two classes` });
    keys.add(k);
    classes.push({
      code: c,
      key: k,
      name: r.name,
      ...(r.nameZh ? { nameZh: r.nameZh } : {}),
      ...(r.group ? { group: r.group } : {}),
      ...(r.colour ? { colour: r.colour } : {}),
    });
  }
  if (classes.length === 0 && issues.length === 0) issues.push({ path: "", message: "has no classes" });
  if (classes.length > COUNT_BOUNDS.legendClasses)
    issues.push({
      path: "",
      message: `must have at most ${COUNT_BOUNDS.legendClasses} classes; got ${classes.length}`,
    });
  if (issues.length) throw new InputError(t.path, issues);
  classes.sort((a, b) => a.code - b.code);
  return {
    legend: { id: t.path, description: `legend from ${t.path}`, classes },
    ignored: read.ignored,
  };
}

/** A `--legend` argument: a preset id or a legend CSV; anything else is an error naming both. */
export function legendFromArgument(arg: string): { legend: Legend; ignored: string[] } {
  const preset = LEGEND_PRESETS[arg];
  if (preset) return { legend: preset, ignored: [] };
  if (!existsSync(arg))
    throw new InputError("--legend", [
      {
        path: "",
        message: `"${arg}" is neither a preset (${Object.keys(LEGEND_PRESETS).join(", ")}) nor a legend CSV file`,
      },
    ]);
  return readLegendFile(arg);
}
