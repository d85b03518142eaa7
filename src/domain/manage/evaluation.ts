import type { Hectares, Tonnes, TonnesCO2ePerYear } from "../../units/index.ts";
import type { Target, TargetKind } from "./target.ts";

/**
 * Performance evaluation of a mine in a year (seed 000 §3.5: effect and efficiency). Effect is
 * target achievement — each target's degree of achievement in [0, 1] and their weighted score
 * (0–100); efficiency is effect per unit of input — emissions avoided and land reclaimed per 10⁴ CNY
 * invested. docs/performance-evaluation.md works an example by hand.
 */

/** What an approved annual report says about a mine's year. */
export interface MineYearFacts {
  readonly year: number;
  readonly emissionsTCO2ePerYr: TonnesCO2ePerYear;
  readonly coalOutputT: Tonnes;
  /** Land reclaimed so far, and land disturbed by mining so far (cumulative). */
  readonly reclaimedHa: Hectares;
  readonly disturbedHa: Hectares;
  /** Area of each land-use role at the year's end (construction, mining, forest, …). */
  readonly roleAreaHa: Readonly<Record<string, Hectares>>;
  /** Drained methane used rather than vented, as a fraction; null when the mine drains none. */
  readonly methaneUtilisation: number | null;
  /** The year's investment in emission measures and in reclamation. */
  readonly measureInvestmentCny: number;
  readonly reclamationInvestmentCny: number;
}

/** The weight of each target kind in the score, with where the weights come from and how sure they are. */
export interface TargetWeights {
  readonly byKind: Readonly<Record<TargetKind, number>>;
  readonly source: string;
  readonly status: "assumed" | "set by the regulator";
}

/** Equal weights: no published weighting exists for these kinds; a regulator sets its own. */
export const DEFAULT_TARGET_WEIGHTS: TargetWeights = {
  byKind: {
    "intensity-reduction": 1,
    "emission-cap": 1,
    "reclamation-area": 1,
    "reclamation-rate": 1,
    "land-use-cap": 1,
    "methane-utilisation": 1,
  },
  source: "MineCarbon default: equal weights (no published weighting of these kinds)",
  status: "assumed",
};

export interface TargetAchievement {
  readonly targetId: string;
  readonly kind: TargetKind;
  /** What the target asks by this year (a progressive target's share of its whole), in its unit. */
  readonly expected: number | null;
  readonly actual: number | null;
  /** Degree of achievement in [0, 1]; null when it cannot be judged (see `note`). */
  readonly degree: number | null;
  readonly note: string | null;
}

