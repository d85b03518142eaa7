import type { Lang } from "./lang.ts";
import { i18nFor, termsT } from "./index.ts";
import { terms } from "./catalogue/terms.ts";

/*
 * The evidence of supervision's flags and the plausibility checks of annual reports, written in
 * English by src/domain/manage/{supervision,control-rule,plausibility}.ts, recognised by their form
 * and said in the language (namespace `evidence`). Each pattern is tested against its producer's
 * real output (src/presentation/i18n/evidence-text.test.ts), so a change of wording there fails.
 */

const et = (lang: Lang) => i18nFor(lang).getFixedT(lang, "evidence");

/**
 * A legend role (its id, e.g. "open-pit") in Chinese; in English the id as the domain wrote it (the
 * English sentence is given back as written), and the id when the catalogue lacks it.
 */
function role(lang: Lang, id: string): string {
  if (lang === "en") return id;
  const key = `classRole.${id}`;
  return key in terms.en ? termsT(lang)(key as keyof typeof terms.en) : id;
}

const roleList = (lang: Lang, list: string, sep: string) =>
  list
    .split(sep)
    .map((r) => role(lang, r))
    .join(et(lang)(sep === " or " ? "or" : "comma"));

/** "mining (12.00 ha), construction (3.00 ha)" in the language. */
const roleAreas = (lang: Lang, list: string) =>
  [...list.matchAll(/([^,()]+?) \(([\d.,]+) ha\)/g)]
    .map((m) => et(lang)("roleArea", { role: role(lang, m[1]!.trim()), area: m[2] }))
    .join(et(lang)("comma"));

const UNITS = ["t CO2e per t of coal", "tce per t of coal"] as const;
const unit = (lang: Lang, u: string) => {
  const known = UNITS.find((k) => k === u);
  return known ? et(lang)(`unit.${known}`) : u;
};

const PATTERNS: readonly { re: RegExp; render: (lang: Lang, m: RegExpMatchArray) => string }[] = [
  {
    re: /^([\d.,]+) t CO2e in (\d{4}), above the cap of ([\d.,]+) t CO2e\/yr$/,
    render: (lang, m) => et(lang)("emissionCap", { emissions: m[1], year: m[2], cap: m[3] }),
  },
  {
    re: /^carbon intensity (-?[\d.,]+) % lower in (\d{4}) than in (\d{4}), short of the target's ([\d.,]+) % by (\d{4})$/,
    render: (lang, m) =>
      et(lang)("intensityShort", { reduced: m[1], year: m[2], base: m[3], target: m[4], targetYear: m[5] }),
  },
  {
    re: /^projected (-?[\d.,]+) % lower carbon intensity by (\d{4}) \((the mine's plan|the trend of its reports)\), short of the target's ([\d.,]+) %$/,
    render: (lang, m) =>
      et(lang)("intensityProjected", {
        reduced: m[1],
        targetYear: m[2],
        basis: et(lang)(m[3] === "the mine's plan" ? "basis.plan" : "basis.trend"),
        target: m[4],
      }),
  },
  {
    re: /^the (\d{4}) report was due on (\S+) and is (\d+) days late$/,
    render: (lang, m) => et(lang)("reportLate", { year: m[1], due: m[2], days: m[3] }),
  },
  {
    re: /^([\d.,]+) ha converted between the (\d{4}) and (\d{4}) maps \((.*)\), which "(.*)" forbids$/s,
    render: (lang, m) =>
      et(lang)("converted", {
        area: m[1],
        from: m[2],
        to: m[3],
        what: [...m[4]!.matchAll(/(\S+) → (\S+) ([\d.,]+) ha/g)]
          .map((c) => et(lang)("conversion", { from: role(lang, c[1]!), to: role(lang, c[2]!), area: c[3] }))
          .join(et(lang)("comma")),
        rule: m[5],
      }),
  },
  {
    re: /^([\d.,]+) ha is (.*) in the (\d{4}) map, after the reclamation deadline (\d{4}) \(to (.*)\)$/s,
    render: (lang, m) =>
      et(lang)("reclaimOverdue", {
        area: m[1],
        what: roleAreas(lang, m[2]!),
        year: m[3],
        deadline: m[4],
        to: roleList(lang, m[5]!, " or "),
      }),
  },
  {
    re: /^([\d.,]+) ha of (\S+) land in the (\d{4}) map, above the cap of ([\d.,]+) ha$/,
    render: (lang, m) => et(lang)("overCap", { area: m[1], role: role(lang, m[2]!), year: m[3], cap: m[4] }),
  },
  {
    re: /^([\d.,]+) ha of (.*) in the (\d{4}) map, where only (.*) is allowed$/s,
    render: (lang, m) =>
      et(lang)("notAllowed", {
        area: m[1],
        what: roleAreas(lang, m[2]!),
        year: m[3],
        roles: roleList(lang, m[4]!, ", "),
      }),
  },
  {
    re: /^(\S+) (t CO2e|t|tce) is about 10(⁴|⁻⁴) times (\d{4})'s (\S+): is it in \2, not 10⁴ \2\?$/,
    render: (lang, m) =>
      et(lang)("unitJump", { now: m[1], unit: m[2], power: `10${m[3]}`, prev: m[4], before: m[5] }),
  },
  {
    re: /^(\S+) (t CO2e|t|tce) is (up|down) (\d+) % from (\d{4})'s (\S+): explain the change or correct it$/,
    render: (lang, m) =>
      et(lang)(m[3] === "up" ? "jump.up" : "jump.down", {
        now: m[1],
        unit: m[2],
        pct: m[4],
        prev: m[5],
        before: m[6],
      }),
  },
  {
    re: /^(\S+) (t CO2e per t of coal|tce per t of coal) is outside the range of similar mines \((\S+)–(\S+) \2; (.*)\)$/s,
    render: (lang, m) => {
      const source = m[5] === et("en")("defaultRanges") ? et(lang)("defaultRanges") : m[5];
      return et(lang)("outOfRange", { value: m[1], unit: unit(lang, m[2]!), lo: m[3], hi: m[4], source });
    },
  },
];

/** Plausibility warnings as a flag's evidence: "<field>: <message>". */
const FIELDS = ["emissionsTCO2ePerYr", "coalOutputT", "energyTce", "intensity", "energyPerTonne"] as const;
const FIELD = new RegExp(`^(${FIELDS.join("|")}): (.*)$`, "s");

/**
 * A flag's evidence or a plausibility warning in the language, or undefined when the text is not
 * one of the domain's (it is then shown as written).
 */
export function evidenceText(lang: Lang, text: string): string | undefined {
  const f = text.match(FIELD);
  if (f) {
    const said = evidenceText(lang, f[2]!);
    return said === undefined
      ? undefined
      : et(lang)("labelled", { field: et(lang)(`field.${f[1] as (typeof FIELDS)[number]}`), text: said });
  }
  for (const p of PATTERNS) {
    const m = text.match(p.re);
    if (m) return p.render(lang, m);
  }
  return undefined;
}
