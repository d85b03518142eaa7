import { readFileSync } from "node:fs";
import { parseLanduseResult, type LanduseResult } from "../contract/landuse-result.ts";
import { InputError } from "../domain/validation/input-issue.ts";

/** A land-use analysis result as a report reads it: the declared contract's type, nothing of its own. */
export type LanduseResultForReport = LanduseResult;

/**
 * Reads an analysis's summary.json for a report: a file that is not JSON or is cut short is bad
 * input naming the file; one that is not a land-use result (the contract's schema) names the field.
 */
export function readLanduseReportInput(path: string): LanduseResultForReport {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new InputError(path, [
      {
        path: "",
        message: `is not a readable summary.json (${e instanceof Error ? e.message : String(e)}); run \`minecarbon landuse analyze\` again to rewrite it`,
      },
    ]);
  }
  return parseLanduseResult(raw, path);
}
