import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { percentileOfSorted } from "../../common/percentile.ts";
import { isUncertain, type UncertainInput } from "./uncertain-input.ts";
import { fixedSumMembers, type UncertaintyModel } from "./uncertainty-model.ts";

/**
 * How to run Approach 2: the number of draws (bounded by DRAW_BOUNDS), the seed, and percentiles
 * (0–100) to report beside the 2.5th, 50th and 97.5th (none when absent).
 */
export interface DrawOptions {
  readonly draws: number;
  readonly seed: number;
  readonly percentiles?: readonly number[];
}

/** A seeded source of standard normal numbers (xoroshiro128+, Box–Muller): same seed, same draws. */
export class NormalSource {
  readonly #rng: ReturnType<typeof xoroshiro128plus>;
  #spare: number | undefined;

  constructor(seed: number) {
    this.#rng = xoroshiro128plus(seed);
  }

  next(): number {
    if (this.#spare !== undefined) {
      const s = this.#spare;
      this.#spare = undefined;
      return s;
    }
    const u1 = 1 - uniformFloat64(this.#rng); // (0, 1]
    const u2 = uniformFloat64(this.#rng);
    const r = Math.sqrt(-2 * Math.log(u1));
    this.#spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }
}

/** How Approach 2 draws each input, in words for the output. */
export const SAMPLING_TEXT =
  "each uncertain input drawn once per draw, independently: normal when its 95 % interval is symmetric; when it is not, a two-piece normal with its median at the value and its 2.5th and 97.5th percentiles at the ends of the interval; cut at zero for inputs that cannot change sign";

/** How a group of inputs with a fixed sum is drawn, in words for the output (after the group's `what`). */
export const FIXED_SUM_TEXT =
  "drawn as above, then their errors conditioned on summing to zero (each takes off its share of the draw's summed error in proportion to its error variance), so that the total stays at its value — misclassification moves area between classes, the boundary's total is known";

/**
 * One draw of an input as a ratio to its value: a two-piece normal whose median is 1 and whose 2.5th
 * and 97.5th percentiles are 1 − lowPct and 1 + highPct (a normal when they are equal), drawn again
 * below zero when the interval does not reach below zero (the input cannot change sign).
 */
export function drawRatio(i: UncertainInput, normal: NormalSource): number {
  return twoPieceRatio(i.lowPct / 100 / 1.96, i.highPct / 100 / 1.96, i.lowPct <= 100, normal);
}

/** drawRatio with the standard deviations below and above (fractions) and the cut at zero given. */
function twoPieceRatio(below: number, above: number, cut: boolean, normal: NormalSource): number {
  for (let tries = 0; tries < 1000; tries++) {
    const z = normal.next();
    const r = 1 + z * (z < 0 ? below : above);
    if (!cut || r >= 0) return r;
  }
  return 0;
}

/** Approach 2 for one quantity, from its draws. */
export interface Approach2 {
  readonly mean: number;
  readonly median: number;
  /** 2.5th and 97.5th percentiles: the 95 % interval. */
  readonly low: number;
  readonly high: number;
  /** % below and above the mean of the interval's ends, and half its width as % of the mean; null when the mean is 0. */
  readonly lowPct: number | null;
  readonly highPct: number | null;
  readonly pct: number | null;
  /** The percentiles asked for (DrawOptions.percentiles), keyed "P5", "P50" …; absent when none were. */
  readonly percentiles?: Readonly<Record<string, number>>;
}

/** Approach 2 for every reported quantity of a model, with how many draws a constraint sent back. */
export interface MonteCarloRun {
  readonly stats: ReadonlyMap<string, Approach2>;
  readonly draws: number;
  readonly kept: number;
  readonly rejected: number;
}

/**
 * Approach 2 (Monte Carlo): every uncertain input drawn `draws` times (drawRatio), each term
 * recomputed as value × Π ratio^power, the quantities summed, and each quantity's mean, median and
 * 95 % interval (2.5th and 97.5th percentiles) taken from its draws. The errors of a fixed-sum
 * group's members are conditioned in each draw on summing to zero (fixedSumMembers). A draw that
 * breaks a constraint of the model, or takes a member of a fixed-sum group below zero, is drawn again
 * (at most 20 times the draws in all). Same seed, same result.
 */
export function approach2(model: UncertaintyModel, o: DrawOptions): MonteCarloRun {
  if (!Number.isInteger(o.draws) || o.draws < 1)
    throw new RangeError(`draws must be a whole number ≥ 1; got ${o.draws}`);
  const inputs = [...model.inputs.values()].filter(isUncertain).sort((a, b) => a.key.localeCompare(b.key));
  const index = new Map(inputs.map((i, n) => [i.key, n]));
  // Every quantity (declared, or only named by terms) gets a slot; derived ones are computed in order.
  const slot = new Map<string, number>();
  const slotOf = (key: string) => {
    let n = slot.get(key);
    if (n === undefined) slot.set(key, (n = slot.size));
    return n;
  };
  for (const t of model.terms) for (const q of t.quantities) slotOf(q);
  const derived = model.quantities
    .filter((q) => q.parts || q.constant)
    .map((q) => ({
      at: slotOf(q.key),
      constant: q.constant ?? 0,
      parts: (q.parts ?? []).map((p) => ({ at: slotOf(p.key), sign: p.sign })),
      ownTerms: !q.parts,
    }));
  for (const q of model.quantities) slotOf(q.key);
  const terms = model.terms.map((t) => ({
    value: t.value,
    inputs: t.inputs.filter((i) => index.has(i.key)).map((i) => ({ at: index.get(i.key)!, power: i.power })),
    quantities: t.quantities.map((q) => slot.get(q)!),
  }));
  const constraints = model.constraints.map((c) => ({ atMost: slotOf(c.atMost), of: slotOf(c.of) }));
  const groups = (model.fixedSums ?? [])
    .map((g) => fixedSumMembers(model, g))
    .filter((g) => g.length)
    .map((g) => ({
      at: Int32Array.from(g, (m) => index.get(m.key)!),
      value: Float64Array.from(g, (m) => m.value),
      // The change of a member's ratio per unit of summed error: its weight ÷ its value.
      share: Float64Array.from(g, (m) => m.weight / m.value),
    }));
  const reported = model.quantities
    .filter((q) => q.report !== false)
    .map((q) => ({ key: q.key, at: slot.get(q.key)! }));
  const samples = reported.map(() => new Float64Array(o.draws));
  const normal = new NormalSource(o.seed);
  const ratios = new Float64Array(inputs.length);
  // The inputs' spreads, read once (the inputs' objects are of many shapes: slow to read per draw).
  const below = Float64Array.from(inputs, (i) => i.lowPct / 100 / 1.96);
  const above = Float64Array.from(inputs, (i) => i.highPct / 100 / 1.96);
  const cut = inputs.map((i) => i.lowPct <= 100);
  const values = new Float64Array(slot.size);
  let kept = 0;
  let rejected = 0;
  const maxAttempts = o.draws * 20;
  draw: while (kept < o.draws && kept + rejected < maxAttempts) {
    for (let n = 0; n < inputs.length; n++) ratios[n] = twoPieceRatio(below[n]!, above[n]!, cut[n]!, normal);
    for (const g of groups) {
      let error = 0;
      for (let m = 0; m < g.at.length; m++) error += g.value[m]! * (ratios[g.at[m]!]! - 1);
      for (let m = 0; m < g.at.length; m++) {
        const r = (ratios[g.at[m]!]! -= g.share[m]! * error);
        // An area cannot be negative: such a draw is drawn again, like one breaking a constraint.
        if (r < 0) {
          rejected++;
          continue draw;
        }
      }
    }
    values.fill(0);
    for (const t of terms) {
      let v = t.value;
      for (const i of t.inputs) v *= i.power === 1 ? ratios[i.at]! : 1 / ratios[i.at]!;
      for (const q of t.quantities) values[q]! += v;
    }
    for (const d of derived) {
      let v = d.constant + (d.ownTerms ? values[d.at]! : 0);
      for (const p of d.parts) v += p.sign * values[p.at]!;
      values[d.at] = v;
    }
    if (constraints.some((c) => values[c.atMost]! > values[c.of]! * (1 + 1e-12) + 1e-9)) {
      rejected++;
      continue;
    }
    for (let n = 0; n < reported.length; n++) samples[n]![kept] = values[reported[n]!.at]!;
    kept++;
  }
  const stats = new Map<string, Approach2>();
  if (kept > 0)
    reported.forEach((q, n) => stats.set(q.key, summarise(samples[n]!.subarray(0, kept), o.percentiles)));
  return { stats, draws: o.draws, kept, rejected };
}

/** Mean, median and 95 % interval of draws, and the percentiles (0–100) asked for. */
export function summarise(draws: Float64Array, percentiles?: readonly number[]): Approach2 {
  let sum = 0;
  for (const v of draws) sum += v;
  const mean = sum / draws.length;
  const sorted = Float64Array.from(draws).sort();
  const low = percentileOfSorted(sorted, 2.5);
  const high = percentileOfSorted(sorted, 97.5);
  const rel = (v: number) => (mean === 0 ? null : (v / Math.abs(mean)) * 100);
  return {
    mean,
    median: percentileOfSorted(sorted, 50),
    low,
    high,
    lowPct: rel(mean - low),
    highPct: rel(high - mean),
    pct: rel((high - low) / 2),
    ...(percentiles?.length
      ? { percentiles: Object.fromEntries(percentiles.map((p) => [`P${p}`, percentileOfSorted(sorted, p)])) }
      : {}),
  };
}
