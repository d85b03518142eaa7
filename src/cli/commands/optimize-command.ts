import type { FactorOverride, FactorUse } from "../../domain/factor/factor.ts";
import { optimizeStructure, type StructureResult } from "../../domain/optimize/optimize-structure.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readStructureProblemFile } from "../../io/read-structure-problem.ts";
import { highsSolver } from "../../solver/highs-solver.ts";

/** `minecarbon optimize`: reads a land-use structure problem, solves it with HiGHS. */
export async function runOptimize(
  file: string,
  o: { factors?: string[] },
): Promise<
  StructureResult & {
    assumptions: string[];
    factors: { libraryVersion: string; used: FactorUse[]; overrides: FactorOverride[] };
  }
> {
  const table = factorTable(o.factors ?? []);
  const { problem, assumptions } = readStructureProblemFile(file, table);
  return {
    ...(await optimizeStructure(problem, highsSolver, file)),
    assumptions,
    // The factors the problem drew on, with sources and statuses, as every other result carries.
    factors: { libraryVersion: table.libraryVersion, used: table.used(), overrides: table.usedOverrides() },
  };
}
