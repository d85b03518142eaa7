import { describe, expect, it } from "vitest";
import proj4 from "proj4";
import { demoGrid } from "./write-demo-data.ts";
import { DEMO_PLOT_BLOCKS, demoPlotPolygon } from "./demo-plots.ts";
import { syntheticMiningArea } from "./synthetic-mining-area.ts";

const ARABLE = 1;
const isMining = (code: number) => code >= 7 && code <= 10; // open pit, stripping, dump, industrial

describe("the demo's plots", () => {
  const area = syntheticMiningArea(1986);
  const m2009 = area.maps.get(2009)!;
  const m2018 = area.maps.get(2018)!;

  it.each(DEMO_PLOT_BLOCKS)("$name shows $shows on every pixel of the 2009 and 2018 maps", (b) => {
    for (let r = b.row; r < b.row + b.sizePx; r++)
      for (let c = b.col; c < b.col + b.sizePx; c++) {
        const [before, after] = [m2009[r * area.width + c]!, m2018[r * area.width + c]!];
        const ok =
          b.shows === "arable-to-mining"
            ? before === ARABLE && isMining(after)
            : b.shows === "mining-stays"
              ? isMining(before) && isMining(after)
              : before === ARABLE && after === ARABLE;
        expect(ok, `pixel (${c}, ${r}): ${before} → ${after}`).toBe(true);
      }
  });

  it("puts each polygon's corners on the block's pixel edges (within 1 cm) and holds its pixel centres", () => {
    const grid = demoGrid(area.width, area.height, area.pixelSizeM);
    const toGrid = proj4("EPSG:4326", grid.crs.proj4!);
    for (const b of DEMO_PLOT_BLOCKS) {
      const ring = demoPlotPolygon(b).coordinates[0]!;
      const px = ring.map((p) => {
        const [x, y] = toGrid.forward(p as [number, number]);
        return [(x - grid.originX) / 30, (grid.originY - y) / 30];
      });
      const near = (v: number, want: number) => expect(Math.abs(v - want)).toBeLessThan(0.001);
      near(px[0]![0]!, b.col);
      near(px[0]![1]!, b.row + b.sizePx);
      near(px[2]![0]!, b.col + b.sizePx);
      near(px[2]![1]!, b.row);
    }
  });
});
