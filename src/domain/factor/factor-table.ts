import type { Factor, FactorOverride, FactorUse } from "./factor.ts";
import { unitConversion, FACTOR_UNITS } from "./factor-units.ts";
import type { UncertaintyDefault } from "./uncertainty/uncertainty-default.ts";

/** Thrown when a computation asks for a factor the table does not have, or in a unit it cannot be read in. */
export class FactorLookupError extends Error {
  readonly code = "bad-input";
}

/** A factor's value in a requested unit, with its range in the same unit. */
export interface FactorValue {
  readonly id: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly factor: Factor;
}

/**
 * The factors one computation may draw on (library + user rows), which remembers every id it was
 * asked for so that the result can list exactly the factors it used, their sources and overrides.
 */
export class FactorTable {
  readonly libraryVersion: string;
  readonly overrides: readonly FactorOverride[];
  /** The default uncertainties shipped with the library (uncertainty-defaults.csv), for factors and activity data. */
  readonly uncertaintyDefaults: readonly UncertaintyDefault[];
  readonly #byId: ReadonlyMap<string, Factor>;
  readonly #used = new Map<string, Factor>();

  constructor(
    factors: Iterable<Factor>,
    libraryVersion: string,
    overrides: readonly FactorOverride[] = [],
    uncertaintyDefaults: readonly UncertaintyDefault[] = [],
  ) {
    const byId = new Map<string, Factor>();
    for (const f of factors) byId.set(f.id, f);
    this.#byId = byId;
    this.libraryVersion = libraryVersion;
    this.overrides = overrides;
    this.uncertaintyDefaults = uncertaintyDefaults;
  }

  /** A fresh table over the same factors that has used nothing yet (one per computation). */
  fresh(): FactorTable {
    return new FactorTable(
      this.#byId.values(),
      this.libraryVersion,
      this.overrides,
      this.uncertaintyDefaults,
    );
  }

  /**
   * A fresh table in which each factor of `ratios` has its value, low and high multiplied by the
   * ratio (one Monte Carlo draw of the factors; a factor's chosen bound moves with its value).
   */
  withRatios(ratios: ReadonlyMap<string, number>): FactorTable {
    const drawn = [...this.#byId.values()].map((f) => {
      const r = ratios.get(f.id);
      if (r === undefined || r === 1) return f;
      return {
        ...f,
        value: f.value * r,
        ...(f.low !== undefined ? { low: f.low * r } : {}),
        ...(f.high !== undefined ? { high: f.high * r } : {}),
      };
    });
    return new FactorTable(drawn, this.libraryVersion, this.overrides, this.uncertaintyDefaults);
  }

  /** True when the table holds `id`. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Factor `id` without recording it as used (for input checks), or undefined. */
  peek(id: string): Factor | undefined {
    return this.#byId.get(id);
  }

  /** Every factor, in id order. */
  all(): Factor[] {
    return [...this.#byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The factor `id`, recorded as used. Throws a FactorLookupError naming near ids when it is missing. */
  factor(id: string): Factor {
    const f = this.#byId.get(id);
    if (!f) throw new FactorLookupError(this.#missingMessage(id));
    this.#used.set(id, f);
    return f;
  }

  /**
   * The factor `id` converted to `unit` (value, low, high), recorded as used. A unit of another
   * dimension is an error that names both units.
   */
  value(id: string, unit: string): FactorValue {
    const f = this.factor(id);
    if (!FACTOR_UNITS[unit]) throw new Error(`internal: unit "${unit}" is not in the factor-unit registry`);
    const k = unitConversion(f.unit, unit);
    if (k === undefined) {
      throw new FactorLookupError(
        `factor ${id} is in "${f.unit}", which cannot be read as "${unit}"; give a factor in a unit of the same kind`,
      );
    }
    return {
      id,
      value: f.value * k,
      low: (f.low ?? f.value) * k,
      high: (f.high ?? f.value) * k,
      unit,
      factor: f,
    };
  }

  /** The factors asked for so far, in id order, each marked when a user's file overrode it. */
  used(): FactorUse[] {
    const overridden = new Set(this.overrides.map((o) => o.id));
    return [...this.#used.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((f) => ({
        id: f.id,
        quantity: f.quantity,
        value: f.value,
        ...(f.low !== undefined ? { low: f.low } : {}),
        ...(f.high !== undefined ? { high: f.high } : {}),
        unit: f.unit,
        source: f.source,
        table: f.table,
        status: f.status,
        overridden: overridden.has(f.id),
        origin: f.origin,
      }));
  }

  /** The overrides among the factors used so far. */
  usedOverrides(): FactorOverride[] {
    return this.overrides.filter((o) => this.#used.has(o.id));
  }

  /**
   * Warnings for used factors that are not backed by a source text: status "unverified" (attributed
   * to a source not found) or "assumption" (no source at all).
   */
  unverifiedWarnings(): string[] {
    return this.used().flatMap((f) =>
      f.status === "unverified"
        ? [
            `factor ${f.id} (${f.quantity}) is UNVERIFIED: its value was not found in a source text; check it before relying on the result`,
          ]
        : f.status === "assumption"
          ? [
              `factor ${f.id} (${f.quantity}) is an ASSUMPTION: no source gives it; replace it with a sourced value (--factors) before relying on the result`,
            ]
          : [],
    );
  }

  #missingMessage(id: string): string {
    const parts = id.split(".");
    const prefix = parts.length > 1 ? `${parts.slice(0, -1).join(".")}.` : id;
    const near = [...this.#byId.keys()].filter((k) => k.startsWith(prefix)).slice(0, 6);
    return (
      `unknown factor id "${id}"` +
      (near.length ? `; factors with a similar id: ${near.join(", ")}` : "") +
      `; list them with \`minecarbon factors list\` or add it in a factor file (--factors)`
    );
  }
}
