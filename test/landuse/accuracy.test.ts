import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessAccuracy } from "../../src/domain/landuse/accuracy.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

const accuracy = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [join(import.meta.dirname, "..", "..", "bin", "minecarbon.mjs"), "landuse", "accuracy", ...args],
    {
      encoding: "utf8",
    },
  );

describe("accuracy assessment", () => {
  it("hand-worked 2-class case", () => {
    // map A/ref A 45, map A/ref B 5, map B/ref A 10, map B/ref B 40: n = 100, OA = 85/100;
    // chance agreement pe = (50·55 + 50·45)/100² = 0.5, kappa = (0.85 − 0.5)/(1 − 0.5) = 0.7;
    // producer's A = 45/55, B = 40/45; user's A = 45/50, B = 40/50.
    const pairs = [
      ...Array.from({ length: 45 }, () => ({ map: 1, reference: 1 })),
      ...Array.from({ length: 5 }, () => ({ map: 1, reference: 2 })),
      ...Array.from({ length: 10 }, () => ({ map: 2, reference: 1 })),
      ...Array.from({ length: 40 }, () => ({ map: 2, reference: 2 })),
    ];
    const a = assessAccuracy(pairs, [1, 2]);
    expect(a.matrix).toEqual([
      [45, 5],
      [10, 40],
    ]);
    expect(a.overallAccuracy).toBeCloseTo(0.85, 12);
    expect(a.kappa).toBeCloseTo(0.7, 12);
    expect(a.producers.map((p) => p.accuracy)).toEqual([45 / 55, 40 / 45]);
    expect(a.users.map((p) => p.accuracy)).toEqual([0.9, 0.8]);
    // 85% passes seed 001's threshold; kappa 0.7 does not.
    expect(a.warnings).toEqual(["kappa 0.700 is below the 0.75 seed 001 requires"]);
  });

  it("samples a map at CSV points through the CLI, listing points it leaves out", () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-acc-"));
    // 10×10 map, left half code 1 (arable), right half code 2 (forest), 30 m, origin (500000, 4400000).
    const codes: number[] = Array.from({ length: 100 }, (_, i) => (i % 10 < 5 ? 1 : 2));
    codes[99] = 0;
    writeCodeRaster(join(dir, "m.tif"), codes, 10, 10, { nodata: 0 });
    const x = (col: number) => 500000 + col * 30 + 15;
    const y = (row: number) => 4400000 - row * 30 - 15;
    writeFileSync(
      join(dir, "pts.csv"),
      [
        "x,y,class",
        `${x(0)},${y(0)},arable`,
        `${x(1)},${y(5)},1`,
        `${x(7)},${y(2)},forest land`,
        `${x(8)},${y(8)},arable`,
        `${x(9)},${y(9)},forest`,
        `${x(20)},${y(0)},forest`,
      ].join("\n"),
    );
    const r = accuracy(
      "--map",
      join(dir, "m.tif"),
      "--samples",
      join(dir, "pts.csv"),
      "--legend",
      "seed001",
      "--out",
      join(dir, "acc"),
      "--json",
    );
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.samples).toBe(4);
    expect(res.matrix).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(res.overallAccuracy).toBe(0.75);
    expect(res.excluded.map((e: { where: string }) => e.where)).toEqual(["row 6", "row 7"]);
    expect(res.warnings.join(" ")).toMatch(/below the 85%/);
    expect(readFileSync(join(dir, "acc", "accuracy-classes.csv"), "utf8")).toMatch(
      /^code,class,producers_accuracy/,
    );
    const bad = accuracy("--map", join(dir, "m.tif"), "--samples", join(dir, "pts.csv"), "--legend", "clcd");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/row 2: reference class "arable" is not in the legend \(clcd\)/);
  });
});
