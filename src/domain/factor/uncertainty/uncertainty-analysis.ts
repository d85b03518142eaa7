import { approach1, type Approach1 } from "./error-propagation.ts";
import { approach2, FIXED_SUM_TEXT, SAMPLING_TEXT, type Approach2, type DrawOptions } from "./monte-carlo.ts";
import { isUncertain, type UncertainInput } from "./uncertain-input.ts";
import { centralValues, type UncertaintyModel } from "./uncertainty-model.ts";

/** One reported figure with its Approach 1 and Approach 2 uncertainty side by side. */
export interface UncertaintyRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** The computation's own figure (the central values of every input). */
  readonly value: number;
  readonly approach1: Approach1;
  /** Null when no draw could be kept (see the warnings). */
  readonly approach2: Approach2 | null;
}

/** An input taken as exact, and why. */
export interface ExactInput {
  readonly key: string;
  readonly label: string;
  readonly reason: string;
}

/**
 * IPCC 2006 Vol. 1 Ch. 3 Approach 1 (error propagation) and Approach 2 (Monte Carlo) over the same
 * inputs, for every reported figure; the inputs with their intervals and where each comes from; the
 * inputs taken as exact.
 */
export interface UncertaintyAnalysis {
  readonly method: string;
  readonly sampling: string;
  readonly draws: number;
  readonly seed: number;
  /** Draws kept (all, unless a physical constraint sent some back). */
  readonly keptDraws: number;
  readonly rejectedDraws: number;
  readonly rows: readonly UncertaintyRow[];
  /** Every input with a non-zero interval. */
  readonly inputs: readonly UncertainInput[];
  /** Inputs without any range: no range in their source and no default for their kind (warned). */
  readonly takenAsExact: readonly ExactInput[];
  /** Inputs exact by definition (stoichiometry, a gas density) or by convention (GWP values, Tier 1 "no change"). */
  readonly exactByDefinition: readonly ExactInput[];
  readonly warnings: readonly string[];
}

/** What the two approaches do, in one sentence for the output. */
export const UNCERTAINTY_METHOD =
  "IPCC 2006 Vol. 1 Ch. 3: Approach 1 propagates each input's 95 % interval through the products (Eq. 3.1) and sums (Eq. 3.2) of the computation, each input counted once; Approach 2 draws every input and recomputes. Uncertainty is half the 95 % interval as % of the mean";

/** Runs both approaches over a model and says what they leave out. */
export function uncertaintyAnalysis(model: UncertaintyModel, o: DrawOptions): UncertaintyAnalysis {
  const a1 = approach1(model);
  const a2 = approach2(model, o);
  const central = centralValues(model);
  const rows = model.quantities
    .filter((q) => q.report !== false)
    .map((q): UncertaintyRow => ({
      key: q.key,
      label: q.label,
      unit: q.unit,
      value: central.get(q.key) ?? 0,
      approach1: a1.get(q.key)!,
      approach2: a2.stats.get(q.key) ?? null,
    }));
  const all = [...model.inputs.values()].sort((a, b) => a.key.localeCompare(b.key));
  const named = (i: UncertainInput) => (i.kind === "factor" ? i.key.slice("factor:".length) : i.label);
  const takenAsExact = all
    .filter((i) => i.basis === "none" && i.value !== 0)
    .map((i) => ({ key: i.key, label: named(i), reason: i.source }));
  const exactByDefinition = all
    .filter((i) => i.basis === "definition" || i.basis === "convention")
    .map((i) => ({ key: i.key, label: named(i), reason: `${i.basis}: ${i.source}` }));
  return {
    method: UNCERTAINTY_METHOD,
    sampling: samplingText(model),
    draws: o.draws,
    seed: o.seed,
    keptDraws: a2.kept,
    rejectedDraws: a2.rejected,
    rows,
    inputs: all.filter(isUncertain),
    takenAsExact,
    exactByDefinition,
    warnings: analysisWarnings(all, takenAsExact, rows, a2.kept, a2.rejected, o.draws, model),
  };
}

/**
 * How Approach 2 drew this model's inputs: the common rule, then each group held to a fixed sum (the
 * physical rules a draw must keep are named in the warnings when they send draws back).
 */
function samplingText(model: UncertaintyModel): string {
  return [SAMPLING_TEXT, ...(model.fixedSums ?? []).map((g) => `${g.what}: ${FIXED_SUM_TEXT}`)].join("; ");
}

function analysisWarnings(
  inputs: readonly UncertainInput[],
  exact: readonly ExactInput[],
  rows: readonly UncertaintyRow[],
  kept: number,
  rejected: number,
  draws: number,
  model: UncertaintyModel,
): string[] {
  const w: string[] = [];
  const factors = exact.filter((e) => e.key.startsWith("factor:")).map((e) => e.label);
  const activity = exact.filter((e) => e.key.startsWith("activity:")).map((e) => e.label);
  if (factors.length)
    w.push(
      `factors taken as exact (no range in their source and no default uncertainty for their kind), so the uncertainty ranges leave out theirs: ${factors.join(", ")}; give them a range (low, high) in a --factors file`,
    );
  if (activity.length)
    w.push(
      `activity data taken as exact (no default uncertainty for their kind): ${activity.join("; ")}; give each its own uncertainty ({ pct } or { lowPct, highPct })`,
    );
  const defaults = new Map<string, UncertainInput>();
  for (const i of inputs)
    if (i.basis === "default" && (i.status === "unverified" || i.status === "assumption") && i.defaultId)
      defaults.set(i.defaultId, i);
  for (const [id, i] of defaults)
    w.push(
      `default uncertainty ${id} (−${i.lowPct} %/+${i.highPct} %, ${i.activityKind ?? "factors like " + i.key.slice(7)}) is ${i.status === "assumption" ? "an ASSUMPTION" : "UNVERIFIED"}: ${i.source}`,
    );
  const beyond = rows.filter((r) => !r.approach1.valid).map((r) => r.label);
  if (beyond.length)
    w.push(
      `Approach 1 is beyond its validity for ${beyond.join(", ")} (uncertainty above about ±60 %: IPCC holds it accurate while the standard deviation is below 0.3 of the mean); its interval there is a lognormal's for positive figures — Approach 2 is the better estimate`,
    );
  const rules = [
    ...model.constraints.map((c) => c.what),
    ...(model.fixedSums ?? []).map((g) => `${g.what} ≥ 0 each with their total held`),
  ].join(" or ");
  if (kept < draws)
    w.push(
      `only ${kept} of ${draws} Monte Carlo draws could be kept: ${rejected} broke ${rules}; give the amounts involved uncertainties that allow it`,
    );
  else if (rejected > 0)
    w.push(
      `${rejected} Monte Carlo draws broke ${rules} and were drawn again (the draws kept are those consistent with it)`,
    );
  return w;
}
