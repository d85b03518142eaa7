import { boundRule, formatBound, QUANTITY_BOUNDS } from "../common/input-bounds.ts";
import { unitConversion } from "../factor/factor-units.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { InputIssue } from "../validation/input-issue.ts";
import type { Scenario } from "./scenario-spec.ts";

/**
 * Checks a scenario's reclamation against its baseline land use: each `from` class must exist and
 * hold at least the hectares reclaimed from it over all measures. Returns the problems with paths.
 */
function reclamationProblems(s: Scenario): InputIssue[] {
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
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
