import type { ClassPools, PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { boundRule, QUANTITY_BOUNDS } from "../domain/common/input-bounds.ts";
import { describeValue, InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { legendFromTable } from "./read-legend-file.ts";
import { readCsvTable } from "./read-csv-table.ts";

const POOL_COLUMNS = ["c_above", "c_below", "c_soil", "c_dead"] as const;
const DENSITY = QUANTITY_BOUNDS.densityTCPerHa;

/**
 * An InVEST carbon-pool table (`lucode,c_above,c_below,c_soil,c_dead`, t C/ha, optional LULC_name),
 * loaded unchanged. With a name column it can also serve as the legend.
 */
export function readPoolTable(path: string): { pools: PoolTable; legend?: Legend } {
  const t = readCsvTable(path);
  const lower = new Map(t.header.map((h) => [h.toLowerCase(), h]));
  const missing = ["lucode", ...POOL_COLUMNS].filter((c) => !lower.has(c));
  if (missing.length)
    throw new InputError(path, [
      {
        path: "header",
        message: `an InVEST pool table needs columns lucode, c_above, c_below, c_soil, c_dead (t C/ha); missing ${missing.join(", ")}`,
      },
    ]);
  const issues: InputIssue[] = [];
  const classes: ClassPools[] = [];
  const seen = new Set<number>();
  t.rows.forEach((row, i) => {
    const at = `row ${i + 2}`;
    const code = Number(row[lower.get("lucode")!]);
    if (!Number.isInteger(code) || code < 0 || code > 65535) {
      issues.push({
        path: `${at}, lucode`,
        message: `must be a whole number 0–65535; got "${row[lower.get("lucode")!]}"`,
      });
      return;
    }
    if (seen.has(code)) issues.push({ path: `${at}, lucode`, message: `lucode ${code} appears twice` });
    seen.add(code);
    const v = POOL_COLUMNS.map((c) => {
      const raw = row[lower.get(c)!]!;
      const n = Number(raw);
      const rule =
        raw === "" || !Number.isFinite(n)
          ? "must be a finite number, a density ≥ 0 in t C/ha"
          : n < 0
            ? "must be a density ≥ 0 in t C/ha"
            : n > DENSITY.max
              ? boundRule(DENSITY)
              : undefined;
      if (rule) issues.push({ path: `${at}, ${c}`, message: `${rule}; got ${describeValue(raw)}` });
      return n;
    });
    classes.push({ code, aboveTCPerHa: v[0]!, belowTCPerHa: v[1]!, soilTCPerHa: v[2]!, deadTCPerHa: v[3]! });
  });
  if (issues.length) throw new InputError(path, issues);
  const pools: PoolTable = { source: path, classes };
  const hasName = ["lulc_name", "name", "lulc_desc", "description"].some((c) => lower.has(c));
  return hasName ? { pools, legend: legendFromTable(t).legend } : { pools };
}
