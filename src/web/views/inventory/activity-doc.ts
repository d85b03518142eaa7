import { parse } from "csv-parse/browser/esm/sync";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { inventorySchema } from "../../../domain/mine/inventory-spec.ts";

/** A mine-inventory document as JSON: read and changed by path, sent as it is (the server checks it). */
export type Doc = Record<string, unknown>;
type Key = string | number;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a path of a JSON document, or undefined. */
export function getAt(doc: unknown, path: readonly Key[]): unknown {
  let v: unknown = doc;
  for (const k of path) {
    if (typeof k === "number") v = Array.isArray(v) ? v[k] : undefined;
    else v = isRecord(v) ? v[k] : undefined;
  }
  return v;
}

/** Sets the value at a path, creating the objects and lists on the way. */
export function setAt(doc: Doc, path: readonly Key[], value: unknown): void {
  let v: unknown = doc;
  path.forEach((k, i) => {
    const last = i === path.length - 1;
    const make = () => (typeof path[i + 1] === "number" ? [] : {});
    if (Array.isArray(v) && typeof k === "number") {
      if (last) v[k] = value;
      else {
        if (v[k] === undefined || v[k] === null) v[k] = make();
        v = v[k];
      }
    } else if (isRecord(v) && typeof k === "string") {
      if (last) v[k] = value;
      else {
        if (v[k] === undefined || v[k] === null) v[k] = make();
        v = v[k];
      }
    }
  });
}

/** One editable value of the year's activity data. */
export interface Slot {
  /** The column name of an import file. */
  readonly name: string;
  /** Where it sits in the document (the first year), as the API names problems: `years[0].coalOutputT`. */
  readonly apiPath: string;
  readonly path: readonly Key[];
  /** Its spec field (label, unit, range). */
  readonly field: SpecField;
  /** A text field (the mine's name), a choice or a number. */
  readonly kind: "text" | "choice" | "number";
  /** Energy carrier and its unit, for an energy amount. */
  readonly carrier?: { readonly id: "electricity" | "raw-coal" | "diesel"; readonly unit: string };
  /** The term naming the gas or fuel (`terms:fuel.electricity`), prefixed to the field's label. */
  readonly term?: "fuel.electricity" | "fuel.raw-coal" | "fuel.diesel" | "gas.CH4" | "gas.CO2";
}

const CARRIERS = [
  { id: "electricity", unit: "10^4 kWh", name: "electricity", term: "fuel.electricity" },
  { id: "raw-coal", unit: "t", name: "rawCoal", term: "fuel.raw-coal" },
  { id: "diesel", unit: "t", name: "diesel", term: "fuel.diesel" },
] as const;

/** The index of a carrier's energy line in the first year, added (amount 0) when missing. */
function energyIndex(doc: Doc, carrier: (typeof CARRIERS)[number]): number {
  const energy = getAt(doc, ["years", 0, "energy"]);
  const list: unknown[] = Array.isArray(energy) ? energy : [];
  let i = list.findIndex((e) => isRecord(e) && e.carrier === carrier.id);
  if (i < 0) {
    i = list.length;
    setAt(doc, ["years", 0, "energy", i], { carrier: carrier.id, amount: 0, unit: carrier.unit });
  }
  return i;
}

let fields: SpecField[] | undefined;
/** The inventory spec's field at a path (`years[].coalOutputT`). */
function specField(path: string): SpecField {
  fields ??= specFields(inventorySchema);
  const f =
    fields.find((x) => x.path === path && x.when === undefined) ?? fields.find((x) => x.path === path);
  if (!f) throw new Error(`the inventory spec has no field ${path}`);
  return f;
}

/**
 * The editable values of a document's first year (the mine, GWP set, sink reading, year, coal
 * output, boundary area, electricity, raw coal and diesel, underground CH4 and CO2), the missing
 * lines added to the document.
 */
export function slots(doc: Doc): Slot[] {
  const energy = CARRIERS.map((c): Slot => {
    const i = energyIndex(doc, c);
    return {
      name: c.name,
      apiPath: `years[0].energy[${i}].amount`,
      path: ["years", 0, "energy", i, "amount"],
      field: specField("years[].energy[].amount"),
      kind: "number",
      carrier: { id: c.id, unit: c.unit },
      term: c.term,
    };
  });
  if (getAt(doc, ["years", 0, "methane", "underground", 0]) === undefined)
    setAt(doc, ["years", 0, "methane", "underground", 0], { massT: 0 });
  if (getAt(doc, ["years", 0, "co2Fugitive", 0]) === undefined)
    setAt(doc, ["years", 0, "co2Fugitive", 0], { massT: 0 });
  const top = (name: string, kind: Slot["kind"]): Slot => ({
    name,
    apiPath: name,
    path: [name],
    field: specField(name),
    kind,
  });
  const year = (name: string, kind: Slot["kind"] = "number"): Slot => ({
    name,
    apiPath: `years[0].${name}`,
    path: ["years", 0, name],
    field: specField(`years[].${name}`),
    kind,
  });
  return [
    top("mine", "text"),
    top("gwp", "choice"),
    top("sinkReading", "choice"),
    year("year"),
    year("coalOutputT"),
    year("boundaryAreaHa"),
    ...energy,
    {
      name: "methaneT",
      apiPath: "years[0].methane.underground[0].massT",
      path: ["years", 0, "methane", "underground", 0, "massT"],
      field: specField("years[].methane.underground[].massT"),
      kind: "number",
      term: "gas.CH4",
    },
    {
      name: "co2T",
      apiPath: "years[0].co2Fugitive[0].massT",
      path: ["years", 0, "co2Fugitive", 0, "massT"],
      field: specField("years[].co2Fugitive[].massT"),
      kind: "number",
      term: "gas.CO2",
    },
  ];
}

/** The first stored year of a new mine: nothing chosen for it (GWP set, sink reading are the user's). */
export function emptyDoc(year: number): Doc {
  return {
    kind: "mine-inventory",
    mine: "",
    years: [{ year, boundaryAreaHa: 0, coalOutputT: 0, energy: [] }],
  };
}

/** A typed value: a number when the text is one, else the text itself, so the server names the mistake. */
export const typed = (slot: Slot, text: string): unknown =>
  slot.kind !== "number" ? text : text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;

/** Reads an import table: rows of `field,value`, or a header row of field names over one row of values. */
export function importedValues(
  rows: readonly (readonly string[])[],
  names: readonly string[],
): { values: Map<string, string>; unknown: string[] } {
  const values = new Map<string, string>();
  const clean = rows.filter((r) => r.some((c) => c.trim() !== ""));
  const header = clean[0] ?? [];
  const asHeader = header.length > 2 && header.some((c) => names.includes(c.trim()));
  const pairs = asHeader
    ? header.map((c, i) => [c, clean[1]?.[i] ?? ""] as const)
    : clean.filter((r) => !/^field$/i.test(r[0] ?? "")).map((r) => [r[0] ?? "", r[1] ?? ""] as const);
  const unknown: string[] = [];
  for (const [k, v] of pairs) {
    const key = k.trim();
    if (names.includes(key)) values.set(key, String(v).trim());
    else unknown.push(key);
  }
  return { values, unknown };
}

/** A CSV file as rows of cells (csv-parse: quoted fields, commas inside quotes, a BOM). */
export function parseCsv(text: string): string[][] {
  const rows: unknown = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  return Array.isArray(rows)
    ? rows.map((r: unknown) => (Array.isArray(r) ? r.map((c: unknown) => String(c)) : []))
    : [];
}
