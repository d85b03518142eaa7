import { parse } from "csv-parse/browser/esm/sync";
import { LEGEND_ROLES, type LegendRole } from "../../../contract/area.ts";
import { DENSITY_SETS, type CarbonPool } from "../../../domain/budget/density-sets.ts";

/** The roles a legend class can have (what it is), from the domain's legend groups. */
export const ROLES = Object.keys(LEGEND_ROLES) as LegendRole[];

export const isRole = (k: unknown): k is LegendRole =>
  typeof k === "string" && Object.hasOwn(LEGEND_ROLES, k);

/**
 * One row of the legend editor. Every value is the row's own: the role is chosen or imported with
 * the row, never inherited from a row it replaced. `code` is the text typed (checked on save).
 */
export interface LegendRow {
  /** A stable id for React (not sent). */
  readonly rowId: string;
  code: string;
  name: string;
  nameZh: string;
  /** "" until chosen. */
  role: LegendRole | "";
  colour: string;
}

/** A legend class as written to the API: the role as `key`, its group from the role. */
export interface LegendClassOut {
  code: number;
  name: string;
  nameZh?: string;
  key: LegendRole;
  group: string;
  colour: string;
}

let next = 0;
/** A new row id. */
export const rowId = (): string => `row-${++next}`;

/** The editor's rows from the classes the API answers (their roles as the server resolved them). */
export function rowsFromClasses(
  classes: readonly { code: number; key: string; name: string; nameZh?: string; colour?: string }[],
): LegendRow[] {
  return classes.map((c) => ({
    rowId: rowId(),
    code: String(c.code),
    name: c.name,
    nameZh: c.nameZh ?? "",
    role: isRole(c.key) ? c.key : "",
    colour: c.colour ?? "#999999",
  }));
}

const CODE = ["code", "categoryValue", "lucode", "value"];
const NAME = ["name", "category", "LULC_name", "LULC_desc", "description", "class_name", "label"];
const ROLE = ["role", "key", "legend", "short"];
const COLOUR = ["colour", "color"];
const NAME_ZH = ["name_zh", "nameZh"];

const pick = (header: readonly string[], names: readonly string[]) =>
  names.map((n) => header.find((h) => h.toLowerCase() === n.toLowerCase())).find((h) => h !== undefined);

/** What a legend CSV gave: the rows, the columns not read, and the rows whose role was not given. */
export interface LegendImport {
  rows: LegendRow[];
  ignored: string[];
  withoutRole: number;
}

/**
 * A legend CSV read in the browser: the column names the CLI reads (`code,name,key,group,colour`,
 * OpenLand's `categoryValue,legend,…,color`, InVEST's `lucode,LULC_name`), plus `role` and
 * `name_zh`. Each row takes its role from its own `role`/`key` column; a row without one gets none
 * (to be chosen) — never the role of the row it replaces. Throws with a message naming the missing
 * columns.
 */
export function legendRowsFromCsv(text: string): LegendImport {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  const header = records[0] ? Object.keys(records[0]) : [];
  const code = pick(header, CODE);
  const name = pick(header, NAME);
  if (!code || !name)
    throw new Error(
      `a legend needs a code column (${CODE.join(" or ")}) and a name column (${NAME.join(" or ")}); got ${header.join(", ") || "no columns"}`,
    );
  const role = pick(header, ROLE);
  const colour = pick(header, COLOUR);
  const nameZh = pick(header, NAME_ZH);
  const used = new Set([code, name, role, colour, nameZh, pick(header, ["group", "class"])]);
  let withoutRole = 0;
  const rows = records.map((r): LegendRow => {
    const given = role ? r[role]?.trim() : undefined;
    const theRole = isRole(given) ? given : "";
    if (!theRole) withoutRole++;
    const c = colour ? r[colour]?.trim() : undefined;
    return {
      rowId: rowId(),
      code: r[code]?.trim() ?? "",
      name: r[name]?.trim() ?? "",
      nameZh: nameZh ? (r[nameZh]?.trim() ?? "") : "",
      role: theRole,
      colour: c && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : "#999999",
    };
  });
  return { rows, ignored: header.filter((h) => !used.has(h)), withoutRole };
}

/** A problem of a row at its cell (`legend.classes[i].field`), as the API reports them too. */
export interface RowIssue {
  path: string;
  message: string;
}

/**
 * The rows checked before saving (the server checks again): code a whole number 0–65535 and
 * unique, a name, a role. Returns the classes to send, or the problems at their cells.
 */
export function checkRows(
  rows: readonly LegendRow[],
  say: { code: string; duplicate: (code: string) => string; name: string; role: string; none: string },
): { classes: LegendClassOut[] } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const seen = new Set<number>();
  const classes: LegendClassOut[] = [];
  if (rows.length === 0) issues.push({ path: "legend.classes", message: say.none });
  rows.forEach((r, i) => {
    const at = `legend.classes[${i}]`;
    const code = Number(r.code);
    if (r.code.trim() === "" || !Number.isInteger(code) || code < 0 || code > 65535)
      issues.push({ path: `${at}.code`, message: say.code });
    else if (seen.has(code)) issues.push({ path: `${at}.code`, message: say.duplicate(r.code) });
    seen.add(code);
    if (!r.name.trim()) issues.push({ path: `${at}.name`, message: say.name });
    if (!r.role) issues.push({ path: `${at}.key`, message: say.role });
    else
      classes.push({
        code,
        name: r.name.trim(),
        ...(r.nameZh.trim() ? { nameZh: r.nameZh.trim() } : {}),
        key: r.role,
        group: LEGEND_ROLES[r.role],
        colour: r.colour,
      });
  });
  return issues.length ? { issues } : { classes };
}

/** The densities a role takes in a density set: the factor id per pool, 0 for none, undefined when the set does not know the role. */
export function densitiesOf(
  setId: string,
  role: LegendRole | "",
): Readonly<Record<CarbonPool, string | 0>> | undefined {
  const set = DENSITY_SETS[setId];
  return role && set ? set.classes[role] : undefined;
}
