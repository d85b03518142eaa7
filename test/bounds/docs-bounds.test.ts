import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  COUNT_BOUNDS,
  DRAW_BOUNDS,
  MAX_TEXT_FILE_BYTES,
  QUANTITY_BOUNDS,
  RUN_BOUNDS,
  SEED_RANGE,
  TEXT_BOUNDS,
  WORK_BOUNDS,
} from "../../src/domain/common/input-bounds.ts";
import { UNCERTAINTY_PCT_BOUNDS } from "../../src/domain/factor/uncertainty/uncertainty-spec.ts";
import { GEOJSON_BOUNDS } from "../../src/domain/landuse/polygon-geojson.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

const page = readFileSync(join(PROJECT_ROOT, "docs", "input-bounds.md"), "utf8").replace(/\s+/g, " ");
const grouped = (n: number) => n.toLocaleString("en-US");
const exponent = (n: number) => n.toExponential().replace("e+", "e");

describe("docs/input-bounds.md lists every bound of input-bounds.ts", () => {
  it.each([...Object.entries(QUANTITY_BOUNDS), ...Object.entries(UNCERTAINTY_PCT_BOUNDS)])(
    "%s: its value and why",
    (_, b) => {
      expect(
        [grouped(b.max), exponent(b.max)].some((s) => page.includes(s)),
        `${b.max}`,
      ).toBe(true);
      // The reason, from its first clause: the page says why, as the code does.
      const why = b.why.split(/[,(;]/)[0]!.trim();
      expect(page.includes(why), why).toBe(true);
    },
  );

  it("counts, lengths, draws, work, seeds, run options and GeoJSON", () => {
    const numbers = [
      ...Object.values(COUNT_BOUNDS),
      ...Object.values(TEXT_BOUNDS),
      ...Object.values(DRAW_BOUNDS),
      WORK_BOUNDS.pathwayRows,
      WORK_BOUNDS.rowsPerInventory,
      SEED_RANGE.max,
      ...Object.values(RUN_BOUNDS).flatMap((r) => [r.min, r.max]),
      GEOJSON_BOUNDS.depth,
      GEOJSON_BOUNDS.vertices,
      GEOJSON_BOUNDS.features,
      GEOJSON_BOUNDS.issues,
    ];
    for (const n of numbers) expect(page.includes(grouped(n)), grouped(n)).toBe(true);
    expect(page.includes(`${MAX_TEXT_FILE_BYTES / 2 ** 20} MiB`)).toBe(true);
  });
});
