import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiCase } from "./corpus-case.ts";
import {
  bitFlipped,
  EVERY_CODE_LEGEND_CSV,
  headerOnlyTiff,
  readVariant,
  truncated,
  variantNames,
  VARIANT_DIR,
} from "./damaged-tiffs.ts";
import {
  ABSURD_NUMBERS,
  example,
  HOSTILE_TEXT,
  numericLeaves,
  ODD_NUMBERS,
  pathText,
  TEXT_CASE_DRAWS,
  textLeaves,
  withValue,
} from "./document-mutations.ts";
import { hostileGeoJson } from "./hostile-documents.ts";

/** What the web app sends with every request: a same-origin page with the client header. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  "sec-fetch-site": "same-origin",
  "x-minecarbon-client": "web",
};

const INF = "__corpus_infinity__";
/** JSON text of `doc` in which the marker strings become the number literals 1e999 / -1e999. */
const jsonWithInfinities = (doc: unknown) =>
  JSON.stringify(doc).replaceAll(`"${INF}"`, "1e999").replaceAll(`"-${INF}"`, "-1e999");

/** JSON-expressible versions of the numeric mutations (JSON has no NaN; 1e999 parses as Infinity). */
const API_ABSURD = [
  ...ABSURD_NUMBERS.filter((m) => m.name === "1e308" || m.name === "-1e308" || m.name === "text"),
  { name: "1e999", value: INF },
  { name: "-1e999", value: `-${INF}` },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The HTTP corpus, with its upload files written into `dir`, and what the seeded area holds. */
export function apiCases(dir: string) {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const good = join(dir, "good.tif");
  copyFileSync(join(VARIANT_DIR, "striped-deflate.tif"), good);
  const inventoryDoc = example("yongning.yaml");
  const seed = {
    maps: [
      { year: 2002, file: good },
      { year: 2008, file: good },
    ],
    legendCsv: EVERY_CODE_LEGEND_CSV,
    inventory: JSON.stringify(inventoryDoc),
  };
  const cases: ApiCase[] = [];
  const add = (c: ApiCase) => cases.push(c);

  // Map uploads: damaged files of every variant, impossible headers, bad years.
  const upload = (
    id: string,
    bytes: Buffer | undefined,
    year: string | undefined,
    expect: ApiCase["expect"],
    names?: string,
  ) =>
    add({
      id: `upload/${id}`,
      method: "POST",
      url: "/api/areas/{fresh}/maps",
      body: {
        upload: {
          ...(year !== undefined ? { year } : {}),
          ...(bytes ? { file: file(`u-${id.replace(/\W+/g, "_")}.tif`, bytes) } : {}),
        },
      },
      expect,
      ...(names ? { names } : {}),
      seconds: 30,
    });
  for (const name of variantNames()) {
    const bytes = readVariant(name);
    for (const fraction of [0.25, 0.5, 0.9])
      upload(
        `${name}/truncated-${fraction * 100}%`,
        truncated(bytes, fraction),
        "2002",
        "refused",
        "trunc|corrupt|damaged",
      );
    for (const s of [1, 2]) upload(`${name}/bit-flips-${s}`, bitFlipped(bytes, s), "2002", "either");
  }
  upload("zero-width", headerOnlyTiff(0, 20), "2002", "refused");
  upload("zero-height", headerOnlyTiff(20, 0), "2002", "refused");
  upload("huge-header", headerOnlyTiff(100_000, 100_000), "2002", "refused");
  upload("not-a-tiff", Buffer.from("not a tiff"), "2002", "refused");
  upload("empty-file", Buffer.alloc(0), "2002", "refused");
  for (const year of ["abc", "-1", "1e999", "2002.5", "99999", ""])
    upload(`year-${year || "empty"}`, readVariant("striped-lzw.tif"), year, "refused");
  upload("no-year", readVariant("striped-lzw.tif"), undefined, "refused");
  upload("no-file", undefined, "2002", "refused");

  // Areas: names, legends and boundaries.
  const area = (id: string, body: unknown, expect: ApiCase["expect"] = "refused") =>
    add({ id: `area/${id}`, method: "POST", url: "/api/areas", body: { json: body }, expect });
  for (const t of HOSTILE_TEXT)
    area(
      `name-${t.name}`,
      { name: t.value, legend: { preset: "seed001" } },
      t.name === "long" ? "refused" : "either",
    );
  area("name-empty", { name: "", legend: { preset: "seed001" } });
  area("name-number", { name: 12345, legend: { preset: "seed001" } });
  area("name-null", { name: null, legend: { preset: "seed001" } });
  area("legend-empty", { name: "x", legend: {} });
  area("legend-unknown-preset", { name: "x", legend: { preset: "banana" } });
  area("legend-both", { name: "x", legend: { preset: "seed001", classes: [{ code: 1, name: "a" }] } });
  area("legend-duplicate-codes", {
    name: "x",
    legend: {
      classes: [
        { code: 1, name: "a" },
        { code: 1, name: "b" },
      ],
    },
  });
  // A class without its role is refused (none is guessed from its name), at creation and by PATCH.
  area("legend-no-role", { name: "x", legend: { classes: [{ code: 1, name: "Water" }] } });
  area("legend-role-blank", { name: "x", legend: { classes: [{ code: 1, name: "Water", key: " " }] } });
  area("legend-code-negative", { name: "x", legend: { classes: [{ code: -1, name: "a" }] } });
  area("legend-code-fraction", { name: "x", legend: { classes: [{ code: 1.5, name: "a" }] } });
  area("legend-code-huge", { name: "x", legend: { classes: [{ code: 1e308, name: "a" }] } });
  area("legend-name-nul", { name: "x", legend: { classes: [{ code: 1, name: "a\u0000b" }] } });
  area("legend-colour-script", {
    name: "x",
    legend: { classes: [{ code: 1, name: "a", colour: "javascript:alert(1)" }] },
  });
  for (const [name, text] of Object.entries(hostileGeoJson())) {
    add({
      id: `area/boundary-${name}`,
      method: "POST",
      url: "/api/areas",
      body: { raw: `{"name":"x","legend":{"preset":"seed001"},"boundary":${text || '""'}}` },
      expect: "refused",
    });
    add({
      id: `area/patch-boundary-${name}`,
      method: "PATCH",
      url: "/api/areas/{fresh}",
      body: { raw: `{"boundary":${text || '""'}}` },
      expect: "refused",
    });
  }
  const garbage: Record<string, string> = {
    empty: "",
    text: "x",
    array: "[]",
    null: "null",
    number: "5",
    "deep-json": `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`,
    "five-megabytes": JSON.stringify({ name: "x".repeat(5 << 20), legend: { preset: "seed001" } }),
    "nan-literal": '{"name": NaN}',
    "proto-pollution": '{"name":"x","legend":{"preset":"seed001"},"__proto__":{"admin":true}}',
  };
  for (const [name, raw] of Object.entries(garbage))
    add({ id: `area/body-${name}`, method: "POST", url: "/api/areas", body: { raw }, expect: "refused" });

  // Inventories, pathways and structure problems: every numeric field absurd, every text hostile.
  const documentCases = (
    kind: string,
    url: string,
    doc: unknown,
    wrap: (d: unknown) => unknown,
    /** The document whose texts are mutated (the pathway's has fewer draws: TEXT_CASE_DRAWS). */
    textDoc: unknown = doc,
  ) => {
    for (const path of numericLeaves(doc)) {
      for (const m of API_ABSURD)
        add({
          id: `${kind}/${pathText(path)}=${m.name}`,
          method: "POST",
          url,
          body: { raw: jsonWithInfinities(wrap(withValue(doc, path, m.value))) },
          expect: "refused",
          names: escapeRegExp(String(path.at(-1))),
        });
      for (const m of ODD_NUMBERS)
        add({
          id: `${kind}/${pathText(path)}=${m.name}`,
          method: "POST",
          url,
          body: { json: wrap(withValue(doc, path, m.value)) },
          expect: "either",
        });
    }
    for (const path of textLeaves(textDoc))
      for (const t of HOSTILE_TEXT)
        add({
          id: `${kind}/${pathText(path)}=${t.name}`,
          method: "POST",
          url,
          body: { json: wrap(withValue(textDoc, path, t.value)) },
          expect: "either",
        });
  };
  documentCases("inventory", "/api/areas/{area}/inventories", inventoryDoc, (d) => d);
  const scenario: Record<string, unknown> = {
    ...(example("yongning-pathway.yaml") as Record<string, unknown>),
    baseline: { inventoryId: "{inventory}" },
  };
  documentCases("pathway", "/api/pathways", scenario, (d) => ({ scenarios: [d] }), {
    ...scenario,
    uncertainty: { ...(scenario.uncertainty as object), draws: TEXT_CASE_DRAWS },
  });
  documentCases("optimize", "/api/optimize", example("pingshuo-structure.yaml"), (d) => d);
  for (const id of ["999999999", "abc", "-1", "", "0", "1.5", "__proto__"])
    add({
      id: `pathway/baseline-inventory-${id || "empty"}`,
      method: "POST",
      url: "/api/pathways",
      body: { json: { scenarios: [{ ...scenario, baseline: { inventoryId: id } }] } },
      expect: "refused",
    });
  add({
    id: "pathway/no-scenarios",
    method: "POST",
    url: "/api/pathways",
    body: { json: { scenarios: [] } },
    expect: "refused",
  });
  add({
    id: "pathway/hundred-scenarios",
    method: "POST",
    url: "/api/pathways",
    body: { json: { scenarios: Array(100).fill(scenario) } },
    expect: "refused",
  });
  add({
    id: "inventory/put-1e999",
    method: "PUT",
    url: "/api/inventories/{inventory}",
    body: { raw: jsonWithInfinities(withValue(inventoryDoc, numericLeaves(inventoryDoc)[0]!, INF)) },
    expect: "refused",
  });

  // Analyses.
  const analysis = (id: string, raw: string, expect: ApiCase["expect"] = "refused") =>
    add({
      id: `analysis/${id}`,
      method: "POST",
      url: "/api/areas/{area}/analyses",
      body: { raw },
      expect,
      seconds: 120,
    });
  add({
    id: "analysis/duplicate-years",
    method: "POST",
    url: "/api/areas/{area}/analyses",
    body: { raw: '{"years":[2002,2002]}' },
    expect: "refused",
    names:
      "2002[\\s\\S]*(twice|more than once|repeat|duplicate)|(twice|more than once|repeat|duplicate)[\\s\\S]*2002",
  });
  analysis("one-year", '{"years":[2002]}');
  analysis("year-text", '{"years":["a",2008]}');
  analysis("year-infinite", '{"years":[2002,1e999]}');
  analysis("year-missing-map", '{"years":[2002,2010]}');
  analysis("zoning-banana", '{"zoning":"banana"}');
  const priced = (v: string) =>
    `{"zoning":"none","densitySet":"seed001-yang2019","valuation":{"carbonPrice":${v},"discountRatePerYear":0.05}}`;
  analysis(
    "valuation-without-density-set",
    '{"zoning":"none","valuation":{"carbonPrice":50,"discountRatePerYear":0.05}}',
  );
  for (const [name, v] of Object.entries({
    proto: '"__proto__"',
    infinite: "1e999",
    boolean: "true",
    unknown: '"no.such.price"',
  }))
    analysis(`valuation-price-${name}`, priced(v));
  for (const key of ["__proto__", "constructor", "toString"])
    analysis(`density-set-${key}`, `{"densitySet":"${key}"}`);
  // Seed 001's zoning rules do not fit the seeded legend: the job fails, in the client's terms.
  analysis("default-zoning-unfit", "{}");
  analysis("good", '{"zoning":"none"}', "ok");

  // Lookups by name or id that must not reach the prototype or the file system.
  for (const name of [
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "..%2F..%2Fpackage.json",
    "%2e%2e",
    "yongning-pathway%00",
  ])
    add({ id: `examples/${name}`, method: "GET", url: `/api/examples/${name}`, expect: "refused" });
  for (const url of [
    "/api/areas/abc",
    "/api/areas/0",
    "/api/areas/99999999999999999999",
    "/api/areas/-1",
    "/api/analyses/1e3",
    "/api/jobs/%00",
    "/api/inventories/1.5",
    "/api/reports/__proto__",
    "/assets/..%2F..%2Fpackage.json",
    "/assets/%2e%2e%2fserver%2fapp.ts",
  ])
    add({ id: `lookup${url}`, method: "GET", url, expect: "refused" });
  for (const table of ["__proto__", "constructor", "..%2Fsummary"])
    add({ id: `tables/${table}`, method: "GET", url: `/api/analyses/1/tables/${table}`, expect: "refused" });

  // Reports.
  for (const [name, body] of Object.entries({
    "format-exe": { format: "exe" },
    "lang-fr": { lang: "fr" },
    "unknown-field": { title: "x".repeat(100_000) },
    "scenario-garbage": { scenario: { kind: "banana" } },
  }))
    add({
      id: `report/${name}`,
      method: "POST",
      url: "/api/inventories/{inventory}/reports",
      body: { json: body },
      expect: "refused",
    });

  // Writes from another site, and requests for another host (DNS rebinding).
  const foreign = (id: string, headers: Record<string, string>, c: Partial<ApiCase> = {}) =>
    add({
      id: `cross-site/${id}`,
      method: "POST",
      url: "/api/areas",
      body: { json: { name: "x", legend: { preset: "seed001" } } },
      headers,
      expect: "refused",
      ...c,
    });
  foreign("foreign-origin", { origin: "http://evil.example" });
  foreign("cross-site-fetch", { "sec-fetch-site": "cross-site", origin: "" });
  foreign(
    "text-plain-no-client-header",
    { "content-type": "text/plain", "x-minecarbon-client": "" },
    { body: { raw: '{"name":"x","legend":{"preset":"seed001"}}' } },
  );
  foreign(
    "no-cors-upload",
    { origin: "http://evil.example", "sec-fetch-site": "cross-site", "x-minecarbon-client": "" },
    { url: "/api/areas/{area}/maps", body: { upload: { year: "2002", file: good } } },
  );
  foreign(
    "upload-without-client-header",
    { "x-minecarbon-client": "", origin: "", "sec-fetch-site": "" },
    { url: "/api/areas/{area}/maps", body: { upload: { year: "2002", file: good } } },
  );
  foreign(
    "delete-from-foreign-origin",
    { origin: "http://evil.example" },
    { method: "DELETE", url: "/api/areas/{fresh}", body: undefined },
  );
  add({
    id: "host/rebinding",
    method: "GET",
    url: "/api/areas",
    headers: { host: "evil.example" },
    expect: "refused",
  });
  // Legends written whole (every class states its role) and imported from CSV.
  const legendPut = (id: string, body: unknown, expect: ApiCase["expect"] = "refused") =>
    add({
      id: `legend/${id}`,
      method: "PUT",
      url: "/api/areas/{fresh}/legend",
      body: { json: body },
      expect,
    });
  legendPut("ok", { classes: [{ code: 1, name: "Pasture", key: "grassland" }] }, "ok");
  legendPut("no-role", { classes: [{ code: 1, name: "Pasture" }] });
  add({
    id: "area-patch/legend-no-role",
    method: "PATCH",
    url: "/api/areas/{fresh}",
    body: { json: { legend: { classes: [{ code: 1, name: "Water body" }] } } },
    expect: "refused",
  });
  legendPut("empty", { classes: [] });
  legendPut("not-a-list", { classes: "1,Pasture" });
  legendPut("code-twice", {
    classes: [
      { code: 1, name: "a", key: "arable" },
      { code: 1, name: "b", key: "forest" },
    ],
  });
  for (const m of API_ABSURD)
    add({
      id: `legend/code-${m.name}`,
      method: "PUT",
      url: "/api/areas/{fresh}/legend",
      body: { raw: jsonWithInfinities({ classes: [{ code: m.value, name: "a", key: "arable" }] }) },
      expect: "refused",
    });
  for (const t of HOSTILE_TEXT)
    legendPut(`role-${t.name}`, { classes: [{ code: 1, name: "a", key: t.value }] }, "either");
  const legendCsv = (id: string, raw: string, expect: ApiCase["expect"] = "refused") =>
    add({
      id: `legend-csv/${id}`,
      method: "POST",
      url: "/api/areas/{fresh}/legend/csv",
      body: { raw },
      headers: { "content-type": "text/csv" },
      expect,
    });
  legendCsv("ok", "code,name,key\n1,Pasture,grassland\n7,Water body,water\n", "ok");
  legendCsv("every-code", EVERY_CODE_LEGEND_CSV, "ok");
  legendCsv("empty", "");
  legendCsv("header-only", "code,name\n", "either");
  legendCsv("no-role", "code,name\n1,Pasture\n7,Water body\n");
  legendCsv("some-without-role", "code,name,role\n1,Pasture,grassland\n7,Water body,\n");
  legendCsv("no-name-column", "code,colour\n1,#ffffff\n");
  legendCsv("code-text", "code,name\nabc,Pasture\n");
  legendCsv("code-1e999", "code,name\n1e999,Pasture\n");
  legendCsv("code-twice", "code,name\n1,a\n1,b\n");
  legendCsv("nul-in-name", "code,name\n1,Pas\u0000ture\n");
  legendCsv("unclosed-quote", 'code,name\n1,"Pasture\n');
  legendCsv("two-megabytes", `code,name\n1,${"x".repeat(2 << 20)}\n`);
  // Replacing a year's map needs replace=true; anything else is refused.
  for (const replace of [undefined, "yes", "1", ""])
    add({
      id: `upload/replace-${replace ?? "missing"}`,
      method: "POST",
      url: `/api/areas/{area}/maps${replace === undefined ? "" : `?replace=${replace}`}`,
      body: { upload: { year: "2002", file: good } },
      expect: "refused",
      seconds: 30,
    });

  return { cases, seed };
}