export interface MineEvaluation {
  readonly year: number;
  readonly achievements: readonly TargetAchievement[];
  /** Σ weight × degree / Σ weight over the judged targets, × 100; null when none was judged. */
  readonly score: number | null;
  /** Emissions avoided against the year before's intensity at this year's output, t CO2e per 10⁴ CNY. */
  readonly abatedTCO2ePer10kCny: number | null;
  /** Land reclaimed in the year, ha per 10⁴ CNY of reclamation investment. */
  readonly reclaimedHaPer10kCny: number | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const intensity = (f: MineYearFacts) => (f.coalOutputT > 0 ? f.emissionsTCO2ePerYr / f.coalOutputT : null);

/** A progressive target's share due by `year`: 0 at the base year, 1 from the target year, linear between. */
export const dueShare = (t: Target, year: number) =>
  clamp01((year - t.baseYear) / (t.targetYear - t.baseYear));

function achievement(t: Target, facts: readonly MineYearFacts[], year: number): TargetAchievement {
  const at = (y: number) => facts.find((f) => f.year === y);
  const now = at(year);
  const base = at(t.baseYear);
  const none = (note: string): TargetAchievement => ({
    targetId: t.id,
    kind: t.kind,
    expected: null,
    actual: null,
    degree: null,
    note,
  });
  if (!now) return none(`no approved report for ${year}`);
  if (year < t.baseYear) return none(`the target starts in ${t.baseYear}`);
  const judged = (expected: number, actual: number, degree: number): TargetAchievement => ({
    targetId: t.id,
    kind: t.kind,
    expected,
    actual,
    degree,
    note: null,
  });
  /** A "higher is better" progressive target: actual against the share due. */
  const progressive = (whole: number, actual: number) => {
    const expected = whole * dueShare(t, year);
    if (expected === 0) return { ...none(`nothing is due yet in the base year ${t.baseYear}`), actual };
    return judged(expected, actual, clamp01(actual / expected));
  };
  /** A cap: met in full at or below it, else the share the cap is of the actual. */
  const cap = (limit: number, actual: number) => judged(limit, actual, actual <= limit ? 1 : limit / actual);
  switch (t.kind) {
    case "intensity-reduction": {
      if (!base) return none(`no approved report for the base year ${t.baseYear}`);
      const i0 = intensity(base);
      const i = intensity(now);
      if (i0 === null || i0 === 0 || i === null) return none("no coal output to compute the intensity from");
      return progressive(t.reductionFraction, 1 - i / i0);
    }
    case "emission-cap":
      return cap(t.capTCO2ePerYr, now.emissionsTCO2ePerYr);
    case "reclamation-area":
      if (!base) return none(`no approved report for the base year ${t.baseYear}`);
      return progressive(t.areaHa, now.reclaimedHa - base.reclaimedHa);
    case "reclamation-rate": {
      // A level to reach from the base year's: judged on the way from there, like the intensity.
      if (!base) return none(`no approved report for the base year ${t.baseYear}`);
      if (now.disturbedHa === 0 || base.disturbedHa === 0) return none("no land disturbed by mining yet");
      const r0 = base.reclaimedHa / base.disturbedHa;
      const r = now.reclaimedHa / now.disturbedHa;
      // Already at the target in the base year: it is to be kept.
      if (r0 >= t.rate) return judged(t.rate, r, r >= t.rate ? 1 : r / t.rate);
      const expected = r0 + (t.rate - r0) * dueShare(t, year);
      if (expected === r0) return { ...none(`nothing is due yet in the base year ${t.baseYear}`), actual: r };
      return judged(expected, r, clamp01((r - r0) / (expected - r0)));
    }
    case "land-use-cap":
      return cap(t.capHa, now.roleAreaHa[t.role] ?? 0);
    case "methane-utilisation":
      if (now.methaneUtilisation === null) return none("the mine drains no methane");
      return judged(t.rate, now.methaneUtilisation, clamp01(now.methaneUtilisation / t.rate));
  }
}

/** The mine's evaluation in `year` from its targets and the facts of its approved reports. */
export function evaluateMine(
  targets: readonly Target[],
  facts: readonly MineYearFacts[],
  year: number,
  weights: TargetWeights = DEFAULT_TARGET_WEIGHTS,
): MineEvaluation {
  const bad = Object.entries(weights.byKind).filter(([, w]) => !(Number.isFinite(w) && w >= 0));
  if (bad.length > 0)
    throw new RangeError(
      `target weights must be numbers of 0 or more; got ${bad.map(([k, w]) => `${k}: ${w}`).join(", ")} (${weights.source})`,
    );
  const achievements = targets.map((t) => achievement(t, facts, year));
  const judged = achievements.filter((a) => a.degree !== null);
  const weight = judged.reduce((s, a) => s + weights.byKind[a.kind], 0);
  const score =
    weight > 0 ? (100 * judged.reduce((s, a) => s + weights.byKind[a.kind] * a.degree!, 0)) / weight : null;
  const now = facts.find((f) => f.year === year);
  const before = facts.find((f) => f.year === year - 1);
  // The year's measures against the year before: what the year's intensity saved on its output
  // compared with last year's intensity (a yearly figure for a yearly investment).
  const iPrev = before && intensity(before);
  const i = now && intensity(now);
  const abated = now && iPrev != null && i != null ? (iPrev - i) * now.coalOutputT : null;
  return {
    year,
    achievements,
    score,
    abatedTCO2ePer10kCny:
      abated !== null && now && now.measureInvestmentCny > 0
        ? abated / (now.measureInvestmentCny / 1e4)
        : null,
    reclaimedHaPer10kCny:
      now && before && now.reclamationInvestmentCny > 0
        ? (now.reclaimedHa - before.reclaimedHa) / (now.reclamationInvestmentCny / 1e4)
        : null,
  };
}

export interface RankedMine {
  readonly mineId: string;
  readonly rank: number;
  readonly evaluation: MineEvaluation;
}

/**
 * Mines of a jurisdiction ranked by score (higher first), then by emissions avoided per 10⁴ CNY;
 * equal on both share a rank (1, 2, 2, 4). Mines without a score come last, unranked (rank 0).
 */
export function rankMines(
  evaluations: readonly { mineId: string; evaluation: MineEvaluation }[],
): RankedMine[] {
  // Compared as shown (a score to 0.1, efficiency to 0.01), so that float noise makes no rank.
  const round = (x: number | null, step: number) => (x === null ? -Infinity : Math.round(x / step) * step);
  const key = (e: MineEvaluation) => [round(e.score, 0.1), round(e.abatedTCO2ePer10kCny, 0.01)] as const;
  const sorted = [...evaluations].sort((a, b) => {
    const [sa, ea] = key(a.evaluation);
    const [sb, eb] = key(b.evaluation);
    return sb - sa || eb - ea || a.mineId.localeCompare(b.mineId, "en", { numeric: true });
  });
  return sorted.map((m, i) => {
    if (m.evaluation.score === null) return { ...m, rank: 0 };
    const first = sorted.findIndex((o) => {
      const [s, e] = key(o.evaluation);
      const [ms, me] = key(m.evaluation);
      return s === ms && e === me;
    });
    return { ...m, rank: (first === -1 ? i : first) + 1 };
  });
}
