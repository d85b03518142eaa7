import { parse } from "csv-parse/browser/esm/sync";
import { LEGEND_ROLES, type LegendRole } from "../../../contract/area.ts";
import { DENSITY_SETS, type CarbonPool } from "../../../domain/budget/density-sets.ts";
import { legendFromRecords, type LegendRecordProblem } from "../../../domain/landuse/legend-records.ts";
import { suggestRole } from "../../../domain/landuse/legend-roles.ts";

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
  /**
   * The role is only what the class's name suggests (`suggestRole`), filled in for the user to
   * confirm: saving is refused until the user confirms it or picks another.
   */
  suggested: boolean;
  colour: string;
}

/**
 * A row whose role is not the user's (none, or still a suggestion) with the role its names suggest
 * filled in as a suggestion (or none when its names suggest none). A role the user chose is kept.
 */
export function withSuggestedRole(row: LegendRow): LegendRow {
  if (row.role && !row.suggested) return row;
  const hint = suggestRole({ name: row.name, nameZh: row.nameZh }, ROLES);
  return isRole(hint) ? { ...row, role: hint, suggested: true } : { ...row, role: "", suggested: false };
}

/** A new, empty row (its role suggested once its name is typed). */
export const newRow = (): LegendRow => ({
  rowId: rowId(),
  code: "",
  name: "",
  nameZh: "",
  role: "",
  suggested: false,
  colour: "#999999",
});

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

/**
 * The editor's rows from the classes the API answers (their roles as stored); a stored class without
 * a role gets the one its name suggests, to confirm.
 */
export function rowsFromClasses(
  classes: readonly { code: number; key: string; name: string; nameZh?: string; colour?: string }[],
): LegendRow[] {
  return classes
    .map((c): LegendRow => ({
      rowId: rowId(),
      code: String(c.code),
      name: c.name,
      nameZh: c.nameZh ?? "",
      role: isRole(c.key) ? c.key : "",
      suggested: false,
      colour: c.colour ?? "#999999",
    }))
    .map(withSuggestedRole);
}

/**
 * What a legend CSV gave: the rows, the columns not read, the rows whose role the file does not give
 * (`withoutRole`), and of those the ones given a suggested role to confirm (`suggested`).
 */
export interface LegendImport {
  rows: LegendRow[];
  ignored: string[];
  withoutRole: number;
  suggested: number;
}

/**
 * A legend CSV that cannot be read: the file's name and its problems (`path` "header", "row N,
 * <column>" with N the line in the file, or "" for the CSV's syntax), each message as the domain or
 * the CSV parser wrote it (the editor shows them through `domainText`). `message` joins them in English.
 */
export class LegendCsvError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly LegendRecordProblem[],
    options?: ErrorOptions,
  ) {
    super(
      `${source}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")}`,
      options,
    );
    this.name = "LegendCsvError";
  }
}

/**
 * A legend CSV read in the browser (parsed with csv-parse, read by the domain's
 * `legendFromRecords`, as the CLI and the server read it): MineCarbon's, OpenLand's and InVEST's
 * column names. Each row takes its role from its own role column; a row without one, or with a text
 * that is not a role, gets none (to be chosen) — never the role of the row it replaces nor one
 * guessed from its name. A row without a colour gets grey. Throws with a message starting with
 * `source` (the file's name) and naming the missing columns, the line the CSV cannot be read at, or
 * the rows (their lines in the file, empty lines counted) whose colour is not `#rrggbb`.
 */
export function legendRowsFromCsv(text: string, source: string): LegendImport {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as typeof parsed;
  } catch (e) {
    throw new LegendCsvError(source, [{ path: "", message: (e as Error).message }], { cause: e });
  }
  const records = parsed.map((p) => p.record);
  const header = records[0] ? Object.keys(records[0]) : [];
  const read = legendFromRecords(header, records, source);
  // The domain counts rows from line 2; the file may have empty lines before a row.
  const line = (n: number) => parsed[n - 2]?.info.lines ?? n;
  if (read.problems.length)
    throw new LegendCsvError(
      read.source,
      read.problems.map((p) => ({
        path: p.path.replace(/^row (\d+)/, (_, n: string) => `row ${line(Number(n))}`),
        message: p.message,
      })),
    );
  let withoutRole = 0;
  let suggested = 0;
  const rows = read.classes.map((c): LegendRow => {
    const role = isRole(c.role) ? c.role : "";
    if (!role) withoutRole++;
    const row = withSuggestedRole({
      rowId: rowId(),
      code: c.code,
      name: c.name,
      nameZh: c.nameZh ?? "",
      role,
      suggested: false,
      colour: c.colour ?? "#999999",
    });
    if (row.suggested) suggested++;
    return row;
  });
  return { rows, ignored: read.ignored, withoutRole, suggested };
}

/** A problem of a row at its cell (`legend.classes[i].field`), as the API reports them too. */
export interface RowIssue {
  path: string;
  message: string;
}

/**
 * The rows checked before saving (the server checks again): code a whole number 0–65535 and
 * unique, a name, a role the user chose or confirmed (a suggested one not yet confirmed is a
 * problem at the role). Returns the classes to send, or the problems at their cells.
 */
export function checkRows(
  rows: readonly LegendRow[],
  say: {
    code: string;
    duplicate: (code: string) => string;
    name: string;
    role: string;
    confirm: string;
    none: string;
  },
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
    else if (r.suggested) issues.push({ path: `${at}.key`, message: say.confirm });
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

/**
 * The API's problems of a written legend at the editor's cells: PUT /legend names a row
 * `classes[i].field`, PATCH of the area `legend.classes[i].field`; both become `legend.classes[i].field`.
 * Other paths are kept as they are.
 */
export function rowIssuesFromApi(details: readonly { path: string; message: string }[]): RowIssue[] {
  return details.map((d) => ({
    path: /^classes(\[|\.|$)/.test(d.path) ? `legend.${d.path}` : d.path,
    message: d.message,
  }));
}

/** Whether a problem's path is a cell of the editor (`legend.classes[i].field`). */
export const isCellPath = (path: string): boolean => /^legend\.classes\[\d+\]\./.test(path);
