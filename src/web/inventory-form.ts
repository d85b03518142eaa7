import { parse } from "csv-parse/browser/esm/sync";
import { readSheet } from "read-excel-file/browser";
import { formatNumber, t } from "../presentation/i18n.ts";
import { api, ApiFailure } from "./api.ts";
import { h } from "./dom.ts";
import { clearFieldErrors, field, showFieldErrors } from "./field-errors.ts";
import type { Overview, ViewContext } from "./state.ts";

type Doc = {
  mine: string;
  years: {
    year: number;
    coalOutputT: unknown;
    boundaryAreaHa: unknown;
    energy: { carrier: string; amount: unknown; unit: string; [k: string]: unknown }[];
    methane?: { underground?: { massT?: unknown }[] };
    co2Fugitive?: { massT?: unknown }[];
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
};

/** A new inventory when the area has none: seed 002's structure with zero activity. */
function template(): Doc {
  return {
    kind: "mine-inventory",
    mine: "",
    gwp: "AR5",
    sinkReading: "ipcc-tier1",
    combustionMethod: "carbon-per-tce",
    assumptions: [
      "Electricity: national grid factor 2022 (cn.grid.nbs.2022.national); choose the provincial one where known.",
    ],
    years: [
      {
        year: new Date().getFullYear() - 1,
        boundaryAreaHa: 1,
        coalOutputT: 0,
        energy: [
          {
            carrier: "electricity",
            amount: 0,
            unit: "10^4 kWh",
            emissionFactor: "cn.grid.nbs.2022.national",
          },
          { carrier: "raw-coal", amount: 0, unit: "t" },
          { carrier: "diesel", amount: 0, unit: "t" },
        ],
        methane: { underground: [{ massT: 0 }] },
        co2Fugitive: [{ massT: 0 }],
      },
    ],
  };
}

/** The editable fields: label key, import name, and where each sits in the document. */
interface Slot {
  readonly key: Parameters<typeof t>[1];
  readonly name: string;
  readonly path: string;
  get(d: Doc): unknown;
  set(d: Doc, v: unknown): void;
}

function slots(d: Doc): Slot[] {
  const y = () => d.years[0]!;
  const energyIndex = (carrier: string, unit: string) => {
    let i = y().energy.findIndex((e) => e.carrier === carrier);
    if (i < 0) i = y().energy.push({ carrier, amount: 0, unit }) - 1;
    return i;
  };
  const ei = energyIndex("electricity", "10^4 kWh");
  const ci = energyIndex("raw-coal", "t");
  const di = energyIndex("diesel", "t");
  const yr = y();
  yr.methane ??= {};
  yr.methane.underground ??= [];
  if (!yr.methane.underground[0]) yr.methane.underground.push({ massT: 0 });
  yr.co2Fugitive ??= [];
  if (!yr.co2Fugitive[0]) yr.co2Fugitive.push({ massT: 0 });
  const energy = (key: Slot["key"], name: string, i: number): Slot => ({
    key,
    name,
    path: `years[0].energy[${i}].amount`,
    get: (x) => x.years[0]!.energy[i]!.amount,
    set: (x, v) => (x.years[0]!.energy[i]!.amount = v),
  });
  return [
    { key: "mine", name: "mine", path: "mine", get: (x) => x.mine, set: (x, v) => (x.mine = String(v)) },
    {
      key: "year",
      name: "year",
      path: "years[0].year",
      get: (x) => x.years[0]!.year,
      set: (x, v) => (x.years[0]!.year = v as number),
    },
    {
      key: "coalOutput",
      name: "coalOutputT",
      path: "years[0].coalOutputT",
      get: (x) => x.years[0]!.coalOutputT,
      set: (x, v) => (x.years[0]!.coalOutputT = v),
    },
    {
      key: "boundaryArea",
      name: "boundaryAreaHa",
      path: "years[0].boundaryAreaHa",
      get: (x) => x.years[0]!.boundaryAreaHa,
      set: (x, v) => (x.years[0]!.boundaryAreaHa = v),
    },
    energy("electricity", "electricity", ei),
    energy("rawCoal", "rawCoal", ci),
    energy("diesel", "diesel", di),
    {
      key: "methane",
      name: "methaneT",
      path: "years[0].methane.underground[0].massT",
      get: (x) => x.years[0]!.methane!.underground![0]!.massT,
      set: (x, v) =>
        (x.years[0]!.methane!.underground![0] = { ...x.years[0]!.methane!.underground![0], massT: v }),
    },
    {
      key: "co2Fugitive",
      name: "co2T",
      path: "years[0].co2Fugitive[0].massT",
      get: (x) => x.years[0]!.co2Fugitive![0]!.massT,
      set: (x, v) => (x.years[0]!.co2Fugitive![0] = { ...x.years[0]!.co2Fugitive![0], massT: v }),
    },
  ];
}

/** A typed value: a number when the text is one, else the text itself, so the server names the mistake. */
const typed = (name: string, text: string): unknown =>
  name === "mine" ? text : text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;

/** Reads an import table: rows of `field,value`, or a header row of field names over one row of values. */
function importedValues(
  rows: string[][],
  names: readonly string[],
): { values: Map<string, string>; unknown: string[] } {
  const values = new Map<string, string>();
  const clean = rows.filter((r) => r.some((c) => c.trim() !== ""));
  const header = clean[0] ?? [];
  const asHeader = header.length > 2 && header.some((c) => names.includes(c.trim()));
  const pairs = asHeader
    ? header.map((c, i) => [c, clean[1]?.[i] ?? ""])
    : clean.filter((r) => !/^field$/i.test(r[0] ?? "")).map((r) => [r[0] ?? "", r[1] ?? ""]);
  const unknown: string[] = [];
  for (const [k, v] of pairs) {
    const key = k!.trim();
    if (names.includes(key)) values.set(key, String(v ?? "").trim());
    else unknown.push(key);
  }
  return { values, unknown };
}

/** A CSV file as rows of cells (csv-parse: quoted fields, commas inside quotes, a BOM). */
function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
}

