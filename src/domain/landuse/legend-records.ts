/**
 * A legend table's rows (a CSV already parsed into header + records) as legend classes: the one
 * reading of the column names of MineCarbon (`code,name,role|key,group,colour,name_zh`), OpenLand
 * exports (`categoryValue,legend,class,category,color`) and InVEST tables (`lucode,LULC_name`),
 * shared by the CLI/server reader (src/io/read-legend-file.ts) and the web's legend import
 * (src/web/views/data/legend-rows.ts). Pure: no parsing of CSV text, no files.
 */

/** The column names read, first match wins (case-insensitive). */
export const LEGEND_COLUMNS = {
  code: ["code", "categoryValue", "lucode", "value"],
  name: ["name", "category", "LULC_name", "LULC_desc", "description", "class_name", "label"],
  /** The class's role (what it is); OpenLand's `legend` and the short `key` are read as it too. */
  role: ["role", "key", "legend", "short"],
  group: ["group", "class"],
  colour: ["colour", "color"],
  nameZh: ["name_zh", "nameZh"],
} as const;

/** One row of the table as a class: its texts as written (trimmed); `code` is checked by the caller. */
export interface LegendRecord {
  /** The row's line in the file (the header is line 1). */
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly nameZh?: string;
  /** The role column's text; absent when the row gives none (never guessed from the name). */
  readonly role?: string;
  readonly group?: string;
  /** A colour `#rrggbb` (lower case); absent when the row gives none. */
  readonly colour?: string;
}

/** A problem of the table: `path` is "header" or `row N, <column>`. */
export interface LegendRecordProblem {
  readonly path: string;
  readonly message: string;
}

export interface LegendRecords {
  /** The table, as the caller named it (for messages). */
  readonly source: string;
  readonly classes: LegendRecord[];
  /** The columns not read. */
  readonly ignored: string[];
  /** The rows that give no role (their line numbers). */
  readonly withoutRole: number[];
  readonly problems: LegendRecordProblem[];
}

const pick = (header: readonly string[], names: readonly string[]): string | undefined => {
  const lower = new Map(header.map((h) => [h.toLowerCase(), h]));
  for (const n of names) {
    const h = lower.get(n.toLowerCase());
    if (h !== undefined) return h;
  }
  return undefined;
};

/**
 * The classes of a legend table. A table without a code or a name column has only a problem at
 * "header"; a colour that is not `#rrggbb` is a problem naming its row. A row without a role is kept
 * without one and listed in `withoutRole`: the caller asks for one (the web editor) or refuses the
 * row (the server's CSV import). `source` names the table; it is returned for the caller's messages.
 */
export function legendFromRecords(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string | undefined>>[],
  source: string,
): LegendRecords {
  const code = pick(header, LEGEND_COLUMNS.code);
  const name = pick(header, LEGEND_COLUMNS.name);
  if (!code || !name)
    return {
      source,
      classes: [],
      ignored: [],
      withoutRole: [],
      problems: [
        {
          path: "header",
          message: `a legend needs a code column (${LEGEND_COLUMNS.code.join(" or ")}) and a name column (${LEGEND_COLUMNS.name.join(" or ")}); got ${header.join(", ") || "no columns"}`,
        },
      ],
    };
  const role = pick(header, LEGEND_COLUMNS.role);
  const group = pick(header, LEGEND_COLUMNS.group);
  const colour = pick(header, LEGEND_COLUMNS.colour);
  const nameZh = pick(header, LEGEND_COLUMNS.nameZh);
  const used = new Set([code, name, role, group, colour, nameZh].filter((c) => c !== undefined));
  const problems: LegendRecordProblem[] = [];
  const withoutRole: number[] = [];
  const cell = (r: Readonly<Record<string, string | undefined>>, col: string | undefined) =>
    col === undefined ? "" : (r[col]?.trim() ?? "");
  const classes = rows.map((r, i): LegendRecord => {
    const line = i + 2;
    const theRole = cell(r, role);
    if (!theRole) withoutRole.push(line);
    const c = cell(r, colour);
    if (c && !/^#[0-9a-fA-F]{6}$/.test(c))
      problems.push({ path: `row ${line}, ${colour}`, message: `must be a colour like #228b22; got "${c}"` });
    const zh = cell(r, nameZh);
    const g = cell(r, group);
    return {
      row: line,
      code: cell(r, code),
      name: cell(r, name),
      ...(zh ? { nameZh: zh } : {}),
      ...(theRole ? { role: theRole } : {}),
      ...(g ? { group: g } : {}),
      ...(c && /^#[0-9a-fA-F]{6}$/.test(c) ? { colour: c.toLowerCase() } : {}),
    };
  });
  return { source, classes, ignored: header.filter((h) => !used.has(h)), withoutRole, problems };
}
