import type { LanduseResult } from "../contract/landuse-result.ts";
import { analysisInputFromFiles, type AnalysisFiles } from "./analysis-files.ts";
import { runLanduseAnalysis } from "./run-landuse-analysis.ts";

export type { DatedMap, LanduseAnalysisInput } from "./analysis-input.ts";
export { DEFAULT_DEFLATE_LEVEL, OUTSIDE_ZONES } from "./plan-analysis.ts";
export { runLanduseAnalysis } from "./run-landuse-analysis.ts";

/** An analysis of files: the maps, and a legend (preset or CSV), pool table, rules and polygons as files. */
export type AnalyzeOptions = AnalysisFiles;

/**
 * The land-use analysis of files (the CLI's `landuse analyze`, the demo): reads them into values
 * (problems name the file) and runs the analysis on those (`runLanduseAnalysis`).
 */
export async function analyzeLanduse(o: AnalyzeOptions): Promise<LanduseResult> {
  return runLanduseAnalysis(await analysisInputFromFiles(o));
}

/** @deprecated the declared result: `LanduseResult` of src/contract/landuse-result.ts. */
