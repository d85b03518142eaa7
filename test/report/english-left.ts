import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

/*
 * What counts as English left in a Chinese text (test/report/report-zh-texts.test.ts and the factor
 * library's Chinese texts): any word but units, codes, ids, citations and a user's own texts.
 */

/** Units, chemical formulae, codes and symbols a Chinese text keeps as they are. */
const ALLOWED_WORDS = new Set(
  [
    ...[
      "t",
      "C",
      "ha",
      "kWh",
      "kg",
      "m",
      "km",
      "yr",
      "a",
      "TJ",
      "GJ",
      "tce",
      "kgce",
      "kcal",
      "kJ",
      "Mt",
      "CNY",
    ],
    ...["CO2", "CO2e", "CH4", "N2O", "Cρ", "B", "S", "k", "c", "e", "V", "SOC"],
    ...["CCS", "GWP", "IPCC", "SAR", "AR4", "AR5", "Tier", "CEA", "CCER", "ETS", "St", "U", "P_M", "P_R"],
    ...["P_S", "P_A", "C_under", "C_min", "S_max", "EPSG", "CGCS2000", "InVEST", "OpenLand", "acc_changes"],
    ...["MineCarbon", "Aldwaik", "Pontius", "Santacruz", "Monte", "Carlo", "NCV", "GCV", "max", "min"],
    // the options and fields a user writes in an input file (named as written there)
    ...["standGrowth", "miningLandHa", "maxStockTCPerHa", "soilYears", "factors", "pct", "lowPct", "highPct"],
    ...["low", "high"],
    // proper names of methods and programs
    ...["Chapman", "Richards", "R"],
    // symbols of formulae and of the IPCC's factors
    ...[
      "D",
      "T",
      "aV",
      "bV",
      "E0",
      "F_LU",
      "F_MG",
      "F_I",
      "SOC_REF",
      "SOC_0",
      "SOC_",
      "BCEF_S",
      "HAC",
      "LAC",
    ],
    ...["w_FO", "C_FO", "kappa", "Nm", "cm", "AR6", "LPG", "tier", "atm", "WG1", "hm2", "kPa", "PDF"],
  ].map((w) => w.toLowerCase()),
);

/**
 * Bibliographic citations (authors, publications, publishers, the tables and sections cited): a
 * Chinese report cites an English-language source in its own language.
 */
const CITATIONS: readonly RegExp[] = [
  // publications, publishers, programs and data sets by name (before the general patterns below)
  /\bCommission Regulation \(EU\) No 601\/2012\b/g,
  /\bGHG Protocol Scope 2 Guidance\b/g,
  /\bGHG Protocol\b/g,
  /\bActa Ecologica Sinica\b/g,
  /\bChinese Journal of Plant Ecology\b/g,
  /\bPeerJ\b/g,
  /\bShanghai Environment and Energy Exchange\b/g,
  /\bPengpai News\b/g,
  /\bCM Group\b/g,
  /\b(?:OpenAMEE|GOBLIN|CIFOR|AMEE|NGA|ANFO|ERL|IEC|EU)\b/g,
  /\b(?:landcover_lca|stationaryCombustion|forest_puller|methaneflaring)\b/g,
  /\bMEE\/NBS\b/g,
  /\bGB\/T \d+/g,
  /\b(?:Cropland|Grassland|Forest Land) Remaining (?:Cropland|Grassland|Forest Land)\b/g,
  /\bCGCS2000 \/ 3-degree Gauss-Kruger CM \d+E\b/g,
  // the parts of a publication cited
  /\b(?:Vol|Ch|Eq|Table|Tables|Annex|Appendix|Fig|No|ref)\b\.? ?[\dA-Z.–-]*(?:\.\d+)*/g,
  /\bseed 00\d\b/g,
  // authors: "Lin et al. (2018)", "Li Yin et al.", "Liu H.Y. 2016", "Chen Z.T. et al.", "Yang B. & Bai Z."
  /\b[A-Z][a-z]+(?: [A-Z][a-z]+)? et al\.?/g,
  /\b[A-Z][a-z]+(?: [A-Z]\.(?:[A-Z]\.)?)?(?: et al\.?)?,? \(?\d{4}\)?/g,
  /\b[A-Z][a-z]+ [A-Z]\.(?:[A-Z]\.)?(?: et al\.?)?/g,
  /\bet al\.?/g,
];

/** Ids and paths shown as ids: factor ids, density sets, gas bases, input paths, file names, hosts. */
const ID = /[A-Za-z0-9_[\]]+(?:[.\-/:+][A-Za-z0-9_[\]]+)+/g;

/** The strings of an input file a user wrote (labels, names, their own assumptions and sources). */
export function userTexts(file: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(parseYaml(readFileSync(file, "utf8")));
  // Longest first, so that a label inside a longer text of the user's is not cut out of it first.
  // Only texts of words (labels, sentences): a one-word value is an enumeration's id, not a text.
  return out.filter((s) => /[A-Za-z]{2,}.*\s.*[A-Za-z]{2,}/.test(s)).sort((a, b) => b.length - a.length);
}

/** The runs of English words a text keeps once users' texts, citations, ids and allowed words are taken out. */
export function englishLeft(text: string, users: readonly string[]): string[] {
  let rest = text;
  for (const u of users) rest = rest.split(u).join(" ");
  for (const re of CITATIONS) rest = rest.replace(re, " ");
  rest = rest.replace(ID, " ");
  const words = rest.match(/[A-Za-z][A-Za-z0-9_ρ]*/g) ?? [];
  return words.filter((w) => !ALLOWED_WORDS.has(w.toLowerCase()));
}
