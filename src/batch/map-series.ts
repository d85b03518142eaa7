import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { YEAR_RANGE } from "../domain/common/input-bounds.ts";
import type { DatedMap } from "../landuse-analysis/analysis-input.ts";

/** The most maps one batch reads: one a year from 1985 to 2100. */
export const MAX_BATCH_MAPS = 120;

const isYear = (y: number) => Number.isInteger(y) && y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;

/** Years of a `--years` text: "1990-2020", "2000,2005,2010", or both mixed ("1990-1995,2000"). */
export function parseYears(text: string, issues: InputIssue[]): number[] {
  const years = new Set<number>();
  for (const part of text.split(",").map((s) => s.trim())) {
    const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(part);
    const a = m ? Number(m[1]) : NaN;
    const b = m?.[2] ? Number(m[2]) : a;
    if (!m || !isYear(a) || !isYear(b) || b < a) {
      issues.push({
        path: "years",
        message: `must be years ${YEAR_RANGE.min}–${YEAR_RANGE.max} or ranges like 1990-2020, separated by commas; got "${part}"`,
      });
      continue;
    }
    for (let y = a; y <= b; y++) years.add(y);
  }
  return [...years].sort((x, y) => x - y);
}

/**
 * The maps of a batch, in year order, from `--map YEAR=PATH` (repeated) or from a pattern with
 * `{year}` and `--years`. Every problem is collected; at least two years are needed (transitions).
 */
export function mapSeries(o: { map?: readonly string[]; maps?: string; years?: string }): DatedMap[] {
  const issues: InputIssue[] = [];
  const out: DatedMap[] = [];
  if (o.map?.length && o.maps)
    issues.push({
      path: "maps",
      message: "give either --map YEAR=PATH (repeated) or --maps PATTERN --years, not both",
    });
  for (const m of o.map ?? []) {
    const eq = m.indexOf("=");
    const year = Number(m.slice(0, eq));
    if (eq < 0 || !isYear(year) || !m.slice(eq + 1))
      issues.push({
        path: "map",
        message: `must be YEAR=PATH with a year ${YEAR_RANGE.min}–${YEAR_RANGE.max}; got "${m}"`,
      });
    else out.push({ year, path: m.slice(eq + 1) });
  }
  if (o.maps !== undefined) {
    if (!o.maps.includes("{year}"))
      issues.push({
        path: "maps",
        message: `must hold {year} where the year goes in the file names; got "${o.maps}"`,
      });
    if (!o.years) issues.push({ path: "years", message: "is needed with --maps (e.g. --years 1990-2020)" });
    else
      for (const y of parseYears(o.years, issues))
        out.push({ year: y, path: o.maps.replaceAll("{year}", String(y)) });
  } else if (o.years)
    issues.push({ path: "years", message: "goes with --maps PATTERN; with --map give each YEAR=PATH" });
  const seen = new Set<number>();
  for (const m of out) {
    if (seen.has(m.year)) issues.push({ path: "map", message: `year ${m.year} is given twice` });
    seen.add(m.year);
  }
  if (!issues.length && out.length < 2)
    issues.push({
      path: "map",
      message: `needs maps of at least two years (transitions); got ${out.length}`,
    });
  if (out.length > MAX_BATCH_MAPS)
    issues.push({ path: "map", message: `must be at most ${MAX_BATCH_MAPS} maps; got ${out.length}` });
  if (issues.length) throw new InputError("batch", issues);
  return out.sort((a, b) => a.year - b.year);
}
