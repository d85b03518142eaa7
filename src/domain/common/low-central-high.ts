/** A value with its low and high bounds (same unit), e.g. from a coefficient's published range. */
export interface LowCentralHigh {
  readonly low: number;
  readonly central: number;
  readonly high: number;
}

/** Adds ranges bound by bound (low + low, central + central, high + high). */
export function addRanges(a: LowCentralHigh, b: LowCentralHigh): LowCentralHigh {
  return { low: a.low + b.low, central: a.central + b.central, high: a.high + b.high };
}

/** a − b as a range: the low end pairs a's low with b's high, and the other way round. */
export function subtractRanges(a: LowCentralHigh, b: LowCentralHigh): LowCentralHigh {
  return { low: a.low - b.high, central: a.central - b.central, high: a.high - b.low };
}

/** Every bound × k (k ≥ 0). */
export function scaleRange(a: LowCentralHigh, k: number): LowCentralHigh {
  if (k < 0) throw new RangeError(`a range can only be scaled by k ≥ 0; got ${k}`);
  return { low: a.low * k, central: a.central * k, high: a.high * k };
}

/** The zero range. */
export const ZERO_RANGE: LowCentralHigh = { low: 0, central: 0, high: 0 };
