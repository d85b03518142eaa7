/** a equals the (finite) bound b within solver precision; never true for an infinite bound. */
export const near = (a: number, b: number): boolean =>
  Number.isFinite(b) && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
