import { existsSync } from "node:fs";
import { LEGEND_PRESETS, type Legend, type LegendClass } from "../domain/landuse/legend.ts";
import { COUNT_BOUNDS, TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { describeValue, InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { textProblem } from "../domain/validation/user-text.ts";
import { pickColumn, readCsvTable, type CsvTable } from "./read-csv-table.ts";

const CODE = ["code", "categoryValue", "lucode", "value"];
const NAME = ["name", "category", "LULC_name", "LULC_desc", "description", "class_name", "label"];
const KEY = ["key", "legend", "short"];
const GROUP = ["group", "class"];
const COLOUR = ["colour", "color"];
const NAME_ZH = ["name_zh", "nameZh"];

/**
 * A legend from CSV: code and name, optional key, group and colour. The column names of MineCarbon
 * (`code,name,key,group,colour`), of OpenLand exports (`categoryValue,legend,class,category,color`)
 * and of InVEST tables (`lucode,LULC_name`) are all recognised; other columns are listed in `ignored`.
 */
export function readLegendFile(path: string): { legend: Legend; ignored: string[] } {
  return legendFromTable(readCsvTable(path));
}

export function legendFromTable(t: CsvTable): { legend: Legend; ignored: string[] } {
  const code = pickColumn(t, CODE);
  const name = pickColumn(t, NAME);
  if (!code || !name)
    throw new InputError(t.path, [
      {
        path: "header",
        message: `a legend needs a code column (${CODE.join(" or ")}) and a name column (${NAME.join(" or ")}); got ${t.header.join(", ")}`,
      },
    ]);
  const key = pickColumn(t, KEY);
  const group = pickColumn(t, GROUP);
  const colour = pickColumn(t, COLOUR);
  const nameZh = pickColumn(t, NAME_ZH);
  const used = new Set([code, name, key, group, colour, nameZh].filter((c) => c !== undefined));
  const issues: InputIssue[] = [];
  const seen = new Map<number, number>();
  const keys = new Set<string>();
  const classes: LegendClass[] = [];
  t.rows.forEach((row, i) => {
    const at = `row ${i + 2}`;
    const c = Number(row[code]);
    if (row[code] === "" || !Number.isInteger(c) || c < 0 || c > 65535) {
      issues.push({ path: `${at}, ${code}`, message: `must be a whole number 0–65535; got "${row[code]}"` });
      return;
    }
    if (seen.has(c)) {
      issues.push({ path: `${at}, ${code}`, message: `code ${c} is already on row ${seen.get(c)}` });
      return;
    }
    seen.set(c, i + 2);
    const nm = row[name]!;
    if (!nm) issues.push({ path: `${at}, ${name}`, message: "must not be empty" });
    // Names end up in tables, reports and (through the API) the database: one line of storable text.
    for (const col of [name, key, group, nameZh]) {
      const text = col === undefined ? undefined : row[col];
      const problem =
        text === undefined
          ? undefined
          : text.length > TEXT_BOUNDS.name
            ? `must be at most ${TEXT_BOUNDS.name} characters long`
            : textProblem(text);
      if (problem) issues.push({ path: `${at}, ${col}`, message: `${problem}; got ${describeValue(text)}` });
    }
    const k = (key && row[key]) || nm || String(c);
    if (keys.has(k)) issues.push({ path: `${at}, ${key ?? name}`, message: `"${k}" names two classes` });
    keys.add(k);
    const col = colour ? row[colour] : undefined;
    if (col && !/^#[0-9a-fA-F]{6}$/.test(col))
      issues.push({ path: `${at}, ${colour}`, message: `must be a colour like #228b22; got "${col}"` });
    classes.push({
      code: c,
      key: k,
      name: nm,
      ...(nameZh && row[nameZh] ? { nameZh: row[nameZh] } : {}),
      ...(group && row[group] ? { group: row[group] } : {}),
      ...(col ? { colour: col.toLowerCase() } : {}),
    });
  });
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
    ignored: t.header.filter((h) => !used.has(h)),
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
