import { boundRule, formatBound, QUANTITY_BOUNDS } from "../common/input-bounds.ts";
import { unitConversion } from "../factor/factor-units.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { InputIssue } from "../validation/input-issue.ts";
import type { InventoryYearInput } from "../mine/inventory-spec.ts";
import type { Scenario } from "./scenario-spec.ts";

/**
 * The land a scenario can reclaim: the baseline year's industrial and mining land (`miningLandHa`)
 * where the inventory gives it, else the land of the boundary not counted as a sink (boundary minus
 * the forest stands and ecosystems) — no plan reclaims land that does not exist or that is already
 * counted as forest, farmland or grassland.
 */
export function reclaimableLand(y: InventoryYearInput): { ha: number; what: string } {
  if (y.miningLandHa !== undefined) {
    const ha = Math.min(y.miningLandHa, y.boundaryAreaHa);
    return {
      ha,
      what: `the ${fmt(ha)} ha of industrial and mining land of the baseline year ${y.year} (miningLandHa${ha < y.miningLandHa ? `, within the ${fmt(y.boundaryAreaHa)} ha boundary` : ""})`,
    };
  }
  const sinks =
    y.sinks.forest.reduce((a, f) => a + f.areaHa, 0) + y.sinks.ecosystems.reduce((a, e) => a + e.areaHa, 0);
  const ha = Math.max(0, y.boundaryAreaHa - sinks);
  return {
    ha,
    what: `the ${fmt(ha)} ha of the baseline year ${y.year} not counted as a sink (boundary ${fmt(y.boundaryAreaHa)} ha − ${fmt(sinks)} ha of forest stands and ecosystems; give miningLandHa to state the industrial and mining land)`,
  };
}

/**
 * Reclamation beyond the land that exists, at the measure whose hectares pass it (all reclamation
 * measures together). With `after`, only the cohorts reclaimed after that year count (a plan re-based
 * on an actual year whose land is what remains).
 */
export function reclamationCapProblems(
  s: Scenario,
  baseYear: InventoryYearInput,
  after?: number,
): InputIssue[] {
  const cap = reclaimableLand(baseYear);
  const out: InputIssue[] = [];
  let total = 0;
  s.measures.forEach((m, i) => {
    if (m.kind !== "reclamation") return;
    const first = after === undefined ? m.start : Math.max(m.start, after + 1);
    const cohorts = Math.max(0, m.start + m.years - first);
    total += m.hectaresPerYear * cohorts;
    if (cohorts > 0 && total > cap.ha * (1 + 1e-12) + 1e-9)
      out.push({
        path: `measures[${i}].hectaresPerYear`,
        message: `reclaims ${fmt(total)} ha in all, more than ${cap.what}`,
      });
  });
  return out;
}

const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * Checks a scenario's reclamation against its baseline land use: each `from` class must exist and
 * hold at least the hectares reclaimed from it over all measures. Returns the problems with paths.
 */
function reclamationProblems(s: Scenario): InputIssue[] {
  const land = s.baseline.landUse;
  const out: InputIssue[] = [];
  const taken = new Map<string, number>();
  s.measures.forEach((m, i) => {
    if (m.kind !== "reclamation" || m.from === undefined) return;
    if (!land) {
      out.push({
        path: `measures[${i}].from`,
        message: "needs baseline.landUse (ha by class) to check against",
      });
      return;
    }
    if (!(m.from in land)) {
      out.push({
        path: `measures[${i}].from`,
        message: `"${m.from}" is not a class of baseline.landUse (${Object.keys(land).join(", ")})`,
      });
      return;
    }
    const total = (taken.get(m.from) ?? 0) + m.hectaresPerYear * m.years;
    taken.set(m.from, total);
    if (total > land[m.from]! + 1e-9)
      out.push({
        path: `measures[${i}].hectaresPerYear`,
        message: `reclaims ${fmt(total)} ha from ${m.from} in all, more than its ${fmt(land[m.from]!)} ha`,
      });
  });
  return out;
}

/**
 * Everything about a scenario that its schema cannot see: measures starting after the end year,
 * a coal-output path whose years do not rise, reclamation beyond the baseline land use, and prices
 * that are not factors in CNY/t CO2e. Paths are the scenario's own (measures[2].start …).
 */
export function scenarioProblems(s: Scenario, table: FactorTable): InputIssue[] {
  const out: InputIssue[] = [];
  s.measures.forEach((m, i) => {
    if (m.start > s.endYear)
      out.push({
        path: `measures[${i}].start`,
        message: `must not be after endYear (${s.endYear}); got ${m.start}`,
      });
    const areaHa = QUANTITY_BOUNDS.areaHa;
    if (m.kind === "reclamation" && m.soilTCPerHa !== undefined && m.soilSource === undefined)
      out.push({
        path: `measures[${i}].soilSource`,
        message:
          "must say where soilTCPerHa comes from (a study of reclaimed soils, or 'assumption'); got nothing",
      });
    if (m.kind === "reclamation" && m.growthSource !== undefined && m.k === undefined && m.c === undefined)
      out.push({
        path: `measures[${i}].growthSource`,
        message:
          "is the source of this measure's own k and c; give them, or cite the scenario's curve at standGrowth.source",
      });
    if (m.kind === "reclamation" && m.hectaresPerYear * m.years > areaHa.max)
      out.push({
        path: `measures[${i}].hectaresPerYear`,
        message: `× years (${m.years}) is the area reclaimed in all, which ${boundRule(areaHa)}; got ${m.hectaresPerYear} ha/yr, ${formatBound(m.hectaresPerYear * m.years)} ha in all`,
      });
  });
  s.coalOutput?.forEach((p, i) => {
    if (i > 0 && p.year <= s.coalOutput![i - 1]!.year)
      out.push({
        path: `coalOutput[${i}].year`,
        message: `must come after the year before it (${s.coalOutput![i - 1]!.year}); got ${p.year}`,
      });
  });
  out.push(...reclamationProblems(s));
  const price = (path: string, ref: number | string | undefined) => {
    if (typeof ref !== "string") return;
    const f = table.peek(ref);
    if (!f)
      out.push({
        path,
        message: `must be a price in CNY/t CO2e or a factor id (see \`minecarbon factors list --grep price\`); got "${ref}"`,
      });
    else if (unitConversion(f.unit, "CNY/t CO2e") === undefined)
      out.push({ path, message: `must be a factor in CNY/t CO2e; ${ref} is in "${f.unit}"` });
  };
  if (s.economics) {
    price("economics.carbonPrice.start", s.economics.carbonPrice.start);
    price("economics.offsetPrice.start", s.economics.offsetPrice.start);
    price("economics.carbonTax", s.economics.carbonTax);
  }
  return out;
}
