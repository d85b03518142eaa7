import type { FactorTable } from "../factor/factor-table.ts";
import { drawRatio, NormalSource } from "../factor/uncertainty/monte-carlo.ts";
import type { UncertainInput } from "../factor/uncertainty/uncertain-input.ts";
import { InputError } from "../validation/input-issue.ts";
import type { PathwayDrawRun } from "./pathway-uncertainty.ts";
import { projectPathway } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

/**
 * The pathway's draws as they were first computed, kept as the reference for the compiled model (tests
 * and bench/pathway-draws.ts): each draw scales the baseline year's drawn activity data in the document,
 * multiplies the drawn factors in a copy of the table and projects the whole scenario again (about 7 ms
 * a draw for the Yongning pathway to 2060). Same inputs, seed and order of draws as pathwayDraws.
 */
export function pathwayDrawsByProjection(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
  drawn: readonly UncertainInput[],
  o: { draws: number; seed: number },
): PathwayDrawRun {
  const doc = baseline as { years: Record<string, unknown>[] };
  const wanted = scenario.baseline.year;
  const at = wanted === undefined ? doc.years.length - 1 : doc.years.findIndex((y) => y.year === wanted);
  const normal = new NormalSource(o.seed);
  const nets: number[][] = [];
  const neutral: number[] = [];
  let years: number[] = [];
  let rejected = 0;
  while (
    nets.length < o.draws &&
    nets.length + rejected < o.draws * 20 &&
    (nets.length > 0 || rejected < 50)
  ) {
    const factorRatios = new Map<string, number>();
    const base = structuredClone(doc.years[at]!);
    for (const i of drawn) {
      const r = drawRatio(i, normal);
      if (i.kind === "factor") factorRatios.set(i.key.slice("factor:".length), r);
      else scaleAt(base, i.key.slice("activity:".length), r);
    }
    const drawnYears = doc.years.map((y, n) => (n === at ? base : y));
    let r;
    try {
      r = projectPathway(scenario, { ...doc, years: drawnYears }, table.withRatios(factorRatios), source, {
        effects: false,
      });
    } catch (e) {
      // A draw may break a physical constraint (methane recovered above methane liberated, CO2
      // stored above the point-source CO2): drawn again, so the draws are those consistent with it.
      if (e instanceof InputError) {
        rejected++;
        continue;
      }
      throw e;
    }
    years = r.years.map((y) => y.year);
    nets.push(r.years.map((y) => y.netTCO2e));
    if (r.neutralYear !== null) neutral.push(r.neutralYear);
  }
  return {
    years,
    nets: years.map((_, y) => Float64Array.from(nets, (n) => n[y]!)),
    neutral,
    rejected,
  };
}

/** Multiplies the number at `path` ("energy[0].amount", "sinks.forest[2].areaHa") of `obj` by `r`. */
function scaleAt(obj: Record<string, unknown>, path: string, r: number): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let node: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (typeof node[last] !== "number") throw new Error(`internal: no number at ${path}`);
  node[last] = (node[last] as number) * r;
}
