import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ValuationInput } from "../../src/domain/landuse/carbon-valuation.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

const at = (f: (r: number) => number) => Array.from({ length: 100 }, (_, i) => f(Math.floor(i / 10)));

/**
 * 10×10 maps of seed 001 codes at three dates: arable (1) turns forest (2) in rows 0–2 by 2010 and
 * rows 0–1 back to arable by 2020; grassland (3) in rows 5–9 throughout; rows 3–4 open pit (7) in
 * 2020. Pools (t C/ha): arable 2 + 8 soil, forest 30 + 10 + 10, grassland 20 soil, the rest 0.
 */
export const THREE_DATE_MAPS = [
  at((r) => (r < 5 ? 1 : 3)),
  at((r) => (r < 3 ? 2 : r < 5 ? 1 : 3)),
  at((r) => (r < 2 ? 1 : r < 3 ? 2 : r < 5 ? 7 : 3)),
];

/** Analyses the three-date maps into `dir/analysis` (written under `dir`); returns that folder. */
export async function threeDateAnalysis(dir: string, valuation?: ValuationInput): Promise<string> {
  THREE_DATE_MAPS.forEach((m, i) => writeCodeRaster(join(dir, `m${i}.tif`), m, 10, 10));
  writeFileSync(
    join(dir, "pools.csv"),
    ["lucode,c_above,c_below,c_soil,c_dead", "1,2,0,8,0", "2,30,10,10,0", "3,0,0,20,0"]
      .concat([4, 5, 6, 7, 8, 9, 10, 11].map((c) => `${c},0,0,0,0`))
      .join("\n"),
  );
  const out = join(dir, "analysis");
  await analyzeLanduse({
    maps: [2000, 2010, 2020].map((year, i) => ({ year, path: join(dir, `m${i}.tif`) })),
    legend: "seed001",
    pools: join(dir, "pools.csv"),
    out,
    workers: 0,
    factors: async () => factorTable(),
    ...(valuation ? { valuation } : {}),
  });
  return out;
}
