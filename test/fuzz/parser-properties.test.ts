import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import { checkPolygonGeojson } from "../../src/domain/landuse/polygon-geojson.ts";
import { readFactorFile } from "../../src/factors/read-factor-file.ts";
import type { RasterGrid } from "../../src/raster/grid.ts";
import { polygonsFile } from "../../src/landuse-analysis/analysis-files.ts";
import { polygonsOnGrid } from "../../src/landuse-analysis/polygons-on-grid.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { readLegendFile } from "../../src/io/read-legend-file.ts";
import { readPoolTable } from "../../src/io/read-pool-table.ts";
import { readZoningRules } from "../../src/io/read-zoning-rules.ts";
import { projectedTestGrid } from "../helpers/write-code-raster.ts";

/** A GeoJSON file on a grid, the way the CLI's analysis reads a boundary or zones. */
const readGeojsonPolygons = (path: string, grid: RasterGrid, nameField?: string) =>
  polygonsOnGrid(polygonsFile(path, nameField), grid);

const dir = mkdtempSync(join(tmpdir(), "mc-parser-props-"));
let n = 0;
/** Writes `text` to a fresh file and returns its path. */
const file = (text: string | Uint8Array, ext: string) => {
  const p = join(dir, `${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
};

/** Runs a reader; the only error it may throw is bad input (code "bad-input", a message). */
function onlyBadInput(read: () => unknown): void {
  try {
    read();
  } catch (e) {
    expect((e as { code?: string }).code, String((e as Error).stack)).toBe("bad-input");
    expect((e as Error).message.length).toBeGreaterThan(0);
  }
}

/** CSV-like text: rows of cells that are numbers, words, quotes, empties and odd characters. */
const cell = fc.oneof(
  fc.constantFrom(
    "",
    "1",
    "-1",
    "0",
    "1.5",
    "1e999",
    "NaN",
    "Infinity",
    "1e308",
    "abc",
    '"',
    '""',
    "\u0000",
    " ",
    "\t",
  ),
  fc.double().map(String),
  fc.integer({ min: -70000, max: 70000 }).map(String),
  fc.string({ maxLength: 12 }),
);
const csv = (header: readonly string[]) =>
  fc
    .tuple(
      fc.array(fc.array(cell, { maxLength: header.length + 2 }), { maxLength: 12 }),
      fc.constantFrom("\n", "\r\n"),
    )
    .map(([rows, eol]) => [header.join(","), ...rows.map((r) => r.join(","))].join(eol));
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1")),
);

/** JSON text in which ±∞ are written as 1e999 / -1e999, as a file may hold them (JSON.stringify writes null). */
const jsonWithInfinities = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (x === Infinity ? "__inf__" : x === -Infinity ? "__-inf__" : x))
    .replaceAll('"__inf__"', "1e999")
    .replaceAll('"__-inf__"', "-1e999");

const grid = projectedTestGrid(100, 100);

// Property-based fuzzing of the file parsers (issue 9): whatever the bytes, a reader returns or
// refuses the file as bad input naming it — never a TypeError, a RangeError or a stack overflow.
describe("file parsers on arbitrary input", () => {
  const runs = { numRuns: 150 };

  it("readLegendFile", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          csv(["code", "name"]),
          csv(["code", "name", "key", "group", "colour"]),
          csv(["lucode", "LULC_name"]),
          anyText,
        ),
        (text) => onlyBadInput(() => readLegendFile(file(text, "csv"))),
      ),
      runs,
    );
  });

  it("readPoolTable", () => {
    fc.assert(
      fc.property(
        fc.oneof(csv(["lucode", "LULC_name", "c_above", "c_below", "c_soil", "c_dead"]), anyText),
        (text) => onlyBadInput(() => readPoolTable(file(text, "csv"))),
      ),
      runs,
    );
  });

  it("readZoningRules", () => {
    const legend = LEGEND_PRESETS.seed001!;
    fc.assert(
      fc.property(fc.oneof(csv(["zone", "from", "to"]), anyText), (text) =>
        onlyBadInput(() => readZoningRules(file(text, "csv"), legend)),
      ),
      runs,
    );
  });

  it("readFactorFile", () => {
    fc.assert(
      fc.property(fc.oneof(csv(["id", "quantity", "value", "unit", "source", "status"]), anyText), (text) =>
        onlyBadInput(() => readFactorFile(file(text, "csv"))),
      ),
      runs,
    );
  });

  it("readInputFile (YAML and JSON)", () => {
    const yamlish = fc.oneof(
      anyText,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.constantFrom(
            "a:",
            " - ",
            "&x",
            "*x",
            "!!str",
            "[",
            "]",
            "{",
            "}",
            ": ",
            "\n",
            "  ",
            "'",
            '"',
            "#",
            "---",
            ".nan",
            ".inf",
            "<<: *x",
          ),
          { maxLength: 30 },
        )
        .map((p) => p.join("")),
    );
    fc.assert(
      fc.property(yamlish, (text) => onlyBadInput(() => readInputFile(file(text, "yaml")))),
      runs,
    );
  });

  it("GeoJSON polygons: checkPolygonGeojson and readGeojsonPolygons", () => {
    const coordinate = fc.oneof(
      fc.double(),
      fc.constantFrom(Infinity, -Infinity, NaN, "a", null, 0, 180, -90),
      fc.integer(),
    );
    const position = fc.array(coordinate, { maxLength: 4 });
    const ring = fc.array(position, { maxLength: 6 });
    const geometry = fc.record({
      type: fc.constantFrom("Polygon", "MultiPolygon", "Point", "Banana", "GeometryCollection"),
      coordinates: fc.oneof(
        fc.array(ring, { maxLength: 3 }),
        fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
        fc.jsonValue(),
      ),
    });
    const doc = fc.oneof(
      geometry,
      fc.record({
        type: fc.constant("Feature"),
        properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue())),
        geometry: fc.oneof(geometry, fc.constant(null)),
      }),
      fc.record({
        type: fc.constant("FeatureCollection"),
        features: fc.array(
          fc.record({ type: fc.constant("Feature"), properties: fc.constant({ name: "f" }), geometry }),
          { maxLength: 3 },
        ),
      }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(doc, (d) => {
        // The checker answers with problems or polygons; it never throws.
        expect(() => checkPolygonGeojson(d)).not.toThrow();
        onlyBadInput(() => readGeojsonPolygons(file(jsonWithInfinities(d), "geojson"), grid));
      }),
      runs,
    );
  });
});
