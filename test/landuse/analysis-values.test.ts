import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLanduseResult, type LanduseResult } from "../../src/contract/landuse-result.ts";
import { LEGEND_PRESETS, type Legend } from "../../src/domain/landuse/legend.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { analyzeLanduse, runLanduseAnalysis } from "../../src/landuse-analysis/analyze-landuse.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { createArea, multipart, testApp, waitForJob } from "../server/test-app.ts";

/**
 * The analysis takes values — a Legend, a PoolTable, GeoJSON polygons — and gives the same figures
 * as from files; its problems name the inputs, never a CLI option; the server's jobs give it the
 * area's stored legend, boundary and densities as values, so no server file path ends up in a result.
 */
const dir = mkdtempSync(join(tmpdir(), "mc-values-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed001 = LEGEND_PRESETS.seed001!;
// 10×10, 30 m pixels (EPSG:32650, origin 500000, 4400000 by the helper's default).
const a = Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : 2));
const b = a.map((c, i) => (i < 20 ? 7 : i >= 90 ? 3 : c));
writeCodeRaster(join(dir, "a.tif"), a, 10, 10);
writeCodeRaster(join(dir, "b.tif"), b, 10, 10);
const maps = [
  { year: 2000, path: join(dir, "a.tif") },
  { year: 2010, path: join(dir, "b.tif") },
];
const poolRows = seed001.classes.map((c) => [c.code, c.code * 2, c.code, 10 + c.code, 0]);
writeFileSync(
  join(dir, "pools.csv"),
  ["lucode,c_above,c_below,c_soil,c_dead", ...poolRows.map((r) => r.join(","))].join("\n"),
);
const pools = {
  source: "test densities",
  classes: poolRows.map(([code, above, below, soil, dead]) => ({
    code: code!,
    aboveTCPerHa: above!,
    belowTCPerHa: below!,
    soilTCPerHa: soil!,
    deadTCPerHa: dead!,
  })),
};

/** The left half of the maps, in the maps' CRS (EPSG:32650). */
function leftHalf(): unknown {
  const ring = (x0: number, y0: number) => [
    [x0, y0],
    [x0 + 150, y0],
    [x0 + 150, y0 - 300],
    [x0, y0 - 300],
    [x0, y0],
  ];
  return {
    type: "FeatureCollection",
    crs: { type: "name", properties: { name: "EPSG:32650" } },
    features: [
      {
        type: "Feature",
        properties: { name: "west" },
        geometry: { type: "Polygon", coordinates: [ring(500000, 4400000)] },
      },
    ],
  };
}
writeFileSync(join(dir, "west.geojson"), JSON.stringify(leftHalf()));

/** The figures of a result: without its run time and the names its inputs were given by. */
const figures = (r: LanduseResult) => ({
  ...r,
  engine: { ...r.engine, seconds: 0 },
  pools: null,
  boundary: r.boundary && { ...r.boundary, path: "" },
});

