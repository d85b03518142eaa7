import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batchSummarySchema } from "../../src/batch/batch-summary.ts";
import { cliInProcess } from "../helpers/run-cli-in-process.ts";
import { mine, readCsv, rect, writeHandMaps, writeMines } from "./batch-fixtures.ts";

describe("minecarbon batch", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-batch-cli-"));
  writeHandMaps(dir);
  const mines = writeMines(join(dir, "mines.geojson"), [
    mine("A", [rect(0, 0, 6, 6), rect(2, 2, 4, 4)]),
    mine("B", [rect(20, 20, 25, 25)]),
  ]);
  // InVEST pools for the seed001 codes (t C/ha): arable 10 in all, forest 50, open pit 0.
  const pools = join(dir, "pools.csv");
  writeFileSync(
    pools,
    `lucode,c_above,c_below,c_soil,c_dead\n${Array.from({ length: 11 }, (_, i) => `${i + 1},${i === 0 ? "1,2,7,0" : i === 1 ? "20,10,20,0" : "0,0,0,0"}`).join("\n")}\n`,
  );

  it("takes the maps as a {year} pattern with --years, writes the five tables and prints summary.json with --json", async () => {
    const out = join(dir, "out");
    const r = await cliInProcess(
      "batch",
      "--maps",
      join(dir, "lc{year}.tif"),
      "--years",
      "2000,2010",
      "--mines",
      mines,
      "--id-field",
      "mine_id",
      "--legend",
      "seed001",
      "--pools",
      pools,
      "--out",
      out,
      "--json",
      "--no-progress",
    );
    expect(r.code).toBe(0);
    const summary = batchSummarySchema.parse(JSON.parse(r.out));
    expect(summary.mines.failed).toEqual([
      { id: "B", reason: expect.stringMatching(/lies outside the rasters/) },
    ]);
    // The failed mine is named on stderr too.
    expect(r.err).toMatch(/mine B: lies outside the rasters/);
    for (const f of [
      "classes.csv",
      "transitions.csv",
      "zones.csv",
      "carbon.csv",
      "mines.csv",
      "summary.json",
    ])
      expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, "classes.csv"), "utf8").split("\n")[0]).toBe(
      "mine_id,year,code,class,pixels,area_ha",
    );
    expect(readFileSync(join(out, "transitions.csv"), "utf8").split("\n")[0]).toBe(
      "mine_id,from_year,to_year,from_code,to_code,from_class,to_class,pixels,area_ha",
    );
    // Carbon of mine A: 2000 arable 26 px + forest 6 px; 2010 arable 26 px, open pit 6 px (0.09 ha a pixel).
    const carbon = readCsv(readFileSync(join(out, "carbon.csv"), "utf8"));
    expect(Number(carbon[0]!.total_tc)).toBeCloseTo(26 * 0.09 * 10 + 6 * 0.09 * 50, 9);
    expect(Number(carbon[1]!.total_tc)).toBeCloseTo(26 * 0.09 * 10, 9);
    const a = readCsv(readFileSync(join(out, "mines.csv"), "utf8"))[0]!;
    expect(Number(a.stock_change_tc)).toBeCloseTo(-6 * 0.09 * 50, 9);
    expect(summary.inputs.maps.map((m) => m.year)).toEqual([2000, 2010]);
    expect(summary.inputs.fingerprint).toBe("size+mtime");
    expect(summary.inputs.mines.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("with --checksum sha256 records each map's SHA-256", async () => {
    const r = await cliInProcess(
      "batch",
      "--map",
      `2000=${join(dir, "lc2000.tif")}`,
      "--map",
      `2010=${join(dir, "lc2010.tif")}`,
      "--mines",
      mines,
      "--id-field",
      "mine_id",
      "--legend",
      "seed001",
      "--out",
      join(dir, "sha"),
      "--checksum",
      "sha256",
      "--json",
    );
    expect(r.code).toBe(0);
    const s = batchSummarySchema.parse(JSON.parse(r.out));
    expect(s.inputs.maps.every((m) => /^[0-9a-f]{64}$/.test(m.sha256 ?? ""))).toBe(true);
  });

  it("refuses bad maps options with every problem at once (exit code 2)", async () => {
    const r = await cliInProcess(
      "batch",
      "--maps",
      join(dir, "lc.tif"),
      "--mines",
      mines,
      "--id-field",
      "mine_id",
      "--legend",
      "seed001",
      "--out",
      join(dir, "bad"),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/must hold \{year\}/);
    expect(r.err).toMatch(/is needed with --maps/);
  });

  it("says when the legend has no mining class (CLCD) and takes --mining-classes", async () => {
    const base = [
      "batch",
      "--maps",
      join(dir, "lc{year}.tif"),
      "--years",
      "2000,2010",
      "--mines",
      mines,
      "--id-field",
      "mine_id",
      "--legend",
      "clcd",
      "--json",
    ];
    const r = await cliInProcess(...base, "--out", join(dir, "clcd"));
    expect(JSON.parse(r.out).warnings.join("\n")).toMatch(/has no mining class/);
    const m = await cliInProcess(
      ...base,
      "--out",
      join(dir, "clcd2"),
      "--mining-classes",
      "barren,impervious",
    );
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out).miningCodes).toEqual([7, 8]);
    // Open pit (code 7) is CLCD's barren here: 6 pixels taken.
    const a = readCsv(readFileSync(join(dir, "clcd2", "mines.csv"), "utf8"))[0]!;
    expect(Number(a.taken_ha)).toBeCloseTo(0.54, 9);
  });
});
