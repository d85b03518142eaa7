/**
 * Accuracy of a classified map against reference samples (Congalton & Green): the confusion
 * matrix (rows = class on the map, columns = reference class), overall accuracy, Cohen's kappa,
 * producer's accuracy per reference class and user's accuracy per map class. Seed 001 accepts a
 * map with overall accuracy ≥ 85% and kappa ≥ 0.75; below that the result carries a warning.
 */
export const SEED001_THRESHOLDS = { overallAccuracy: 0.85, kappa: 0.75 } as const;

export interface AccuracyAssessment {
  readonly codes: readonly number[];
  /** K×K sample counts, row-major: [map class][reference class]. */
  readonly matrix: readonly (readonly number[])[];
  readonly samples: number;
  readonly overallAccuracy: number;
  readonly kappa: number;
  /** Per reference class: correct / reference total (null with no reference sample). */
  readonly producers: readonly { code: number; accuracy: number | null; samples: number }[];
  /** Per map class: correct / map total (null when no sample fell on it). */
  readonly users: readonly { code: number; accuracy: number | null; samples: number }[];
  readonly warnings: readonly string[];
}

/** Assesses (map class, reference class) pairs; `codes` orders the matrix and must hold every class seen. */
export function assessAccuracy(
  pairs: readonly { map: number; reference: number }[],
  codes: readonly number[],
): AccuracyAssessment {
  const k = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const p of pairs) {
    const i = index.get(p.map);
    const j = index.get(p.reference);
    if (i === undefined || j === undefined)
      throw new RangeError(`class ${i === undefined ? p.map : p.reference} is not among ${codes.join(", ")}`);
    m[i]![j]!++;
  }
  const n = pairs.length;
  const rows = m.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = codes.map((_, j) => m.reduce((a, r) => a + r[j]!, 0));
  const correct = codes.reduce((a, _, i) => a + m[i]![i]!, 0);
  const oa = n > 0 ? correct / n : 0;
  const pe = n > 0 ? codes.reduce((a, _, i) => a + rows[i]! * cols[i]!, 0) / (n * n) : 0;
  const kappa = pe < 1 ? (oa - pe) / (1 - pe) : 1;
  const warnings: string[] = [];
  if (n === 0) warnings.push("no samples to assess");
  else {
    if (oa < SEED001_THRESHOLDS.overallAccuracy)
      warnings.push(`overall accuracy ${(oa * 100).toFixed(1)}% is below the 85% seed 001 requires`);
    if (kappa < SEED001_THRESHOLDS.kappa)
      warnings.push(`kappa ${kappa.toFixed(3)} is below the 0.75 seed 001 requires`);
  }
  return {
    codes,
    matrix: m,
    samples: n,
    overallAccuracy: oa,
    kappa,
    producers: codes.map((code, j) => ({
      code,
      samples: cols[j]!,
      accuracy: cols[j]! > 0 ? m[j]![j]! / cols[j]! : null,
    })),
    users: codes.map((code, i) => ({
      code,
      samples: rows[i]!,
      accuracy: rows[i]! > 0 ? m[i]![i]! / rows[i]! : null,
    })),
    warnings,
  };
}
