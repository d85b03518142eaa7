/**
 * How reclaimed land regains carbon over the years after reclamation starts: the share of the full
 * regain reached after t years (0 at t = 0, approaching 1). Seed 001 notes that the sink of
 * reclaimed land grows with the years since reclamation; the shape is the user's choice.
 * - `linear`: t / years, reaching 1 after `years`;
 * - `exponential`: 1 − 2^(−t / halfLifeYears);
 * - `logistic`: a sigmoid centred on `midpointYears`, rescaled to 0 at t = 0 and 1 as t → ∞;
 * - `immediate`: the whole regain in the first year.
 */
export type RegainCurve =
  | { readonly kind: "linear"; readonly years: number }
  | { readonly kind: "exponential"; readonly halfLifeYears: number }
  | { readonly kind: "logistic"; readonly midpointYears: number; readonly steepnessPerYear: number }
  | { readonly kind: "immediate" };

/** The share (0–1) of the full regain reached `t` years after reclamation started. */
export function regainShare(curve: RegainCurve, t: number): number {
  if (t <= 0) return 0;
  switch (curve.kind) {
    case "linear":
      return Math.min(1, t / curve.years);
    case "exponential":
      return 1 - Math.pow(2, -t / curve.halfLifeYears);
    case "logistic": {
      const f = (x: number) => 1 / (1 + Math.exp(-curve.steepnessPerYear * (x - curve.midpointYears)));
      const f0 = f(0);
      return (f(t) - f0) / (1 - f0);
    }
    case "immediate":
      return 1;
  }
}

/** Describes a curve in words for reports. */
export function describeRegainCurve(curve: RegainCurve): string {
  switch (curve.kind) {
    case "linear":
      return `linear, full regain after ${curve.years} years`;
    case "exponential":
      return `exponential approach, half of the regain after ${curve.halfLifeYears} years`;
    case "logistic":
      return `logistic, midpoint at ${curve.midpointYears} years, steepness ${curve.steepnessPerYear}/yr`;
    case "immediate":
      return "immediate (all in the first year)";
  }
}
