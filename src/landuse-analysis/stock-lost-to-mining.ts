import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import { stockChange, type Conversion } from "../domain/budget/stock-change.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import type { TransferMatrix } from "../domain/landuse/transfer-matrix.ts";
import { ha } from "../units/index.ts";

const SINKS = ["arable", "forest", "grassland"];
const MINING = ["open-pit", "stripping", "dump", "industrial"];

/** Whether a legend names seed 001's sink classes and at least one mining class. */
export function fitsSeed001(legend: Legend): boolean {
  const keys = new Set(legend.classes.map((c) => c.key));
  return SINKS.every((s) => keys.has(s)) && MINING.some((m) => keys.has(m));
}

/**
 * Seed 001 §3.2: soil and vegetation carbon lost once when arable land, forest and grassland are
 * taken by mining (Yang et al. 2019 densities from the factor library), from the one-step matrix.
 * Only for legends that name these classes (seed 001's keys); undefined otherwise.
 */
export function stockLostToMining(legend: Legend, onestep: TransferMatrix, factors: FactorTable) {
  const keyOf = new Map(legend.classes.map((c) => [c.code, c.key]));
  if (!fitsSeed001(legend)) return undefined;
  const k = onestep.codes.length;
  const conversions: Conversion[] = [];
  onestep.codes.forEach((from, i) =>
    onestep.codes.forEach((to, j) => {
      const f = keyOf.get(from)!;
      const t = keyOf.get(to)!;
      const area = onestep.areaHa[i * k + j]!;
      if (SINKS.includes(f) && MINING.includes(t) && area > 0)
        conversions.push({
          label: `${f} → ${t}, ${onestep.fromYear}–${onestep.toYear}`,
          from: f,
          to: t,
          area: ha(area),
        });
    }),
  );
  const table = factors.fresh();
  const result = stockChange(conversions, DENSITY_SETS["seed001-yang2019"]!, table);
  return {
    ...result,
    conversions: [...result.conversions],
    byStage: [...result.byStage],
    byZone: [...result.byZone],
    factorsUsed: table.used(),
  };
}
