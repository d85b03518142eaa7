import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/batch/run-batch.ts";
import { openClassRaster } from "../../src/raster/geotiff-source.ts";
import { cliInProcess } from "../helpers/run-cli-in-process.ts";
import { bitFlipped, readVariant, truncated, variantNames, VARIANT_DIR } from "../fuzz/damaged-tiffs.ts";
import { hostileGeoJson } from "../fuzz/hostile-documents.ts";
import { readCsv } from "./batch-fixtures.ts";
import { readFileSync } from "node:fs";

const dir = mkdtempSync(join(tmpdir(), "mc-batch-variants-"));

/** A rectangle ring in the grid's CRS from pixel-unit corners. */
const ringOf = (
  g: { originX: number; originY: number; pixelWidth: number; pixelHeight: number },
  x0: number,
  y0: number,
  x1: number,
  y1: number,
) => {
  const p = (x: number, y: number) => [g.originX + x * g.pixelWidth, g.originY - y * g.pixelHeight];
  return [p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)];
};

describe("runBatch reads every GeoTIFF variant block by block as the whole-map reader reads it", () => {
  for (const name of variantNames())
    it(name, async () => {
      const path = join(VARIANT_DIR, name);
      const r = await openClassRaster(path);
      const g = r.grid;
      const all = await r.readRows(0, g.height);
      await r.close();
      // The fixtures without an EPSG code are UTM 21S on GRS 80: EPSG:32721 to within a millimetre.
      const epsg = g.crs.epsg ?? 32721;
      // Everything, and a window of odd bounds inside.
      const [ix0, iy0, ix1, iy1] = [g.width * 0.21, g.height * 0.33, g.width * 0.77, g.height * 0.91];
      const mines = join(dir, `${name}.geojson`);
      writeFileSync(
        mines,
        JSON.stringify({
          type: "FeatureCollection",
          crs: { type: "name", properties: { name: `EPSG:${epsg}` } },
          features: [
            {
              type: "Feature",
              properties: { id: "all" },
              geometry: { type: "Polygon", coordinates: [ringOf(g, -1, -1, g.width + 1, g.height + 1)] },
            },
            {
              type: "Feature",
              properties: { id: "part" },
              geometry: { type: "Polygon", coordinates: [ringOf(g, ix0, iy0, ix1, iy1)] },
            },
          ],
        }),
      );
      const out = join(dir, `out-${name}`);
      await runBatch({
        maps: [
          { year: 2000, path },
          { year: 2010, path },
        ],
        mines,
        idField: "id",
        legend: "seed001",
        out,
        workers: 1,
        checksum: "size+mtime",
      });
      const expected = (inside: (c: number, r: number) => boolean) => {
        const h = new Map<string, number>();
        for (let y = 0; y < g.height; y++)
          for (let x = 0; x < g.width; x++) {
            const code = all[y * g.width + x]!;
            if (code === r.nodata || !inside(x + 0.5, y + 0.5)) continue;
            h.set(String(code), (h.get(String(code)) ?? 0) + 1);
          }
        return Object.fromEntries([...h].sort());
      };
      const got = (id: string) =>
        Object.fromEntries(
          readCsv(readFileSync(join(out, "classes.csv"), "utf8"))
            .filter((row) => row.mine_id === id && row.year === "2000")
            .map((row) => [row.code!, Number(row.pixels)])
            .sort(),
        );
      expect(got("all")).toEqual(expected(() => true));
      expect(got("part")).toEqual(expected((x, y) => x >= ix0 && x < ix1 && y >= iy0 && y < iy1));
    });
});

describe("minecarbon batch on hostile and damaged inputs answers bad input (exit 2) or counts, never fails inside", () => {
  const good = join(VARIANT_DIR, "tiled-deflate-predictor.tif");
  const mines = join(dir, "one.geojson");
  it("hostile mine files", async () => {
    for (const [name, text] of Object.entries(hostileGeoJson())) {
      const p = join(dir, `hostile-${name}.geojson`);
      writeFileSync(p, text);
      const r = await cliInProcess(
        "batch",
        "--map",
        `2000=${good}`,
        "--map",
        `2010=${good}`,
        "--mines",
        p,
        "--id-field",
        "name",
        "--legend",
        "seed001",
        "--out",
        join(dir, `h-${name}`),
        "--no-progress",
      );
      expect([0, 2], `${name}: ${r.err}`).toContain(r.code);
    }
  });
  it("truncated and bit-flipped maps", async () => {
    writeFileSync(
      mines,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { name: "a" },
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [-180, -90],
                  [180, -90],
                  [180, 90],
                  [-180, 90],
                  [-180, -90],
                ],
              ],
            },
          },
        ],
      }),
    );
    for (const name of variantNames().slice(0, 6))
      for (const [kind, bytes] of [
        ["truncated", truncated(readVariant(name), 0.6)],
        ["flipped", bitFlipped(readVariant(name), 7)],
      ] as const) {
        const p = join(dir, `${kind}-${name}`);
        writeFileSync(p, bytes);
        const r = await cliInProcess(
          "batch",
          "--map",
          `2000=${p}`,
          "--map",
          `2010=${p}`,
          "--mines",
          mines,
          "--id-field",
          "name",
          "--legend",
          "seed001",
          "--out",
          join(dir, `d-${kind}-${name}`),
          "--no-progress",
        );
        expect([0, 2], `${kind} ${name}: ${r.err}`).toContain(r.code);
      }
  });
});
