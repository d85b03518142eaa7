import { describe, expect, it } from "vitest";
import { LEGEND_ROLES } from "../../contract/area.ts";
import { CATALOGUE, type Namespace } from "./index.ts";

/**
 * Latin words a Chinese text may keep: units, chemical formulae, codes, the names of methods,
 * standards, programs and authors (proper names), and the inventory's component symbols.
 */
const ALLOWED_LATIN = new Set(
  [
    // units and formulae
    "t",
    "C",
    "ha",
    "kWh",
    "kg",
    "m",
    "km",
    "kPa",
    "atm",
    "tce",
    "yr",
    "CNY",
    "CO2",
    "CO2e",
    "CH4",
    "N2O",
    // codes, symbols and abbreviations
    "CCS",
    "GWP",
    "IPCC",
    "SAR",
    "CEA",
    "CCER",
    "ETS",
    "Tier",
    "CSV",
    "XLSX",
    "SHA",
    "GeoTIFF",
    "API",
    "PDF",
    "HTML",
    "St",
    "U",
    "P2.5",
    "P97.5",
    "P_M",
    "P_R",
    "P_S",
    "P_A",
    "C_under",
    "C_min",
    "LPG",
    "CRS",
    "EPSG",
    "ID",
    "max",
    "min",
    // column names of the files a user writes (legend CSV)
    "role",
    "key",
    "code",
    "lucode",
    // proper names: programs, methods, authors
    "MineCarbon",
    "InVEST",
    "OpenLand",
    "acc_changes",
    "Aldwaik",
    "Pontius",
    "Santacruz",
    "Monte",
    "Carlo",
  ].map((w) => w.toLowerCase()),
);

const namespaces = Object.keys(CATALOGUE.en) as Namespace[];
const entries = namespaces.flatMap((ns) => {
  const en = CATALOGUE.en[ns] as Readonly<Record<string, string>>;
  const zh = CATALOGUE.zh[ns] as Readonly<Record<string, string>>;
  return [...new Set([...Object.keys(en), ...Object.keys(zh)])].map((key) => ({
    id: `${ns}:${key}`,
    en: en[key],
    zh: zh[key],
  }));
});

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const latinWords = (text: string) =>
  (text.replace(/\{\{[^}]*\}\}/g, " ").match(/[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).map((w) =>
    w.replace(/\.$/, ""),
  );
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

describe("the catalogue (every namespace)", () => {
  it("has entries", () => {
    expect(entries.length).toBeGreaterThan(100);
  });
  it.each(entries)("$id has an English and a Chinese text", ({ en, zh }) => {
    expect(en?.trim()).toBeTruthy();
    expect(zh?.trim()).toBeTruthy();
  });
  it.each(entries)("$id interpolates the same variables in both languages", ({ en, zh }) => {
    expect(variables(zh ?? "")).toEqual(variables(en ?? ""));
  });
  it.each(entries)(
    "$id: its Chinese text is Chinese, keeping no English but units, codes and proper names",
    ({ en, zh }) => {
      const words = latinWords(zh ?? "").filter((w) => !ALLOWED_LATIN.has(w.toLowerCase()));
      expect(words).toEqual([]);
      // A text with words in English is translated into characters (not only units and codes).
      const english = latinWords(en ?? "").filter((w) => !ALLOWED_LATIN.has(w.toLowerCase()));
      if (english.length) expect(zh).toMatch(CJK);
    },
  );
});

describe("the terms", () => {
  it("name every class role of the legend and every role group", () => {
    const terms = CATALOGUE.en.terms as Readonly<Record<string, string>>;
    for (const [role, group] of Object.entries(LEGEND_ROLES)) {
      expect(terms[`classRole.${role}`], role).toBeTruthy();
      expect(terms[`roleGroup.${group}`], group).toBeTruthy();
    }
  });
});
