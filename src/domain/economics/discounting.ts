/**
 * Capital recovery factor: the share of a capital cost paid each year over `years` at `rate` so
 * that the payments are worth the capital today, CRF = r (1 + r)^n / ((1 + r)^n − 1); 1/n at r = 0.
 */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (years <= 0) throw new Error(`internal: a lifetime must be positive; got ${years}`);
  if (rate === 0) return 1 / years;
  const g = (1 + rate) ** years;
  return (rate * g) / (g - 1);
}

/** Present value in `baseYear` of amounts by year: Σ amount_t / (1 + r)^(t − baseYear). */
export function presentValue(amounts: ReadonlyMap<number, number>, rate: number, baseYear: number): number {
  let pv = 0;
  for (const [year, a] of amounts) pv += a / (1 + rate) ** (year - baseYear);
  return pv;
}