describe("the land-use analysis on values", () => {
  it("gives the figures it gives from files, and a result that parses", async () => {
    const common = { maps, workers: 0, factors: async () => factorTable() };
    const fromFiles = await analyzeLanduse({
      ...common,
      legend: "seed001",
      pools: join(dir, "pools.csv"),
      boundary: join(dir, "west.geojson"),
      out: join(dir, "files"),
    });
    const fromValues = await runLanduseAnalysis({
      ...common,
      legend: seed001,
      pools,
      boundary: { name: "the west", geojson: leftHalf() },
      out: join(dir, "values"),
    });
    expect(fromValues.pixels.analysed).toBe(50);
    expect(fromValues.carbon.length).toBeGreaterThan(0);
    expect(figures(fromValues)).toEqual(figures(fromFiles));
    expect(fromValues.pools?.source).toBe("test densities");
    expect(fromValues.boundary?.path).toBe("the west");
    const written = JSON.parse(readFileSync(join(dir, "values", "summary.json"), "utf8"));
    expect(parseLanduseResult(written, "summary.json")).toEqual(fromValues);
  });

  it("writes a summary.json of the declared schema for the demo", async () => {
    const { runLanduseDemo } = await import("../../src/cli/commands/demo-command.ts");
    const demo = await runLanduseDemo(join(dir, "demo"));
    const written = JSON.parse(readFileSync(join(dir, "demo", "landuse", "summary.json"), "utf8"));
    expect(parseLanduseResult(written, "summary.json")).toEqual(demo.result);
    expect(written.schemaVersion).toBe(1);
  });

  const refusal = async (o: Partial<Parameters<typeof runLanduseAnalysis>[0]>, out: string) => {
    const e = await runLanduseAnalysis({ maps, legend: seed001, workers: 0, out: join(dir, out), ...o }).then(
      () => undefined,
      (x: Error) => x,
    );
    expect(e?.message).toBeDefined();
    // The analysis speaks of its inputs; a CLI option is the CLI's to name.
    expect(e!.message).not.toMatch(/--[a-z]/);
    return e!.message;
  };

  it("names the inputs in its problems, never a CLI option", async () => {
    const noKeys: Legend = {
      id: "two",
      description: "two classes",
      classes: [
        { code: 1, key: "crop", name: "crop" },
        { code: 2, key: "wood", name: "wood" },
        { code: 3, key: "grass", name: "grass" },
        { code: 7, key: "pit", name: "pit" },
        { code: 300, key: "wide", name: "wide" },
      ],
    };
    expect(await refusal({ legend: noKeys, zoning: "rules" }, "r1")).toMatch(
      /- legend: has codes above 255 but every map is 8-bit/,
    );
    expect(
      await refusal({ legend: { ...noKeys, classes: noKeys.classes.slice(0, 4) }, zoning: "rules" }, "r2"),
    ).toMatch(/- zoning: seed 001's rules do not fit legend two; give zoning rules for its classes/);
    expect(await refusal({ zoning: "data-driven" }, "r3")).toMatch(
      /- zoning: data-driven zoning needs carbon densities \(a carbon-pool table\)/,
    );
    expect(await refusal({ zones: { name: "the mine fields", geojson: { type: "Banana" } } }, "r4")).toMatch(
      /^the mine fields has 1 problem:\n {2}- type: must be a FeatureCollection/,
    );
    expect(await refusal({ blockRows: 20 }, "r5")).toMatch(/- blockRows: must be a multiple of 16; got 20/);
    expect(
      await refusal(
        { valuation: { carbonPrice: 100, priceChangePerYear: 0, discountRatePerYear: 0.05 } },
        "r6",
      ),
    ).toMatch(/- valuation\.carbonPrice: needs carbon densities \(a carbon-pool table\)/);
    expect(await refusal({ maps: maps.slice(0, 1) }, "r7")).toMatch(/- maps: needs at least two dates/);
  });
});

describe("the analysis job passes the area's legend, boundary and densities as values", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("keeps no server path in the result and writes no input files", async () => {
    const id = await createArea(t.app, "Values");
    const own = seed001.classes.map((c) => ({ code: c.code, key: c.key, name: c.name }));
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${id}`,
      payload: { legend: { classes: own.reverse() }, boundary: leftHalf() },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    for (const m of maps) {
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${id}/maps`,
        ...multipart({ year: String(m.year) }, { name: `${m.year}.tif`, bytes: readFileSync(m.path) }),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const started = await t.app.inject({
      method: "POST",
      url: `/api/areas/${id}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(started.statusCode, started.body).toBe(202);
    const end = await waitForJob(t.app, started.json().id);
    expect(end.error).toBeNull();
    const r = parseLanduseResult(
      (await t.app.inject({ url: `/api/analyses/${end.id}` })).json().result,
      "result",
    );
    expect(r.pixels.analysed).toBe(50);
    // Before: the temporary legend.csv, boundary.geojson and pools.csv the job wrote, by their paths.
    expect(r.legend.id).toBe("the area's legend");
    expect(r.boundary?.path).toBe("the area's boundary");
    expect(r.pools?.source).toMatch(/^seed001-yang2019: /);
    // The legend as a legend table gives it: classes in code order.
    expect(r.legend.classes.map((c) => c.code)).toEqual(seed001.classes.map((c) => c.code));
    expect(r.outputs).toContain("pools.csv");
    expect(readdirSync(t.dir, { recursive: true }).filter((f) => /-inputs/.test(String(f)))).toEqual([]);
  });
});
