import { NonFiniteQuantityError } from "../../units/quantity.ts";
import { InputError, nonFiniteName } from "./input-issue.ts";
import { formatPath } from "./zod-issues.ts";

/**
 * The last check on a computed result before it is printed or stored: every number in it must be
 * finite. The input bounds (input-bounds.ts) keep every real computation far from overflow, so this
 * fires only when a combination of in-range inputs still overflows; without it an ∞ or NaN would be
 * printed as "∞" or stored as JSON null and later shown as 0. Throws InputError (bad input: exit 2,
 * HTTP 400) naming `source`, the first result field that is not finite, and what to check (`hint`,
 * naming the inputs it comes from). Returns the result unchanged.
 */
export function assertFiniteResult<T>(result: T, source: string, hint: string): T {
  return checkFinite(result, source, hint);
}

/**
 * `compute()` checked like assertFiniteResult, including a quantity that overflowed on the way:
 * the unit converters refuse to build ∞ or NaN (NonFiniteQuantityError), which is the same bad
 * input reached one step earlier, so it is named the same way (the quantity instead of the field).
 */
export function finiteResultOf<T>(compute: () => T, source: string, hint: string): T {
  let result: T;
  try {
    result = compute();
  } catch (e) {
    if (!(e instanceof NonFiniteQuantityError)) throw e;
    const name = typeof e.value === "number" ? nonFiniteName(e.value) : undefined;
    throw new InputError(source, [{ path: e.what, message: overflowMessage(name ?? String(e.value), hint) }]);
  }
  return checkFinite(result, source, hint);
}

function overflowMessage(name: string, hint: string): string {
  return `came out as ${name === ".nan" ? "not a number" : "infinite"} (${name}): the inputs are too large to compute with; ${hint}`;
}

function checkFinite<T>(result: T, source: string, hint: string): T {
  // An explicit stack: results are shallow, but a walk should never recurse on data.
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: result, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "number") {
      const name = nonFiniteName(value);
      if (name !== undefined)
        throw new InputError(source, [{ path: formatPath(path), message: overflowMessage(name, hint) }]);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return result;
}
