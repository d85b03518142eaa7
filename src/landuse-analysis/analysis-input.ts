import type { PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { ValuationInput } from "../domain/landuse/carbon-valuation.ts";
import type { ZeroChangeRule } from "../domain/landuse/intensity-analysis.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import type { ZoningRules } from "../domain/landuse/zoning-rules.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";

/** One land-use map: its year and the GeoTIFF it is in (streamed block by block, never read whole). */
export interface DatedMap {
  readonly year: number;
  readonly path: string;
}

/** Polygons given as a GeoJSON value, with the name its user knows it by (a file, "the area's boundary"). */
export interface PolygonsInput {
  readonly name: string;
  readonly geojson: unknown;
  /** The property naming each feature's zone; `name` (or `zone`) by default. */
  readonly nameField?: string;
}

/**
 * How the caller's user fixes a problem the analysis finds, in the caller's terms (a CLI option, an
 * API field); the analysis itself names inputs, never a caller's options. Neutral texts by default.
 */
export interface Remedies {
  /** When two maps' grids differ only in extent: how to resample onto the first grid. */
  readonly alignGrids: string;
  /** When seed 001's zoning rules do not fit the legend: what to give or choose instead. */
  readonly zoningRules: string;
  /** How to give carbon densities (a pool table). */
  readonly densities: string;
}

export const NEUTRAL_REMEDIES: Remedies = {
  alignGrids: "align them by nearest neighbour to resample onto the first grid",
  zoningRules: "give zoning rules for its classes",
  densities: "a carbon-pool table",
};

/** Zoning: rules (the given ones, or seed 001's when the legend fits), data-driven (needs pools), or none. */
export type ZoningMode = "rules" | "data-driven" | "none";

/**
 * What a land-use analysis takes: values (a legend, a pool table, zoning rules, polygons), the maps
 * as files (they are streamed), and the folder to write into.
 */
export interface LanduseAnalysisInput {
  readonly maps: readonly DatedMap[];
  readonly legend: Legend;
  /** How the user knows the legend in messages ("legend clcd", "the area's legend"); `legend <id>` by default. */
  readonly legendName?: string;
  /** Carbon densities per legend class (t C/ha); `source` names it in messages. */
  readonly pools?: PoolTable;
  /** Zoning rules to apply (read for this legend); seed 001's when omitted and the legend fits. */
  readonly rules?: ZoningRules;
  /** Without it: the rules, seed 001's when the legend fits, data-driven with pools, none otherwise. */
  readonly zoning?: ZoningMode;
  /** Count only inside these polygons. */
  readonly boundary?: PolygonsInput;
  /** Count per zone of these polygons (and once more outside them). */
  readonly zones?: PolygonsInput;
  /** Resample dates whose grid differs onto the first date's grid by nearest neighbour. */
  readonly alignNearest?: boolean;
  readonly out: string;
  readonly workers?: number;
  readonly blockRows?: number;
  readonly zeroRule?: ZeroChangeRule;
  readonly deflateLevel?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Loads the factor library: for the seed 001 stock loss on conversion to mining (when the legend
   * fits) and for a valuation price given as a factor id.
   */
  readonly factors?: () => Promise<FactorTable>;
  /** InVEST's valuation of the storage change (needs `pools`): price, its yearly change, discount rate. */
  readonly valuation?: ValuationInput;
  /** Warnings found while reading the inputs (e.g. legend columns not used); they lead the result's. */
  readonly inputWarnings?: readonly string[];
  readonly remedies?: Partial<Remedies>;
}
