import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../../src/batch/run-batch.ts";
import type { BatchSummary } from "../../src/batch/batch-summary.ts";
import { mine, readCsv, rect, writeHandMaps, writeMines } from "./batch-fixtures.ts";

/**
 * Hand-worked polygons on the 10 × 10 maps of batch-fixtures (pixel (c, r) centred at c + 0.5,
 * r + 0.5 in pixel units; 30 m pixels of 0.09 ha). GDAL's rule: a pixel is the mine's when its centre
 * is inside the polygon (all_touched=false).
 */
describe("runBatch on hand-worked polygons", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-batch-hand-"));
  const out = join(dir, "out");
  let summary: BatchSummary;
  let rows: Record<string, Record<string, string>[]>;
  beforeAll(async () => {
    const [a, b] = writeHandMaps(dir);
    const mines = writeMines(join(dir, "mines.geojson"), [
      // 2.8 × 1.8 pixels of area but only the centres (1.5, 1.5) and (2.5, 1.5) inside: 2 pixels.
      mine("centre", [rect(0.6, 0.6, 3.4, 2.4)]),
      // The same square grown to reach the centres 0.5 … 3.5 across and 0.5 … 2.5 down: 4 × 3 = 12.
      mine("grown", [rect(0.4, 0.4, 3.6, 2.6)]),
      // 6 × 6 = 36 pixels less a hole of 2 × 2 = 4: 32 pixels.
      mine("holed", [rect(0, 0, 6, 6), rect(2, 2, 4, 4)]),
      // Two squares of 2 × 2: 8 pixels.
      mine(17, [[rect(0, 0, 2, 2)], [rect(8, 8, 10, 10)]], "MultiPolygon"),
      // From (−3, −3) to (2, 2): only its 2 × 2 pixels on the raster count.
      mine("edge", [rect(-3, -3, 2, 2)]),
      mine("outside", [rect(20, 20, 25, 25)]),
      mine("sliver", [rect(0.6, 0.6, 0.9, 0.9)]),
      mine("open-ring", [rect(1, 1, 2, 2).slice(0, 4)]),
      mine(undefined, [rect(1, 1, 2, 2)]),
      mine("centre", [rect(5, 5, 6, 6)]),
      // Two parts overlapping in pixel (2, 2): 9 + 9 − 1 = 17 pixels, each counted once (GDAL burns part by part).
      mine("overlap", [[rect(0, 0, 3, 3)], [rect(2, 2, 5, 5)]], "MultiPolygon"),
    ]);
    summary = await runBatch({
      maps: [
        { year: 2000, path: a! },
        { year: 2010, path: b! },
      ],
      mines,
      idField: "mine_id",
      legend: "seed001",
      out,
      workers: 1,
      checksum: "size+mtime",
    });
    rows = Object.fromEntries(
      ["classes", "transitions", "zones", "mines"].map((f) => [
        f,
        readCsv(readFileSync(join(out, `${f}.csv`), "utf8")),
      ]),
    );
  });

  const mineRow = (id: string) => rows.mines!.find((r) => r.mine_id === id)!;

  it("counts a pixel when its centre is inside (2 and 12 pixels)", () => {
    expect(mineRow("centre").pixels).toBe("2");
    expect(mineRow("grown").pixels).toBe("12");
    // 2 pixels × 0.09 ha.
    expect(Number(mineRow("centre").area_ha)).toBeCloseTo(0.18, 12);
  });

  it("leaves a hole out, and counts both parts of a multipolygon", () => {
    expect(mineRow("holed").pixels).toBe("32");
    expect(mineRow("17").pixels).toBe("8");
  });

  it("counts a pixel inside two parts of a multipolygon once", () => {
    expect(mineRow("overlap").pixels).toBe("17");
  });

  it("counts the part of a polygon inside the rasters and says it crosses the edge", () => {
    expect(mineRow("edge")).toMatchObject({ pixels: "4", crosses_raster_edge: "true", status: "counted" });
    expect(summary.warnings.some((w) => w.includes("mine edge reaches beyond the rasters"))).toBe(true);
  });

  it("classes.csv and transitions.csv of the holed mine, by hand", () => {
    const cls = rows
      .classes!.filter((r) => r.mine_id === "holed")
      .map((r) => [r.year, r.code, r.class, r.pixels]);
    // 2000: rows 0–4 arable: 5 × 6 − 4 (hole) = 26; row 5 forest: 6. 2010: columns 0–4 arable: 6 × 5 − 4 = 26; column 5 open pit: 6.
    expect(cls).toEqual([
      ["2000", "1", "arable land", "26"],
      ["2000", "2", "forest land", "6"],
      ["2010", "1", "arable land", "26"],
      ["2010", "7", "open pit", "6"],
    ]);
    const tr = rows
      .transitions!.filter((r) => r.mine_id === "holed")
      .map((r) => [r.from_code, r.to_code, r.pixels]);
    // arable→arable 5 × 5 − 4 = 21, arable→open pit rows 0–4 of column 5 = 5, forest→arable row 5 columns 0–4 = 5, forest→open pit 1.
    expect(tr).toEqual([
      ["1", "1", "21"],
      ["1", "7", "5"],
      ["2", "1", "5"],
      ["2", "7", "1"],
    ]);
    // Land taken by mining: 6 pixels × 0.09 ha; none reclaimed.
    expect(Number(mineRow("holed").taken_ha_2000_2010)).toBeCloseTo(0.54, 12);
    expect(Number(mineRow("holed").reclaimed_ha)).toBe(0);
  });

  it("zones.csv applies seed 001's rules to the transitions", () => {
    const z = rows.zones!.filter((r) => r.mine_id === "holed").map((r) => [r.zone, r.pixels]);
    // arable→arable invariant 21; arable/forest → open pit emission control 6; forest → arable unclassified 5.
    expect(z).toEqual([
      ["invariant", "21"],
      ["emission-control", "6"],
      ["unclassified", "5"],
    ]);
  });

  it("reports each mine it cannot count by id with the reason, and counts the rest", () => {
    const failed = Object.fromEntries(summary.mines.failed.map((f) => [f.id, f.reason]));
    expect(failed.outside).toMatch(/lies outside the rasters/);
    expect(failed.sliver).toMatch(/covers no pixel centre/);
    expect(failed["open-ring"]).toMatch(/invalid polygon/);
    expect(failed["#9"]).toMatch(/has no mine_id/);
    expect(failed.centre).toMatch(/repeats feature 1/);
    expect(summary.mines).toMatchObject({ total: 11, counted: 6, resumed: 0 });
    expect(mineRow("outside")).toMatchObject({ status: "failed" });
  });

  it("writes no zero rows", () => {
    for (const f of ["classes", "transitions", "zones"])
      expect(rows[f]!.every((r) => Number(r.pixels) > 0)).toBe(true);
  });
});
