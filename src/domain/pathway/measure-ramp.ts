/** A measure's level in a year: 0 before `start`, rising linearly to `target` over `rampYears`, then held. */
export function rampLevel(year: number, start: number, rampYears: number, target: number): number {
  if (year < start) return 0;
  if (rampYears <= 0) return target;
  return target * Math.min(1, (year - start + 1) / rampYears);
}

/** A value along piecewise-linear points (held flat before the first and after the last). */
export function piecewise(points: readonly { year: number; value: number }[], year: number): number {
  const p = [...points].sort((a, b) => a.year - b.year);
  if (!p.length) throw new Error("internal: piecewise path without points");
  if (year <= p[0]!.year) return p[0]!.value;
  for (let i = 1; i < p.length; i++) {
    const a = p[i - 1]!;
    const b = p[i]!;
    if (year <= b.year) return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
  }
  return p[p.length - 1]!.value;
}

/**
 * Carbon stock of a stand of age `age` years on one hectare, t C/ha (Chapman–Richards):
 * S(a) = S_max (1 − e^(−k a))^c. Growth starts slowly (c > 1), is fastest in mid-life and saturates
 * at S_max, so the yearly sink S(a) − S(a − 1) rises, peaks and falls towards 0.
 */
export function standStockTCPerHa(age: number, maxTCPerHa: number, k: number, c: number): number {
  if (age <= 0) return 0;
  return maxTCPerHa * (1 - Math.exp(-k * age)) ** c;
}
