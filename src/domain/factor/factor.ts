/**
 * How sure we are of a factor's value (`../shared/research/factors.md`: P, S, UNVERIFIED):
 * - `primary`: seen in the source's own text (or a reproduction of it), or a definition;
 * - `secondary`: seen in a compilation, a transcription or a press report that cites the source;
 * - `unverified`: attributed to a source, but not found in any source text reviewed;
 * - `assumption`: no source at all — a value chosen (or derived from chosen values) by whoever wrote it.
 */
export type FactorStatus = "primary" | "secondary" | "unverified" | "assumption";

/** The statuses, strongest first. */
export const FACTOR_STATUSES: readonly FactorStatus[] = ["primary", "secondary", "unverified", "assumption"];

/** What each status means, for listings and reports. */
export const FACTOR_STATUS_TEXT: Readonly<Record<FactorStatus, string>> = {
  primary: "seen in the source's own text, or a definition",
  secondary: "seen in a compilation, transcription or press report that cites the source",
  unverified: "attributed to a source, but not found in any source text reviewed",
  assumption: "no source: a value chosen by whoever wrote it",
};

/**
 * One coefficient with everything needed to cite and check it. `value` is the central value;
 * `low`/`high` bound its range where the source gives one. `unit` is a unit of the factor-unit
 * registry (`factor-units.ts`).
 */
export interface Factor {
  readonly id: string;
  readonly quantity: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  /** The gas or element the factor is about (C, CO2, CH4, N2O) or "-". */
  readonly gas: string;
  /** Reference basis: NCV/GCV, 20C/0C gas volume, tC/tCO2, "unstated" … */
  readonly basis: string;
  readonly source: string;
  /** Table, page or equation in the source. */
  readonly table: string;
  readonly status: FactorStatus;
  readonly region: string;
  readonly validFrom?: number;
  readonly validTo?: number;
  /** Which series of a family the value belongs to (e.g. grid factors: carbon market vs national average). */
  readonly series: string;
  readonly note?: string;
  /** Where this row came from: the shipped library file, or a user's factor file. */
  readonly origin: string;
}

/** A factor as used by one result: the values it had and whether a user's file overrode the library. */
export interface FactorUse {
  readonly id: string;
  readonly quantity: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  readonly source: string;
  readonly table: string;
  readonly status: FactorStatus;
  readonly overridden: boolean;
  readonly origin: string;
}

/** A user's row that replaced a library row of the same id. */
export interface FactorOverride {
  readonly id: string;
  readonly libraryValue: number;
  readonly libraryUnit: string;
  readonly value: number;
  readonly unit: string;
  readonly origin: string;
}
