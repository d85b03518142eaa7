import { ruleBreaches, type ControlRule, type PlotLandUse } from "./control-rule.ts";
import type { MineYearFacts } from "./evaluation.ts";
import type { PlausibilityWarning } from "./plausibility.ts";
import type { Target } from "./target.ts";

/**
 * Supervision (seed 000 §3.5, guarantee mechanisms): rules over a mine's data and maps that raise
 * flags, each with its evidence — the numbers, and the plot for a map's finding. The regulator
 * issues a rectification notice from a flag. Rules are data (SUPERVISION_RULES): each names what it
 * checks; `superviseMine` runs them all.
 */
export const FLAG_KINDS = [
  "emission-standard-exceeded",
  "intensity-off-track",
  "reclamation-overdue",
  "control-rule-broken",
  "report-overdue",
  "implausible-data",
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface SupervisionFlag {
  readonly mineId: string;
  readonly kind: FlagKind;
  readonly year: number;
  /** The target, plot or report the flag is about. */
  readonly subject: { readonly kind: "target" | "plot" | "report"; readonly id: string };
  /** A sentence with the evidence, in English (the catalogue translates it by its pattern). */
  readonly evidence: string;
  readonly numbers: Readonly<Record<string, number>>;
}

/** What supervision reads about one mine. */
export interface MineSupervisionInput {
  readonly mineId: string;
  readonly targets: readonly Target[];
  /** The facts of its approved reports. */
  readonly facts: readonly MineYearFacts[];
  /**
   * Years whose report has been submitted and is not back with the enterprise: a report returned
   * and not resubmitted, like a draft, is not in.
   */
  readonly submittedYears: readonly number[];
  /** Its plots with their rule and what the last two land-use maps show of them. */
  readonly plots: readonly { readonly rule: ControlRule; readonly landUse: PlotLandUse }[];
  /** Plausibility warnings of the year's submitted report. */
  readonly warnings: readonly PlausibilityWarning[];
  /**
   * The carbon intensity the mine's plan projects for each intensity target's target year (from its
   * pathway, re-based on the approved reports); absent: the trend of its approved years.
   */
  readonly projectedIntensity?: Readonly<Record<string, number>>;
}

export interface SupervisionContext {
  /** The year supervised: its report, and the maps up to it. */
  readonly year: number;
  /** Today, to judge the report's deadline. */
  readonly today: Date;
  /** The month and day (of the next year) by which a year's report is due; "03-31" as in China's ETS. */
  readonly reportDue: string;
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const intensity = (f: MineYearFacts) => (f.coalOutputT > 0 ? f.emissionsTCO2ePerYr / f.coalOutputT : null);

/** The least-squares line through (year, value), evaluated at `at`; null with fewer than two points. */
export function trendAt(points: readonly { x: number; y: number }[], at: number): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return my + slope * (at - mx);
}

/**
 * The end of the day a year's report is due, in China Standard Time (UTC+8): `due` is the month and
 * day of the next year, "MM-DD".
 */
export function reportDeadline(year: number, due: string): Date {
  const m = /^(\d{2})-(\d{2})$/.exec(due);
  const at = m ? new Date(Date.UTC(year + 1, Number(m[1]) - 1, Number(m[2]), 23 - 8, 59, 59)) : null;
  if (!m || !at || at.getUTCMonth() !== Number(m[1]) - 1 || at.getUTCDate() !== Number(m[2]))
    throw new RangeError(`the report deadline must be a month and day "MM-DD" such as "03-31"; got "${due}"`);
  return at;
}

type Rule = (m: MineSupervisionInput, c: SupervisionContext) => SupervisionFlag[];

export const SUPERVISION_RULES: Readonly<Record<FlagKind, { readonly checks: string; readonly run: Rule }>> =
  {
    "emission-standard-exceeded": {
      checks: "the year's emissions against each emission cap in force",
      run: (m, c) => {
        const f = m.facts.find((x) => x.year === c.year);
        if (!f) return [];
        return m.targets.flatMap((t) =>
          t.kind === "emission-cap" && c.year >= t.baseYear && f.emissionsTCO2ePerYr > t.capTCO2ePerYr
            ? [
                {
                  mineId: m.mineId,
                  kind: "emission-standard-exceeded" as const,
                  year: c.year,
                  subject: { kind: "target" as const, id: t.id },
                  evidence: `${fmt(f.emissionsTCO2ePerYr)} t CO2e in ${c.year}, above the cap of ${fmt(t.capTCO2ePerYr)} t CO2e/yr`,
                  numbers: { emissionsTCO2e: f.emissionsTCO2ePerYr, capTCO2ePerYr: t.capTCO2ePerYr },
                },
              ]
            : [],
        );
      },
    },
    "intensity-off-track": {
      checks:
        "the carbon intensity projected for each intensity target's year against the target; from that year on, the year's own",
      run: (m, c) =>
        m.targets.flatMap((t): SupervisionFlag[] => {
          if (t.kind !== "intensity-reduction" || c.year < t.baseYear) return [];
          const base = m.facts.find((x) => x.year === t.baseYear);
          const i0 = base && intensity(base);
          if (!i0) return [];
          // From the target year on, the year's own intensity is what counts, not a projection.
          if (c.year >= t.targetYear) {
            const now = m.facts.find((x) => x.year === c.year);
            const i = now && intensity(now);
            if (i == null) return [];
            const reduced = 1 - i / i0;
            if (reduced >= t.reductionFraction) return [];
            return [
              {
                mineId: m.mineId,
                kind: "intensity-off-track" as const,
                year: c.year,
                subject: { kind: "target" as const, id: t.id },
                evidence: `carbon intensity ${fmt(reduced * 100, 1)} % lower in ${c.year} than in ${t.baseYear}, short of the target's ${fmt(t.reductionFraction * 100, 1)} % by ${t.targetYear}`,
                numbers: { baseIntensity: i0, intensity: i, targetReduction: t.reductionFraction },
              },
            ];
          }
          const points = m.facts
            .filter((x) => x.year >= t.baseYear && x.year <= c.year)
            .flatMap((x) => (intensity(x) === null ? [] : [{ x: x.year, y: intensity(x)! }]));
          const projected = m.projectedIntensity?.[t.id] ?? trendAt(points, t.targetYear);
          if (projected === null) return [];
          const reduction = 1 - projected / i0;
          if (reduction >= t.reductionFraction) return [];
          return [
            {
              mineId: m.mineId,
              kind: "intensity-off-track" as const,
              year: c.year,
              subject: { kind: "target" as const, id: t.id },
              evidence: `projected ${fmt(reduction * 100, 1)} % lower carbon intensity by ${t.targetYear} (${m.projectedIntensity?.[t.id] !== undefined ? "the mine's plan" : "the trend of its reports"}), short of the target's ${fmt(t.reductionFraction * 100, 1)} %`,
              numbers: {
                baseIntensity: i0,
                projectedIntensity: projected,
                targetReduction: t.reductionFraction,
              },
            },
          ];
        }),
    },
    "reclamation-overdue": {
      checks: "plots past their reclamation deadline that the latest map still shows as disturbed",
      run: (m, c) => breachFlags(m, c, (kind) => kind === "reclamation-overdue", "reclamation-overdue"),
    },
    "control-rule-broken": {
      checks: "plots whose land use between the last two maps breaks their control rule",
      run: (m, c) => breachFlags(m, c, (kind) => kind !== "reclamation-overdue", "control-rule-broken"),
    },
    "report-overdue": {
      checks: "a year's report not submitted by its deadline",
      run: (m, c) => {
        const due = reportDeadline(c.year, c.reportDue);
        if (c.today <= due || m.submittedYears.includes(c.year)) return [];
        const days = Math.floor((c.today.getTime() - due.getTime()) / 86_400_000);
        return [
          {
            mineId: m.mineId,
            kind: "report-overdue" as const,
            year: c.year,
            subject: { kind: "report" as const, id: String(c.year) },
            evidence: `the ${c.year} report was due on ${c.year + 1}-${c.reportDue} and is ${days} days late`,
            numbers: { daysLate: days },
          },
        ];
      },
    },
    "implausible-data": {
      checks: "the plausibility warnings of the year's submitted report",
      run: (m, c) =>
        m.warnings.map((w) => ({
          mineId: m.mineId,
          kind: "implausible-data" as const,
          year: c.year,
          subject: { kind: "report" as const, id: String(c.year) },
          evidence: `${w.path}: ${w.message}`,
          numbers: {},
        })),
    },
  };

function breachFlags(
  m: MineSupervisionInput,
  c: SupervisionContext,
  which: (kind: string) => boolean,
  kind: FlagKind,
): SupervisionFlag[] {
  return m.plots.flatMap(({ rule, landUse }) =>
    ruleBreaches(rule, landUse, c.year)
      .filter((b) => which(b.kind))
      .map((b) => ({
        mineId: m.mineId,
        kind,
        year: c.year,
        subject: { kind: "plot" as const, id: b.plotId },
        evidence: b.evidence,
        numbers: { areaHa: b.areaHa, fromYear: landUse.fromYear, toYear: landUse.toYear },
      })),
  );
}

/** Every flag the rules raise for one mine in the context's year, in the order of FLAG_KINDS. */
export function superviseMine(m: MineSupervisionInput, c: SupervisionContext): SupervisionFlag[] {
  return FLAG_KINDS.flatMap((k) => SUPERVISION_RULES[k].run(m, c));
}