/**
 * A year's activity data for a mine: the fields of the area's latest inventory (or a template),
 * editable or imported from CSV/XLSX, sent as a mine-inventory document; every problem the server
 * finds is shown at its field.
 */
export async function inventoryForm(ctx: ViewContext, overview: Overview): Promise<HTMLElement> {
  const lang = ctx.lang;
  const latest = overview.inventories[overview.inventories.length - 1];
  const doc: Doc = latest
    ? ((await api<{ input: Doc }>(`/api/inventories/${latest.id}`)).input as Doc)
    : template();
  const fields = slots(doc);
  const inputs = new Map(
    fields.map((s) => [
      s.name,
      h("input", {
        type: s.name === "mine" ? "text" : "text",
        inputmode: s.name === "mine" ? "text" : "decimal",
        value: String(s.get(doc) ?? ""),
      }),
    ]),
  );
  const note = h("div", { role: "status", id: "inventory-result" });
  const importInput = h("input", { type: "file", id: "inventory-import", accept: ".csv,.xlsx,text/csv" });
  const form = h(
    "form",
    { id: "inventory-form", novalidate: true },
    fields.map((s) => field(t(lang, s.key), s.path, inputs.get(s.name)!)),
    h(
      "div",
      { class: "field" },
      h(
        "label",
        { for: "inventory-import" },
        `${t(lang, "importCsv")} (${fields.map((s) => s.name).join(", ")})`,
      ),
      importInput,
    ),
    h("button", { type: "submit", class: "primary" }, t(lang, "compute")),
    note,
  );
  importInput.addEventListener("change", async () => {
    clearFieldErrors(form);
    const file = importInput.files?.[0];
    if (!file) return;
    let rows: string[][];
    try {
      rows = file.name.toLowerCase().endsWith(".xlsx")
        ? ((await readSheet(file)) as unknown[][]).map((r) =>
            r.map((c) => (c === null || c === undefined ? "" : String(c))),
          )
        : parseCsv(await file.text());
    } catch (e) {
      showFieldErrors(
        form,
        [{ path: "import", message: `${file.name}: ${(e as Error).message}` }],
        file.name,
      );
      return;
    }
    const { values, unknown } = importedValues(
      rows,
      fields.map((s) => s.name),
    );
    for (const [k, v] of values) inputs.get(k)!.value = v;
    if (unknown.length)
      showFieldErrors(
        form,
        [
          {
            path: "import",
            message: `${file.name}: unknown field(s) ${unknown.join(", ")}; known: ${fields.map((s) => s.name).join(", ")}`,
          },
        ],
        file.name,
      );
    else note.textContent = `${file.name}: ${values.size} ✓`;
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    note.textContent = "";
    const next = structuredClone(doc);
    for (const s of fields) s.set(next, typed(s.name, inputs.get(s.name)!.value));
    try {
      const saved = await api<
        { id: string; totals: { grossEmissionTCO2ePerYr: number; balanceTCO2ePerYr: number } }[]
      >(`/api/areas/${overview.area.id}/inventories`, { method: "POST", json: next });
      const s = saved[0]!;
      note.className = "ok";
      note.textContent = `✓ ${t(lang, "figure.inventory-total")}: ${formatNumber(lang, s.totals.grossEmissionTCO2ePerYr, 1)} t CO2e/yr · ${t(lang, "balance")}: ${formatNumber(lang, s.totals.balanceTCO2ePerYr, 1)} t CO2e/yr`;
    } catch (err) {
      if (err instanceof ApiFailure) showFieldErrors(form, err.details, err.message);
      else throw err;
    }
  });
  return form;
}
