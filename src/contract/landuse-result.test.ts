import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factorTable } from "../factors/load-factor-library.ts";
import { analyzeLanduse } from "../landuse-analysis/analyze-landuse.ts";
import { writeCodeRaster } from "../../test/helpers/write-code-raster.ts";
import { LANDUSE_RESULT_SCHEMA_VERSION, parseLanduseResult } from "./landuse-result.ts";

/** Two 4×4 seed 001 maps: arable and forest, a quarter of the arable becoming open pit. */
const a = Array.from({ length: 16 }, (_, i) => (i < 8 ? 1 : 2));
const b = a.map((c, i) => (i < 4 ? 7 : c));

describe("the land-use result contract", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-contract-landuse-"));
  let written: unknown;
  beforeAll(async () => {
    writeCodeRaster(join(dir, "a.tif"), a, 4, 4);
    writeCodeRaster(join(dir, "b.tif"), b, 4, 4);
    await analyzeLanduse({
      maps: [
        { year: 2000, path: join(dir, "a.tif") },
        { year: 2010, path: join(dir, "b.tif") },
      ],
      legend: "seed001",
      out: join(dir, "out"),
      workers: 0,
      factors: async () => factorTable(),
    });
    written = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the summary.json the analysis writes, as written", () => {
    const r = parseLanduseResult(written, "summary.json");
    expect(r.schemaVersion).toBe(LANDUSE_RESULT_SCHEMA_VERSION);
    expect(r).toEqual(written);
    expect(r.stockLostToMining?.totalLossTC).toBeGreaterThan(0);
  });

  it("reads a result written before the schema was declared as version 1, issue 10's tables empty", () => {
    const old = structuredClone(written) as Record<string, unknown>;
    for (const k of [
      "schemaVersion",
      "componentsOverall",
      "carbonChange",
      "valuation",
      "carbonValue",
      "accumulatedChanges",
    ])
      delete old[k];
    const r = parseLanduseResult(old, "analysis 7");
    expect(r.schemaVersion).toBe(1);
    expect([r.componentsOverall, r.carbonChange, r.carbonValue, r.accumulatedChanges, r.valuation]).toEqual([
      [],
      [],
      [],
      [],
      null,
    ]);
  });

  it("refuses a mistyped result naming the source and the first bad field", () => {
    const bad = structuredClone(written) as { classes: { area_ha: unknown }[]; warnings: unknown };
    bad.classes[1]!.area_ha = "12";
    bad.warnings = 3;
    expect(() => parseLanduseResult(bad, "analysis 42")).toThrow(
      /^analysis 42 has 3 problems:\n {2}- classes\[1\]\.area_ha: .*\n {2}- warnings: .*\n {2}- is not a land-use analysis result this version reads; run the analysis again/,
    );
    expect(() => parseLanduseResult(null, "summary.json")).toThrow(/^summary\.json has/);
    expect(() => parseLanduseResult({ ...(written as object), schemaVersion: 2 }, "x")).toThrow(
      /schemaVersion/,
    );
  });
});
