import { isUncertain, type UncertainInput } from "./uncertain-input.ts";

/**
 * One product in a computation: its value at the inputs' central values and the inputs it is the
 * product of (power −1 for a divisor). Every figure of an inventory or a budget is a sum of such
 * terms (E = Σ A·e; CO2 = amount × NCV × carbon content × oxidation × 44/12; a forest's sink =
 * area × (a + b·V) × CF ÷ age …), which is what IPCC 2006 Vol. 1 Ch. 3 Eq. 3.1 (products) and Eq. 3.2
 * (sums) propagate. With each input drawn, a term's value is value × Π (drawn/central)^power.
 */
export interface Term {
  readonly value: number;
  readonly inputs: readonly { readonly key: string; readonly power: 1 | -1 }[];
  /** The quantities this term is part of (a source category, and e.g. what CCS can capture). */
  readonly quantities: readonly string[];
}

/** A figure the analysis reports: the sum of its terms, or a signed sum of other quantities plus a constant. */
export interface QuantityDef {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** Derived quantities: Σ sign × part (+ constant); base quantities have none. */
  readonly parts?: readonly { readonly key: string; readonly sign: 1 | -1 }[];
  /** An exact amount added (offsets, a quantity without uncertain inputs). */
  readonly constant?: number;
  /** False for quantities kept only for constraints (not reported). */
  readonly report?: boolean;
}

/**
 * A physical rule each draw must keep (methane recovered ≤ methane liberated; CO2 stored ≤ the CO2 CCS
 * can capture): a draw that breaks it is drawn again, so the draws are those consistent with it.
 */
export interface Constraint {
  readonly atMost: string;
  readonly of: string;
  readonly what: string;
}

/**
 * Inputs whose sum is known exactly although each is uncertain: the class areas of one map of a
 * boundary, whose total is the boundary's (misclassification moves area between classes, so their
 * errors are negatively correlated). Each draw of the group's independent errors is conditioned on
 * their sum being zero (fixedSumMembers); Approach 1 propagates the same constraint to first order.
 * Inputs of the group that are exact (no interval, or 0) neither gain nor lose.
 */
export interface FixedSum {
  /** Input keys (activity inputs of one unit ≥ 0, e.g. ha). */
  readonly inputs: readonly string[];
  /** What is held fixed, in words for the output (e.g. "the areas (49,408.27 ha in all)"). */
  readonly what: string;
}

/** Everything an uncertainty analysis needs: the inputs, the terms and the quantities to report. */
export interface UncertaintyModel {
  readonly inputs: ReadonlyMap<string, UncertainInput>;
  readonly terms: readonly Term[];
  readonly quantities: readonly QuantityDef[];
  readonly constraints: readonly Constraint[];
  /** Groups of inputs drawn with their sum fixed (none when absent). */
  readonly fixedSums?: readonly FixedSum[];
}

/** Collects the inputs and terms of a computation as it runs. */
export class ModelBuilder {
  readonly #inputs = new Map<string, UncertainInput>();
  readonly #terms: Term[] = [];
  readonly #quantities: QuantityDef[] = [];
  readonly #constraints: Constraint[] = [];
  readonly #fixedSums: FixedSum[] = [];

  /** Registers an input (once per key; the first registration wins) and returns its key. */
  input(i: UncertainInput): string {
    if (!this.#inputs.has(i.key)) this.#inputs.set(i.key, i);
    return i.key;
  }

  /** Adds a term of `value` = the product of `inputs` (keys; "/key" for a divisor) to `quantities`. */
  term(quantities: string | readonly string[], value: number, inputs: readonly string[]): void {
    if (value === 0) return;
    this.#terms.push({
      value,
      quantities: typeof quantities === "string" ? [quantities] : quantities,
      inputs: inputs.map((k) => (k.startsWith("/") ? { key: k.slice(1), power: -1 } : { key: k, power: 1 })),
    });
  }

  quantity(q: QuantityDef): void {
    this.#quantities.push(q);
  }

  constraint(c: Constraint): void {
    this.#constraints.push(c);
  }

  /** Holds the sum of `inputs` (registered keys) at its central value in every draw (see FixedSum). */
  fixedSum(inputs: readonly string[], what: string): void {
    if (inputs.length) this.#fixedSums.push({ inputs: [...inputs], what });
  }

  /** Adds another builder's inputs, terms, quantities, constraints and fixed sums (e.g. one year of several). */
  merge(other: UncertaintyModel): void {
    for (const i of other.inputs.values()) this.input(i);
    this.#terms.push(...other.terms);
    this.#quantities.push(...other.quantities);
    this.#constraints.push(...other.constraints);
    this.#fixedSums.push(...(other.fixedSums ?? []));
  }

  build(): UncertaintyModel {
    const unknown = [
      ...this.#terms.flatMap((t) => t.inputs.map((i) => i.key)),
      ...this.#fixedSums.flatMap((g) => g.inputs),
    ].find((k) => !this.#inputs.has(k));
    if (unknown) throw new Error(`internal: input ${unknown} was not registered`);
    const grouped = this.#fixedSums.flatMap((g) => g.inputs);
    if (grouped.some((k) => !(this.#inputs.get(k)!.value >= 0)))
      throw new Error("internal: a fixed-sum group holds a negative input");
    if (new Set(grouped).size !== grouped.length)
      throw new Error("internal: an input is in two fixed-sum groups");
    return {
      inputs: new Map(this.#inputs),
      terms: [...this.#terms],
      quantities: [...this.#quantities],
      constraints: [...this.#constraints],
      fixedSums: [...this.#fixedSums],
    };
  }
}

/**
 * The members of a fixed-sum group that move in the draws (uncertain inputs), each with its central
 * value and its share of the group's error variance, wᵢ = (xᵢ·uᵢ)² / Σⱼ (xⱼ·uⱼ)² (uᵢ its relative
 * half-width, the larger side as Approach 1 takes it). Holding the sum fixed moves each member's error
 * by −wᵢ × the group's summed error: the conditional of independent normal errors given that they sum
 * to zero. Unlike rescaling every member in proportion to its size, this never makes a member more
 * uncertain than its own interval says (a small class keeps about its own; the largest gives up most).
 */
export function fixedSumMembers(
  model: UncertaintyModel,
  group: FixedSum,
): readonly { readonly key: string; readonly value: number; readonly weight: number }[] {
  const members = group.inputs
    .map((k) => model.inputs.get(k)!)
    .filter(isUncertain)
    .map((i) => ({ key: i.key, value: i.value, variance: (i.value * Math.max(i.lowPct, i.highPct)) ** 2 }));
  const total = members.reduce((s, m) => s + m.variance, 0);
  return total > 0 ? members.map((m) => ({ key: m.key, value: m.value, weight: m.variance / total })) : [];
}

/** The central value of each quantity: the sum of its terms, or its signed parts plus its constant. */
export function centralValues(model: UncertaintyModel): Map<string, number> {
  const base = new Map<string, number>();
  for (const t of model.terms) for (const q of t.quantities) base.set(q, (base.get(q) ?? 0) + t.value);
  return resolveQuantities(model.quantities, base);
}

/** Values of every quantity from the sums of the base quantities' terms (derived ones in order). */
export function resolveQuantities(
  quantities: readonly QuantityDef[],
  sums: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of quantities) {
    let v = q.constant ?? 0;
    if (q.parts) for (const p of q.parts) v += p.sign * (out.get(p.key) ?? sums.get(p.key) ?? 0);
    else v += sums.get(q.key) ?? 0;
    out.set(q.key, v);
  }
  return out;
}
