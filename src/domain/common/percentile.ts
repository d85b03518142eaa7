/**
 * The p-th percentile (0–100) of sorted values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and numpy).
 */
export function percentileOfSorted(sorted: Float64Array | readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("a percentile needs at least one value");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`a percentile must be within 0–100; got ${p}`);
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}
