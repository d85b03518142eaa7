import type { LanduseResult } from "../contract/landuse-result.ts";
import type { ScenarioDefaults } from "../contract/scenario-defaults.ts";
import {
  STRUCTURE_PROBLEM_SCHEMA_VERSION,
  type AreaStructureProblem,
} from "../contract/structure-problem.ts";
import { structureProblemSchema } from "../domain/optimize/structure-problem.ts";
import { structureFromLanduse, type LandUseClassArea } from "../domain/optimize/structure-from-landuse.ts";

/** The class areas of a land-use result's last year, by legend class (its key is the class's role). */
export function lastYearClasses(r: LanduseResult): { year: number; classes: LandUseClassArea[] } {
  const year = Math.max(...r.classes.map((c) => c.year));
  const areaOf = new Map(r.classes.filter((c) => c.year === year).map((c) => [c.code, c.area_ha]));
  return {
    year,
    classes: r.legend.classes.map((c) => ({
      code: c.code,
      role: c.key,
      name: c.name,
      areaHa: areaOf.get(c.code) ?? 0,
    })),
  };
}

/**
 * The structure problem of an area from its latest finished land-use analysis (`analysis`), with
 * the coal output asked for or, when none is, the sum of the latest inventory year of each of its
 * mines (`mines`, as scenario defaults give them); none when it has none.
 */
export function areaStructureProblem(o: {
  areaId: string;
  areaName: string;
  analysis: { id: string; staleReason: string | null; result: LanduseResult };
  mines: ScenarioDefaults["mines"];
  coefficientSet: string;
  coalOutputT?: number;
  yearsOpen: number;
}): AreaStructureProblem {
  const { year, classes } = lastYearClasses(o.analysis.result);
  const coalOutput =
    o.coalOutputT !== undefined
      ? { tPerYr: o.coalOutputT, source: "the request" }
      : o.mines.length
        ? {
            tPerYr: o.mines.reduce((s, m) => s + m.coalOutputT, 0),
            source: `the latest inventory of ${o.mines.map((m) => `${m.mine} (${m.baseYear})`).join(", ")}`,
          }
        : null;
  const densitySet = o.analysis.result.densitySet ?? null;
  const built = structureFromLanduse({
    areaName: o.areaName,
    year,
    classes,
    coefficientSetId: o.coefficientSet,
    densitySetId: densitySet,
    ...(coalOutput ? { coalOutputTPerYr: coalOutput.tPerYr, coalOutputSource: coalOutput.source } : {}),
    yearsOpen: o.yearsOpen,
  });
  return {
    schemaVersion: STRUCTURE_PROBLEM_SCHEMA_VERSION,
    areaId: o.areaId,
    analysisId: o.analysis.id,
    year,
    stale: Boolean(o.analysis.staleReason),
    coefficientSet: o.coefficientSet,
    densitySet,
    coalOutput,
    classNames: built.problem.classes.map((k) => {
      const members = o.analysis.result.legend.classes.filter((c) => c.key === k.key);
      const zh = members.some((c) => c.nameZh) ? members.map((c) => c.nameZh || c.name).join("、") : null;
      return { key: k.key, codes: members.map((c) => c.code), name: k.name, nameZh: zh };
    }),
    held: [...built.held],
    // The document as the optimizer reads it (defaults filled), checked against its spec here.
    problem: structureProblemSchema.parse(built.problem),
  };
}
