import type { Lang } from "./lang.ts";
import { i18nFor, reportT, termsT } from "./index.ts";
import { terms } from "./catalogue/terms.ts";
import { report } from "./catalogue/report.ts";
import { ECOSYSTEMS } from "../../domain/mine/ecosystems.ts";
import { factorName, uncertaintySourceText } from "./factor-source.ts";
import { evidenceText } from "./evidence-text.ts";

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

/** The texts of organisations, users and their passwords (namespace `access`) in the language. */
const accessT = (lang: Lang) => i18nFor(lang).getFixedT(lang, "access");

const PATTERNS: readonly {
  readonly re: RegExp;
  readonly render: (lang: Lang, m: RegExpMatchArray) => string | undefined;
}[] = [
  // src/app/auth/passwords.ts passwordProblems: the refusals of a new password (the API answers
  // them as issues of the field `password`).
  {
    re: /^a password needs at least (\d+) characters \(this one has (\d+)\)$/,
    render: (lang, m) => accessT(lang)("passwordRule.short", { min: m[1], got: m[2] }),
  },
  {
    re: /^a password has at most (\d+) characters$/,
    render: (lang, m) => accessT(lang)("passwordRule.long", { max: m[1] }),
  },
  {
    re: /^a password needs characters of at least three kinds: lower case, upper case, digits, others$/,
    render: (lang) => accessT(lang)("passwordRule.kinds"),
  },
  {
    re: /^a password must not contain the username$/,
    render: (lang) => accessT(lang)("passwordRule.username"),
  },
  {
    re: /^a password must not start or end with a space$/,
    render: (lang) => accessT(lang)("passwordRule.spaces"),
  },
  // src/domain/factor/uncertainty/uncertainty-analysis.ts: activity data with no default, and the
  // defaults used that are assumptions or unverified (their source is the library's own text).
  {
    re: /^activity data taken as exact \(no default uncertainty for their kind\): (.+); give each its own uncertainty \(\{ pct \} or \{ lowPct, highPct \}\)$/,
    render: (lang, m) =>
      reportT(lang)("warn.activityExact", {
        inputs: m[1]!
          .split("; ")
          .map((i) => domainText(lang, i))
          .join(reportT(lang)("listSeparator")),
        pct: "{ pct }",
        lowHigh: "{ lowPct, highPct }",
      }),
  },
  {
    re: /^default uncertainty (\S+) \(−(\S+) %\/\+(\S+) %, (.+?)\) is (an ASSUMPTION|UNVERIFIED): (.*)$/s,
    render: (lang, m) => {
      const what = m[4]!.startsWith("factors like ")
        ? reportT(lang)("factorsLike", { id: m[4]!.slice("factors like ".length) })
        : termName(lang, "activityKind", m[4]!);
      const key =
        m[5] === "UNVERIFIED" ? "warn.defaultUncertaintyUnverified" : "warn.defaultUncertaintyAssumption";
      return reportT(lang)(key, {
        id: m[1],
        low: m[2],
        high: m[3],
        what,
        source: uncertaintySourceText(lang, m[1]!, m[6]!),
      });
    },
  },
  {
    re: /^Approach 1 is beyond its validity for (.+) \(uncertainty above about ±60 %: IPCC holds it accurate while the standard deviation is below 0\.3 of the mean\); its interval there is a lognormal's for positive figures — Approach 2 is the better estimate$/,
    render: (lang, m) =>
      reportT(lang)("warn.approach1Beyond", {
        figures: m[1]!
          .split(", ")
          .map((f) => domainText(lang, f))
          .join(reportT(lang)("listComma")),
      }),
  },
  {
    re: /^only (\d+) of (\d+) Monte Carlo draws could be kept: (\d+) broke (.+); give the amounts involved uncertainties that allow it$/,
    render: (lang, m) =>
      reportT(lang)("warn.drawsKeptFew", {
        kept: m[1],
        draws: m[2],
        rejected: m[3],
        rules: rules(lang, m[4]!),
      }),
  },
  {
    re: /^(\d+) Monte Carlo draws broke (.+) and were drawn again \(the draws kept are those consistent with it\)$/,
    render: (lang, m) => reportT(lang)("warn.drawsRedrawn", { rejected: m[1], rules: rules(lang, m[2]!) }),
  },
  // src/domain/pathway/pathway-uncertainty.ts: the band's inputs without a range, and draws sent back.
  {
    re: /^the band leaves out the uncertainty of what has no range \(no range in its source and no default for its kind\): (.+)$/,
    render: (lang, m) =>
      reportT(lang)("warn.bandExact", {
        list: m[1]!
          .split(", ")
          .map((i) => domainText(lang, i))
          .join(reportT(lang)("listComma")),
      }),
  },
  {
    re: /^only (\d+) of (\d+) draws kept: the others broke a physical constraint of the inventory$/,
    render: (lang, m) => reportT(lang)("warn.bandDrawsKept", { kept: m[1], draws: m[2] }),
  },
  // src/landuse-analysis/density-set-pools.ts: the classes a density set has no density for.
  {
    re: /^(\S+) gives no density for (.+); they are counted as 0 t C\/ha, so changes to and from them are not in the carbon change$/,
    render: (lang, m) =>
      reportT(lang)("warn.densitySetMissing", {
        set: m[1],
        classes: m[2]!
          .split(", ")
          .map((k) => termName(lang, "classRole", k))
          .join(reportT(lang)("listComma")),
      }),
  },
  {
    re: /^([\d,]+) pixels are nodata at some dates \(not all\) and are left out of every date, so that all matrices cover the same area$/,
    render: (lang, m) => reportT(lang)("warn.nodataExcluded", { pixels: m[1] }),
  },
  {
    re: /^([\d,]+) pixels lie in two zones; each counts in the first$/,
    render: (lang, m) => reportT(lang)("warn.zoneOverlap", { pixels: m[1] }),
  },
  {
    re: /^dates ([\d, ]+) were resampled onto the first grid by nearest neighbour$/,
    render: (lang, m) =>
      reportT(lang)("warn.resampled", {
        dates: m[1]!.split(", ").join(reportT(lang)("listComma")),
      }),
  },
  { re: /^no samples to assess$/, render: (lang) => reportT(lang)("warn.noSamples") },
  {
    re: /^overall accuracy (\S+)% is below the 85% seed 001 requires$/,
    render: (lang, m) => reportT(lang)("warn.accuracyBelow", { oa: m[1] }),
  },
  {
    re: /^kappa (\S+) is below the 0\.75 seed 001 requires$/,
    render: (lang, m) => reportT(lang)("warn.kappaBelow", { symbol: "kappa", kappa: m[1] }),
  },
  // src/domain/budget/budget-report.ts: a land type without a coefficient, and energy use counted.
  {
    re: /^(.+) \((\w+)\): the coefficient set gives no (emission|absorption) coefficient; it counts as none$/,
    render: (lang, m) =>
      reportT(lang)(m[3] === "emission" ? "warn.noEmissionCoefficient" : "warn.noAbsorptionCoefficient", {
        label: domainText(lang, m[1]!),
        landType: termName(lang, "landType", m[2]!),
      }),
  },
  {
    re: /^(\d+) % of the emission E \(([\d,.]+) t C\/yr\) is energy used on construction land, counted per hectare: do not add this budget to a mine inventory of the same land and years \(it measures that energy\); declare the inventory \((inventory: \{ mine, zones \})\) to get the netted figure$/,
    render: (lang, m) => reportT(lang)("warn.energyUseShare", { pct: m[1], tc: m[2], field: m[3] }),
  },
  // src/landuse-analysis/valuation-choice.ts: a carbon price read in another year than its own.
  {
    re: /^the carbon price (\S+) \((\S+) (.+?)\) is for (\S+)–(\S+) but is read as the price in (\d+), the first date: the values of the storage change are in \6 at that price; give the price of \6 \(a number\) to value the change at its own time$/,
    render: (lang, m) =>
      reportT(lang)("warn.priceYear", {
        id: m[1],
        price: m[2],
        unit: m[3],
        from: m[4],
        to: m[5],
        year: m[6],
      }),
  },
  // src/domain/pathway/project-pathway.ts: the growth curve of woody stands (stand-growth.ts) and
  // each reclamation's assumptions.
  {
    re: /^Woody stands, existing \(the baseline inventory's forest and shrub, from the base year (\d+)\) and reclaimed, grow along one Chapman–Richards curve, S\(a\) = S_max \(1 − e\^\(−k·a\)\)\^c, k = (\S+)\/yr, c = (\S+): (an ASSUMPTION \(no source given; set standGrowth with its source\)|source: (.*))\. An existing stand's curve passes through its growing stock at its stated age, so it saturates as reclaimed stands do\.$/s,
    render: (lang, m) =>
      reportT(lang)("pathway.standGrowth", {
        year: m[1],
        curve: "Chapman–Richards",
        formula: "S(a) = S_max (1 − e^(−k·a))^c",
        k: `k = ${m[2]}`,
        c: `c = ${m[3]}`,
        source:
          m[5] === undefined
            ? reportT(lang)("pathway.growthAssumption", { field: "standGrowth" })
            : reportT(lang)("pathway.growthSource", { source: domainText(lang, m[5]) }),
      }),
  },
  {
    re: /^The pathway's sinks run on without a step: in the base year too the existing woody stands count the curve's gain of that year, S\(A\) − S\(A − 1\): (\S+) t CO2e\/yr, where the inventory counts their mean annual increment \(growing stock ÷ age\): (\S+); so the pathway's base-year net is (\S+) t CO2e\/yr (above|below) the inventory's balance\.$/,
    render: (lang, m) =>
      reportT(lang)(m[4] === "above" ? "pathway.baseYearAbove" : "pathway.baseYearBelow", {
        gain: "S(A) − S(A − 1)",
        curve: m[1],
        inventory: m[2],
        diff: m[3],
      }),
  },
  {
    re: /^(.+?): (\S+) ha of at most (.+); vegetation towards (\S+) t C\/ha \((.*)\) with k = (\S+), c = (\S+) \((.*)\); soil gains (\S+) t C\/ha over (\S+) years \((.*); years: (.*)\)\.$/s,
    render: (lang, m) =>
      reportT(lang)("pathway.reclamation", {
        measure: domainText(lang, m[1]!),
        ha: m[2],
        from: domainText(lang, m[3]!),
        max: m[4],
        source: domainText(lang, m[5]!),
        k: `k = ${m[6]}`,
        c: `c = ${m[7]}`,
        curveSource: domainText(lang, m[8]!),
        soil: m[9],
        years: m[10],
        soilSource: domainText(lang, m[11]!),
        yearsSource: domainText(lang, m[12]!),
      }),
  },
  {
    re: /^the (\S+) ha of industrial and mining land of the baseline year (\d+) \(miningLandHa(?:, within the (\S+) ha boundary)?\)$/,
    render: (lang, m) =>
      m[3] === undefined
        ? reportT(lang)("pathway.reclaimMining", { ha: m[1], year: m[2], field: "miningLandHa" })
        : reportT(lang)("pathway.reclaimMiningWithin", {
            ha: m[1],
            year: m[2],
            boundary: m[3],
            field: "miningLandHa",
          }),
  },
  {
    re: /^the (\S+) ha of the baseline year (\d+) not counted as a sink \(boundary (\S+) ha − (\S+) ha of forest stands and ecosystems; give miningLandHa to state the industrial and mining land\)$/,
    render: (lang, m) =>
      reportT(lang)("pathway.reclaimNotSink", {
        ha: m[1],
        year: m[2],
        boundary: m[3],
        sinks: m[4],
        field: "miningLandHa",
      }),
  },
  {
    re: /^none given: no soil carbon regained beyond (maxStockTCPerHa)$/,
    render: (lang, m) => reportT(lang)("pathway.noSoilGiven", { field: m[1] }),
  },
  {
    re: /^the measure's own (soilYears)$/,
    render: (lang, m) => reportT(lang)("pathway.ownSoilYears", { field: m[1] }),
  },
  {
    re: /^IPCC 2006 default transition period for soil carbon \((\S+), Vol\. 4 Ch\. 2 Eq\. 2\.25\)$/,
    render: (lang, m) => reportT(lang)("pathway.soilTransition", { id: m[1] }),
  },
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
    re: /^factor (\S+) \((.+)\) is UNVERIFIED: its value was not found in a source text; check it before relying on the result$/,
    render: (lang, m) =>
      reportT(lang)("warn.unverifiedFactor", { id: m[1], name: factorName(lang, m[1]!, m[2]!) }),
  },
  {
    re: /^factor (\S+) \((.+)\) is an ASSUMPTION: no source gives it; replace it with a sourced value \((--factors)\) before relying on the result$/,
    render: (lang, m) =>
      reportT(lang)("warn.assumedFactor", { id: m[1], name: factorName(lang, m[1]!, m[2]!), option: m[3] }),
  },
  {
    re: /^factors taken as exact \(no range in their source and no default uncertainty for their kind\), so the uncertainty ranges leave out theirs: (.+); give them a range \(low, high\) in a --factors file$/,
    render: (lang, m) =>
      reportT(lang)("warn.factorsExact", { ids: m[1], range: "(low, high)", option: "--factors" }),
  },
  // src/domain/mine/year-inventory.ts: a measured gas amount ("underground methane: Shaft 1"), the
  // coal output a methane estimate reads, and an input named with its path.
  {
    re: /^(.+?): (.+)$/,
    render: (lang, m) =>
      isTerm(`gasSource.${m[1]}`)
        ? reportT(lang)("labelled", { label: termName(lang, "gasSource", m[1]!), text: m[2] })
        : undefined,
  },
  {
    re: /^(.+) \(([A-Za-z][\w.[\]]*)\)$/,
    render: (lang, m) => {
      const label = known(lang, m[1]!);
      return label === undefined ? undefined : reportT(lang)("withPath", { label, path: m[2] });
    },
  },
  {
    re: /^coal output for (.+)$/,
    render: (lang, m) => {
      const what = known(lang, m[1]!);
      return what === undefined ? undefined : reportT(lang)("coalOutputFor", { what });
    },
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

/** The physical rules a Monte Carlo draw broke (the uncertainty model's constraints), joined by "or". */
const RULES: Readonly<Record<string, "rule.methaneRecovered" | "rule.co2Stored">> = {
  "methane recovered ≤ methane liberated": "rule.methaneRecovered",
  "CO2 stored ≤ point-source CO2": "rule.co2Stored",
};
function rules(lang: Lang, text: string): string {
  const rt = reportT(lang);
  return text
    .split(" or ")
    .map((r) => {
      const m = r.match(/^(?:(\d{4}): )?(.+)$/)!;
      const from = m[2]!.match(
        /^land reclaimed from (\S+) ≤ the \1 land there is \(existing \+ converted into it\)$/,
      );
      if (from) return rt("rule.reclaimedFrom", { cls: termName(lang, "classRole", from[1]!) });
      const key = RULES[m[2]!];
      if (!key) return r;
      return m[1] ? rt("rule.inYear", { year: m[1], rule: rt(key) }) : rt(key);
    })
    .join(rt("ruleOr"));
}

type NoteKey = Extract<keyof typeof report.en, `note.${string}`>;
/** The domain's fixed notes by their English text. */
const NOTES = new Map(
  Object.entries(report.en)
    .filter((e): e is [NoteKey, string] => e[0].startsWith("note."))
    .map(([key, en]) => [en, key]),
);

/** The texts of the web app's frame and Data view (namespace `web`) in the language. */
const webT = (lang: Lang) => i18nFor(lang).getFixedT(lang, "web");
/** A legend role (its id) in the language, as the editor's role select names it. */
const roleText = (lang: Lang, role: string) => termName(lang, "classRole", role);
/** A list of roles written "a, b, c" by the domain, in the language. */
const rolesText = (lang: Lang, list: string) =>
  list
    .split(", ")
    .map((r) => roleText(lang, r))
    .join(reportT(lang)("listComma"));

/*
 * The legend's problems as the domain and the API word them: src/domain/landuse/legend-records.ts
 * (the CSV's columns and colours, read by the web's import too), src/io/read-legend-file.ts (the
 * CLI's and the API's CSV import) and src/app/area-legend.ts (a class without its role, a code the
 * area's maps still have) and the API's refusals of a legend (area-routes.ts), with the
 * place they are at ("row 4, colour", "header"). Tested on those producers' output.
 */
const LEGEND_PATTERNS: readonly {
  readonly re: RegExp;
  readonly render: (lang: Lang, m: RegExpMatchArray) => string;
}[] = [
  {
    re: /^row (\d+), ([^:]+): (.+)$/s,
    render: (lang, m) =>
      webT(lang)("legendText.at", {
        path: webT(lang)("legendText.row", { row: m[1], column: m[2] }),
        message: domainText(lang, m[3]!),
      }),
  },
  {
    re: /^header: (.+)$/s,
    render: (lang, m) =>
      webT(lang)("legendText.at", {
        path: webT(lang)("legendText.header"),
        message: domainText(lang, m[1]!),
      }),
  },
  {
    re: /^a legend needs a code column \((.+?)\) and a name column \((.+?)\); got (.*)$/s,
    render: (lang, m) => {
      const t = webT(lang);
      const or = (list: string) => list.split(" or ").join(t("legendText.or"));
      return t("legendText.columns", {
        code: or(m[1]!),
        name: or(m[2]!),
        got: m[3] === "no columns" ? t("legendText.noColumns") : m[3],
      });
    },
  },
  {
    re: /^must be a colour like (#[0-9a-f]{6}); got "(.*)"$/s,
    render: (lang, m) => webT(lang)("legendText.colour", { example: m[1], got: m[2] }),
  },
  {
    re: /^must be a whole number 0–65535; got "(.*)"$/s,
    render: (lang, m) => webT(lang)("legendText.code", { got: m[1] }),
  },
  {
    re: /^code (\d+) is already on row (\d+)$/,
    render: (lang, m) => webT(lang)("legendText.codeTwice", { code: m[1], row: m[2] }),
  },
  { re: /^must not be empty$/, render: (lang) => webT(lang)("legendText.empty") },
  { re: /^has no classes$/, render: (lang) => webT(lang)("legendText.noClasses") },
  {
    re: /^class (\d+) "(.*)" has no role(?: \(its name suggests "([^"]+)": confirm it by writing it\))?$/s,
    render: (lang, m) =>
      m[3]
        ? webT(lang)("legendText.noRoleWrite", { code: m[1], name: m[2], role: roleText(lang, m[3]) })
        : webT(lang)("legendText.noRole", { code: m[1], name: m[2] }),
  },
  {
    re: /^class (\d+) "(.*)" needs its role, one of (.+?)(?: \(its name suggests "([^"]+)": confirm it by sending it\))?$/s,
    render: (lang, m) =>
      webT(lang)(m[4] ? "legendText.needsRoleSuggested" : "legendText.needsRole", {
        code: m[1],
        name: m[2],
        roles: rolesText(lang, m[3]!),
        ...(m[4] ? { role: roleText(lang, m[4]) } : {}),
      }),
  },
  {
    re: /^every class needs its role, written in a role \(or key\) column: one of (.+); (\d+) class(?:es have| has) none$/s,
    render: (lang, m) =>
      webT(lang)("legendText.everyRole", { roles: rolesText(lang, m[1]!), count: Number(m[2]) }),
  },
  {
    re: /^the new legend lacks codes of the area's maps$/,
    render: (lang) => webT(lang)("legendText.lacksCodes"),
  },
  {
    re: /^must keep code (\d+): the (\d{4}) map has ([\d,]+) px of it; add it back or recode that map first$/,
    render: (lang, m) => webT(lang)("legendText.keepCode", { code: m[1], year: m[2], pixels: m[3] }),
  },
  {
    re: /^every legend class needs its role \(what it is\); none is guessed from its name$/,
    render: (lang) => webT(lang)("legendText.rolesRefused"),
  },
];

function known(lang: Lang, text: string): string | undefined {
  const evidence = evidenceText(lang, text);
  if (evidence !== undefined) return evidence;
  const note = NOTES.get(text);
  if (note) return reportT(lang)(note);
  if (text === "t CO2e/yr") return reportT(lang)("perYear");
  for (const [id, e] of Object.entries(ECOSYSTEMS))
    if (text === e.name) return termName(lang, "ecosystem", id);
  for (const kind of ["component", "source", "figure", "gas", "fuel", "gasSource"])
    if (isTerm(`${kind}.${text}`)) return termName(lang, kind, text);
  // Before the patterns: a legend problem's place ("row 4, colour: …") is not a label of its own.
  for (const p of LEGEND_PATTERNS) {
    const m = text.match(p.re);
    if (m) return p.render(lang, m);
  }
  for (const p of PATTERNS) {
    const m = text.match(p.re);
    if (m) {
      const said = p.render(lang, m);
      if (said !== undefined) return said;
    }
  }
  return undefined;
}

/** Words of a factor unit that are not symbols ("fraction", "t/m3 gas"), in the language. */
const UNIT_WORDS: readonly [RegExp, string][] = [
  [/\bunstated C or CO2\b/, "unstated"],
  [/\bfraction\b/, "fraction"],
  [/\bratio\b/, "ratio"],
  [/\bgas\b/, "gas"],
  [/\bd\.m\./, "dm"],
];

/** A factor unit (`factor-units.ts`) in the language: its symbols kept, its words translated. */
export function factorUnitText(lang: Lang, unit: string): string {
  let out = unit;
  for (const [re, id] of UNIT_WORDS) out = out.replace(re, termName(lang, "unitWord", id));
  return out;
}

/**
 * A text the domain wrote in English, in the language: through the catalogue when it is a known
 * one, else as written.
 */
export function domainText(lang: Lang, text: string): string {
  return known(lang, text) ?? text;
}
