import type { UncertainInput } from "./uncertain-input.ts";
import { fixedSumMembers, type UncertaintyModel } from "./uncertainty-model.ts";

/**
 * IPCC 2006 Vol. 1 Ch. 3 Eq. 3.1, the uncertainty of a product of independent quantities:
 * U = √(U₁² + U₂² + … + Uₙ²), each U the half of the 95 % interval as % of the value.
 */
export function productUncertaintyPct(pcts: readonly number[]): number {
  return Math.sqrt(pcts.reduce((s, u) => s + u * u, 0));
}

/**
 * IPCC 2006 Vol. 1 Ch. 3 Eq. 3.2, the uncertainty of a sum (or difference) of independent quantities:
 * U = √((U₁·x₁)² + … + (Uₙ·xₙ)²) / |x₁ + … + xₙ|, in % of the sum; null when the sum is 0.
 */
export function sumUncertaintyPct(items: readonly { value: number; pct: number }[]): number | null {
  const total = items.reduce((s, i) => s + i.value, 0);
  if (total === 0) return null;
  return Math.sqrt(items.reduce((s, i) => s + (i.pct * i.value) ** 2, 0)) / Math.abs(total);
}

/**
 * The coefficient of variation (standard deviation ÷ mean) up to which IPCC 2006 Vol. 1 Ch. 3 §3.2.3.1
 * holds Approach 1 accurate: 0.3, i.e. about ±60 % at 95 % (1.96 × 0.3 = 0.588).
 */
export const APPROACH1_MAX_CV = 0.3;

/** Approach 1 for one quantity: ± % of its value (95 %) and the interval it gives. */
export interface Approach1 {
  /** Half of the 95 % interval as % of the value; null when the value is 0. */
  readonly pct: number | null;
  readonly low: number;
  readonly high: number;
  /** True while the uncertainty is within Approach 1's validity (CV ≤ 0.3, about ±60 %). */
  readonly valid: boolean;
  /**
   * True when the interval is that of a lognormal with the same mean and standard deviation — what
   * MineCarbon gives beyond ±60 % for a positive quantity, where the normal interval would reach below
   * zero; Approach 2 is then the better estimate.
   */
  readonly lognormal: boolean;
}

/**
 * The relative 95 % half-width Approach 1 uses for an input: the larger of its % below and % above
 * (IPCC 2006 Vol. 1 Ch. 3, Table 3.2 notes: for an asymmetric range, the larger difference between
 * the mean and a confidence limit).
 */
export function approach1Pct(i: UncertainInput): number {
  return Math.max(i.lowPct, i.highPct);
}

/**
 * Approach 1 (error propagation) for every quantity of a model: Eq. 3.1 and 3.2 in their first-order
 * form over independent inputs — the half-width of quantity Q is √Σₖ (Sₖ·uₖ)², with Sₖ = Σ over Q's
 * terms of power × term value (the change of Q per relative change of input k) and uₖ input k's
 * relative half-width. For a single product this is Eq. 3.1; for a sum of terms with distinct inputs,
 * Eq. 3.2. An input shared by several terms (a GWP, one coefficient used on several areas) is one
 * input: its error moves all of them together, as IPCC requires of correlated inputs. Inputs whose
 * sum is fixed (the class areas of one boundary) are taken as Approach 2 draws them (fixedSumMembers):
 * input k's relative error δₖ also moves member i by −wᵢ·xₖ·δₖ/xᵢ, so its sensitivity becomes
 * Sₖ − xₖ·Σᵢ wᵢ·Sᵢ/xᵢ — the area times how far its per-hectare effect lies from the members' weighted
 * mean. The total then carries no area error, nor does a figure with one coefficient on every area.
 */
export function approach1(model: UncertaintyModel): Map<string, Approach1> {
  const u = new Map<string, number>();
  for (const i of model.inputs.values()) u.set(i.key, i.value === 0 ? 0 : approach1Pct(i) / 100);
  // Sensitivities and values of the base quantities (those made of terms).
  const sens = new Map<string, Map<string, number>>();
  const values = new Map<string, number>();
  for (const t of model.terms)
    for (const q of t.quantities) {
      values.set(q, (values.get(q) ?? 0) + t.value);
      let s = sens.get(q);
      if (!s) sens.set(q, (s = new Map()));
      for (const i of t.inputs) s.set(i.key, (s.get(i.key) ?? 0) + i.power * t.value);
    }
  const groups = (model.fixedSums ?? []).map((g) => fixedSumMembers(model, g)).filter((g) => g.length);
  const out = new Map<string, Approach1>();
  for (const q of model.quantities) {
    let value = q.constant ?? 0;
    let s: Map<string, number>;
    if (q.parts) {
      s = new Map();
      for (const p of q.parts) {
        value += p.sign * (values.get(p.key) ?? 0);
        for (const [k, v] of sens.get(p.key) ?? []) s.set(k, (s.get(k) ?? 0) + p.sign * v);
      }
      values.set(q.key, value);
      sens.set(q.key, s);
    } else {
      value += values.get(q.key) ?? 0;
      s = sens.get(q.key) ?? new Map();
    }
    if (groups.length) s = withFixedSums(s, groups);
    let variance = 0;
    for (const [k, v] of s) variance += (v * (u.get(k) ?? 0)) ** 2;
    out.set(q.key, interval(value, Math.sqrt(variance)));
  }
  return out;
}

/** Sensitivities with each fixed-sum group's constraint applied: Sₖ − xₖ·Σᵢ wᵢ·Sᵢ/xᵢ for its members. */
function withFixedSums(
  s: ReadonlyMap<string, number>,
  groups: readonly ReturnType<typeof fixedSumMembers>[],
): Map<string, number> {
  const out = new Map(s);
  for (const g of groups) {
    const mean = g.reduce((a, m) => a + (m.weight * (s.get(m.key) ?? 0)) / m.value, 0);
    if (mean === 0) continue;
    for (const m of g) out.set(m.key, (s.get(m.key) ?? 0) - m.value * mean);
  }
  return out;
}

/** The Approach 1 interval of `value` with 95 % half-width `halfWidth`. */
function interval(value: number, halfWidth: number): Approach1 {
  if (value === 0)
    return { pct: null, low: -halfWidth, high: halfWidth, valid: halfWidth === 0, lognormal: false };
  const pct = (halfWidth / Math.abs(value)) * 100;
  const cv = pct / 100 / 1.96;
  const valid = cv <= APPROACH1_MAX_CV;
  if (valid || value < 0)
    return { pct, low: value - halfWidth, high: value + halfWidth, valid, lognormal: false };
  // A lognormal with mean `value` and the same coefficient of variation: s² = ln(1 + CV²).
  const s = Math.sqrt(Math.log(1 + cv * cv));
  return {
    pct,
    low: value * Math.exp(-(s * s) / 2 - 1.96 * s),
    high: value * Math.exp(-(s * s) / 2 + 1.96 * s),
    valid,
    lognormal: true,
  };
}
