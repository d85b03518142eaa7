import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { runLanduseAnalysis } from "../../src/landuse-analysis/run-landuse-analysis.ts";
import { domainText } from "../../src/presentation/i18n/domain-text.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

/*
 * The land-use analysis's own warnings (analysis-summary.ts) in Chinese, as its real run writes
 * them: the patterns of domain-text.ts must keep up with the producer's English.
 */

const dir = mkdtempSync(join(tmpdir(), "mc-analysis-warnings-zh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("domainText: the land-use analysis's warnings", () => {
  it("pixels that are nodata at some dates only", async () => {
    // 4×4 maps of arable (1); the first pixel is nodata (0) in 2000 only.
    writeCodeRaster(join(dir, "a.tif"), [0, ...new Array<number>(15).fill(1)], 4, 4, { nodata: 0 });
    writeCodeRaster(join(dir, "b.tif"), new Array<number>(16).fill(1), 4, 4, { nodata: 0 });
    const result = await runLanduseAnalysis({
      maps: [
        { year: 2000, path: join(dir, "a.tif") },
        { year: 2010, path: join(dir, "b.tif") },
      ],
      legend: LEGEND_PRESETS.seed001!,
      zoning: "none",
      out: join(dir, "out"),
      workers: 0,
    });
    const w = result.warnings.find((x) => x.includes("nodata at some dates"));
    expect(w).toBeDefined();
    expect(domainText("zh", w!)).toBe(
      "1 个像元在部分（而非全部）日期为无数据，已从所有日期中剔除，使各矩阵覆盖相同的范围",
    );
    expect(domainText("en", w!)).toBe(w);
  });
});
