/**
 * A number that carries its unit in its type. `U` is a `unique symbol` type, one per unit, so two
 * units can never be confused by the compiler (a string brand can collide; a unique symbol cannot).
 * Only the constructors and converters in `src/units` cast a plain number to a Quantity.
 */
declare const unitTag: unique symbol;
export type Quantity<U> = number & { readonly [unitTag]: U };

/** Thrown when a quantity would be built from a value that is not a finite number. */
export class NonFiniteQuantityError extends Error {
  readonly code = "non-finite-quantity";
  constructor(
    readonly what: string,
    readonly value: unknown,
  ) {
    super(`${what} must be a finite number; got ${String(value)}`);
  }
}

/** Casts a finite number to a quantity; internal to `src/units`. */
export function quantity<U>(value: number, what: string): Quantity<U> {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new NonFiniteQuantityError(what, value);
  return value as Quantity<U>;
}

/** a + b, both in the same unit. */
export function add<U>(a: Quantity<U>, b: Quantity<U>): Quantity<U> {
  return (a + b) as Quantity<U>;
}

/** a − b, both in the same unit. */
export function sub<U>(a: Quantity<U>, b: Quantity<U>): Quantity<U> {
  return (a - b) as Quantity<U>;
}

/** a × k for a dimensionless k; the unit is unchanged. */
export function scale<U>(a: Quantity<U>, k: number): Quantity<U> {
  return (a * k) as Quantity<U>;
}

/** −a. */
export function negate<U>(a: Quantity<U>): Quantity<U> {
  return -a as Quantity<U>;
}

/** Σ xs in the unit of the items; the empty sum is 0 of that unit. */
export function sum<U>(xs: readonly Quantity<U>[]): Quantity<U> {
  let total = 0;
  for (const x of xs) total += x;
  return total as Quantity<U>;
}

/** a / b of the same unit: a dimensionless ratio (for shares and percentages). */
export function ratio<U>(a: Quantity<U>, b: Quantity<U>): number {
  return a / b;
}

/** The zero of any unit. */
export function zero<U>(): Quantity<U> {
  return 0 as Quantity<U>;
}
