import { optimiseStructure, type StructureResult } from "../../domain/optimise/optimise-structure.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readStructureProblemFile } from "../../io/read-structure-problem.ts";
import { highsSolver } from "../../optimise/highs-solver.ts";

/** `minecarbon optimize`: reads a land-use structure problem, solves it with HiGHS. */
export async function runOptimize(
  file: string,
  o: { factors?: string[] },
): Promise<StructureResult & { assumptions: string[] }> {
  const { problem, assumptions } = readStructureProblemFile(file, factorTable(o.factors ?? []));
  return { ...(await optimiseStructure(problem, highsSolver, file)), assumptions };
}
