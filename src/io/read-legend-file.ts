import { existsSync } from "node:fs";
import { LEGEND_PRESETS, type Legend, type LegendClass } from "../domain/landuse/legend.ts";
import { COUNT_BOUNDS, TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { describeValue, InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { textProblem } from "../domain/validation/user-text.ts";
import { LEGEND_COLUMNS, legendFromRecords, type LegendRecord } from "../domain/landuse/legend-records.ts";
import { suggestRole } from "../domain/landuse/legend-roles.ts";
import { LEGEND_ROLES } from "../contract/area.ts";
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
 * How a legend table's rows without a role are read:
 * - "required" (the server's CSV import, a stored legend): each such row is a problem naming the
 *   class and the roles to choose from — a role decides the class's zoning and densities, so it is
 *   never guessed;
 * - "name" (the CLI's legend files and InVEST pool tables, which have no role column): the class is
 *   identified by its name as written, the name a `--rules` table uses for it.
 */
export type LegendRoleMode = "required" | "name";

/** The roles a class can be given. */
const ROLES = Object.keys(LEGEND_ROLES);

/**
 * The legend of a parsed table (columns read by the domain's `legendFromRecords`, as the web's
 * legend import reads them); `roles` says how a row without a role is read (above). Two classes may
 * share a role (two forest classes are both forest); two rows may not share a code.
 */
export function legendFromTable(
  t: CsvTable,
  roles: LegendRoleMode = "name",
): { legend: Legend; ignored: string[] } {
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
  const classes: LegendClass[] = [];
  const roleless: InputIssue[] = [];
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
    if (r.role === undefined && roles === "required") {
      const hint = suggestRole(r, ROLES);
      roleless.push({
        path: `${at}, ${roleCol ?? "role"}`,
        message: `class ${c} "${r.name}" has no role${hint ? ` (its name suggests "${hint}": confirm it by writing it)` : ""}`,
      });
      continue;
    }
    const k = r.role ?? (r.name || String(c));
    classes.push({
      code: c,
      key: k,
      name: r.name,
      ...(r.nameZh ? { nameZh: r.nameZh } : {}),
      ...(r.group ? { group: r.group } : {}),
      ...(r.colour ? { colour: r.colour } : {}),
    });
  }
  // Each class without its role is named; the roles to choose from are said once.
  if (roleless.length)
    issues.push(
      {
        path: roleCol ?? "role",
        message: `every class needs its role, written in a role (or key) column: one of ${ROLES.join(", ")}; ${roleless.length} class${roleless.length === 1 ? " has" : "es have"} none`,
      },
      ...roleless,
    );
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
