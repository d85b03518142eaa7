import type { Lang } from "./lang.ts";
import { reportT, termsT } from "./index.ts";
import { terms } from "./catalogue/terms.ts";
import { report } from "./catalogue/report.ts";

/*
 * The domain writes some of its texts (source lines, measure labels, warnings, the reasons an input
 * is taken as exact) as English strings with no code. Until it gives them codes, the known ones are
 * recognised here by their English form and shown through the catalogue; anything else (a user's
 * own labels, texts not yet known) is shown as written.
 */

type TermKey = keyof typeof terms.en;
const isTerm = (k: string): k is TermKey => k in terms.en;

/** A term of the catalogue (`kind.id`) in the language, or `fallback` when the id has no entry. */
export function termName(lang: Lang, kind: string, id: string, fallback = id): string {
  const key = `${kind}.${id}`;
  return isTerm(key) ? termsT(lang)(key) : fallback;
}

const PATTERNS: readonly {
  readonly re: RegExp;
  readonly render: (lang: Lang, m: RegExpMatchArray) => string | undefined;
}[] = [
  // Fuel and energy lines: "raw-coal 1695.2 t", "electricity 103.806 10^4 kWh".
  {
    re: /^([a-z-]+) ([\d.,]+ (?:t|10\^4 kWh|GJ|m³|tce))$/,
    render: (lang, m) => (isTerm(`fuel.${m[1]}`) ? `${termName(lang, "fuel", m[1]!)} ${m[2]}` : undefined),
  },
  {
    re: /^(.+): CH4 and N2O of combustion$/,
    render: (lang, m) => termsT(lang)("source.combustionNonCO2", { label: domainText(lang, m[1]!) }),
  },
  // Pathway measure labels (project-pathway.ts `label`).
  {
    re: /^(\d+)\. reclamation to (.+) from (\d{4})$/,
    render: (lang, m) =>
      reportT(lang)("reclaimTo", { n: m[1], to: termName(lang, "landuse", m[2]!), start: m[3] }),
  },
  {
    re: /^(\d+)\. ([a-z-]+) from (\d{4})$/,
    render: (lang, m) =>
      reportT(lang)("measureLabel", { n: m[1], measure: termName(lang, "measure", m[2]!), start: m[3] }),
  },
  {
    re: /^no range in the factor's source and no default for its kind$/,
    render: (lang) => reportT(lang)("reason.noRangeFactor"),
  },
  {
    re: /^no default for stand-volume data$/,
    render: (lang) => reportT(lang)("reason.noStandVolumeDefault"),
  },
  {
    re: /^(.+) stand volume \((.+)\)$/,
    render: (lang, m) => reportT(lang)("warn.standVolume", { label: m[1], path: m[2] }),
  },
  {
    re: /^factor (\S+) \((.+)\) is UNVERIFIED: its value was not found in a source text; check it$/,
    render: (lang, m) => reportT(lang)("warn.unverifiedFactor", { id: m[1], name: m[2] }),
  },
  {
    re: /^factors taken as exact \(no range in their source and no default uncertainty for their kind\), so the uncertainty ranges leave out theirs: (.+)$/,
    render: (lang, m) => reportT(lang)("warn.factorsExact", { ids: m[1] }),
  },
  // "label: text" where both halves are known (the reasons an input is taken as exact).
  {
    re: /^(.+?): (.+)$/,
    render: (lang, m) => {
      const text = known(lang, m[2]!);
      return text === undefined
        ? undefined
        : reportT(lang)("labelled", { label: domainText(lang, m[1]!), text });
    },
  },
];

type NoteKey = Extract<keyof typeof report.en, `note.${string}`>;
/** The domain's fixed notes by their English text. */
const NOTES = new Map(
  Object.entries(report.en)
    .filter((e): e is [NoteKey, string] => e[0].startsWith("note."))
    .map(([key, en]) => [en, key]),
);

function known(lang: Lang, text: string): string | undefined {
  const note = NOTES.get(text);
  if (note) return reportT(lang)(note);
  if (text === "t CO2e/yr") return reportT(lang)("perYear");
  for (const kind of ["component", "source", "figure", "gas", "fuel"])
    if (isTerm(`${kind}.${text}`)) return termName(lang, kind, text);
  for (const p of PATTERNS) {
    const m = text.match(p.re);
    if (m) {
      const said = p.render(lang, m);
      if (said !== undefined) return said;
    }
  }
  return undefined;
}

/**
 * A text the domain wrote in English, in the language: through the catalogue when it is a known
 * one, else as written.
 */
export function domainText(lang: Lang, text: string): string {
  return known(lang, text) ?? text;
}
