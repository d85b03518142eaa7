import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeLanduse } from "../../src/landuse-analysis/analyze-landuse.ts";
import { openClassRaster } from "../../src/raster/geotiff-source.ts";
import { RasterInputError } from "../../src/raster/raster-input-error.ts";
import {
  blockRanges,
  bitFlipped,
  CORRUPT_DIR,
  overwritten,
  patched,
  TAG,
  truncated,
  withEntryCount,
} from "../fixtures/corrupt-geotiff.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

const DIR = join(import.meta.dirname, "..", "fixtures", "geotiff-variants");
const VARIANTS = readdirSync(DIR)
  .filter((f) => f.endsWith(".tif"))
  .sort();
const variant = (f: string) => join(DIR, f);
/** "strip 4 of 12 (rows 108–134)" or "tile 3 of 9 (rows 128–255, columns 0–127)". */
const BLOCK = /(strip \d+ of \d+ \(rows \d+–\d+\)|tile \d+ of \d+ \(rows \d+–\d+, columns \d+–\d+\))/;

/** Opens a map and reads every row: its codes, or the error. */
async function readAll(path: string): Promise<{ codes?: number[]; error?: unknown }> {
  let r;
  try {
    r = await openClassRaster(path);
  } catch (error) {
    return { error };
  }
  try {
    return { codes: Array.from(await r.readRows(0, r.grid.height)) };
  } catch (error) {
    return { error };
  } finally {
    await r.close();
  }
}

/** The error of a map refused as truncated or corrupt: a RasterInputError naming the file and a block. */
function expectRefused(path: string, error: unknown, what: RegExp = /truncated|corrupt/) {
  expect(error, `${path} should have been refused`).toBeInstanceOf(RasterInputError);
  const message = (error as Error).message;
  expect(message.startsWith(`${path}: `)).toBe(true);
  expect(message).toMatch(BLOCK);
  expect(message).toMatch(what);
  expect(message).toMatch(/copy or export it again/);
}

const reference = new Map<string, number[]>();
async function original(f: string): Promise<number[]> {
  if (!reference.has(f)) reference.set(f, (await readAll(variant(f))).codes!);
  return reference.get(f)!;
}

describe("truncated GeoTIFFs are refused, naming the file and the first bad block", () => {
  it("has the fixture matrix", () => expect(VARIANTS.length).toBeGreaterThanOrEqual(12));

  it.each(VARIANTS.flatMap((f) => [0.25, 0.5, 0.9].map((cut) => [f, cut] as const)))(
    "%s cut to %d of its size",
    async (f, cut) => {
      const p = truncated(variant(f), { fraction: cut });
      const { error, codes } = await readAll(p);
      expect(codes).toBeUndefined();
      expectRefused(p, error, /ends at byte [\d,]+ but the file has [\d,]+ bytes; the file is truncated/);
    },
  );

  it("names the strip the issue's example would: rows and byte positions", async () => {
    // striped-none: 12 strips of 27 rows × 300 bytes (8,100 bytes each) after an 8-byte header
    // and the directory; cut at 45,469 bytes, strip 5 (rows 135–161) is the first one past the end.
    const p = truncated(variant("striped-none.tif"), { fraction: 0.5 });
    const { error } = await readAll(p);
    const ranges = blockRanges(readFileSync(variant("striped-none.tif")));
    expect(ranges[5]!.count).toBe(8100);
    expect((error as Error).message).toBe(
      `${p}: strip 5 of 12 (rows 135–161) ends at byte ${(ranges[5]!.offset + 8100).toLocaleString("en-US")} but the file has 45,469 bytes; the file is truncated — copy or export it again`,
    );
  });

  it("any truncation point is refused or reads the same map (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...VARIANTS)
          .chain((f) => fc.tuple(fc.constant(f), fc.integer({ min: 0, max: statSync(variant(f)).size }))),
        async ([f, keep]) => {
          const p = truncated(variant(f), { bytes: keep });
          const { error, codes } = await readAll(p);
          if (error) {
            expect(error).toBeInstanceOf(RasterInputError);
            expect((error as Error).message.startsWith(`${p}: `)).toBe(true);
          } else expect(codes).toEqual(await original(f));
        },
      ),
      { numRuns: 150, seed: 9 },
    );
  });
});

describe("bit flips in the block data: refused naming the block, or read when the block still decodes", () => {
  const cases = VARIANTS.flatMap((f) => [1, 2, 3, 4, 5, 6].map((seed) => [f, seed] as const));
  const outcomes = new Map<string, { refused: number; read: number }>();
  it.each(cases)("%s, seed %d, 3 flipped bits", async (f, seed) => {
    const p = bitFlipped(variant(f), seed, 3);
    const { error, codes } = await readAll(p);
    const o = outcomes.get(f) ?? outcomes.set(f, { refused: 0, read: 0 }).get(f)!;
    if (error) {
      expectRefused(p, error);
      o.refused++;
    } else {
      expect(codes).toHaveLength(300 * 300);
      o.read++;
    }
  });
  it("DEFLATE blocks carry a checksum: every flip in them is caught", () => {
    for (const [f, o] of outcomes)
      if (/deflate/.test(f)) expect({ f, ...o }).toEqual({ f, refused: 6, read: 0 });
    // Uncompressed blocks have nothing to check: flipped codes read as what they now say.
    expect(outcomes.get("striped-none.tif")).toEqual({ refused: 0, read: 6 });
  });
});

describe("blocks that do not decode to their full size are refused", () => {
  it("an LZW strip whose byte count was halved decodes short", async () => {
    const src = variant("striped-lzw.tif");
    const count = blockRanges(readFileSync(src))[3]!.count;
    const p = patched(src, "lzw-short", [[TAG.StripByteCounts, 3, Math.floor(count / 2)]]);
    const { error } = await readAll(p);
    expectRefused(
      p,
      error,
      /strip 3 of 12 \(rows 81–107\) (decodes to [\d,]+ bytes instead of 8,100|cannot be decoded \(LZW: )/,
    );
  });
  it("a DEFLATE tile cut short: zlib's 'unexpected end of file', named", async () => {
    const src = variant("tiled-deflate-predictor.tif");
    const count = blockRanges(readFileSync(src))[4]!.count;
    const p = patched(src, "deflate-short", [[TAG.TileByteCounts, 4, count - 10]]);
    const { error } = await readAll(p);
    expectRefused(
      p,
      error,
      /^.*: tile 4 of 9 \(rows 128–255, columns 128–255\) cannot be decoded \(DEFLATE: unexpected end of file\); the file is corrupt or truncated/,
    );
  });
  it("a PackBits run that overruns its block is refused, not grown", async () => {
    // Tile 0 of tiled-packbits (32×32 = 1,024 bytes) rewritten as a literal run of 100 bytes, then
    // repeat runs of 128: the 8th ends at byte 1,124, past the tile.
    const src = variant("tiled-packbits.tif");
    const r = blockRanges(readFileSync(src))[0]!;
    const runs = new Uint8Array(r.count);
    runs[0] = 99;
    runs.fill(2, 1, 101);
    for (let i = 101; i + 1 < r.count; i += 2) [runs[i], runs[i + 1]] = [0x81, 2];
    const p = overwritten(src, "packbits-overrun", r.offset, runs);
    const { error } = await readAll(p);
    expectRefused(
      p,
      error,
      /tile 0 of 100 .* cannot be decoded \(PackBits: decodes to more than the block's 1024 bytes\)/,
    );
  });
  it("a DEFLATE bomb in one tile stops at the tile's size", async () => {
    // 64 MiB of zeros compress to ~64 KB; the tile holds 16×16 bytes.
    const p = join(CORRUPT_DIR, "bomb.tif");
    writeCodeRaster(p, new Uint8Array(32 * 32).fill(1), 32, 32, { tile: 16 });
    const bomb = deflateSync(Buffer.alloc(64 << 20));
    const bytes = Buffer.concat([readFileSync(p), bomb]);
    writeFileSync(p, bytes);
    const q = patched(p, "bomb", [
      [TAG.TileOffsets, 2, bytes.length - bomb.length],
      [TAG.TileByteCounts, 2, bomb.length],
    ]);
    const before = process.memoryUsage().arrayBuffers;
    const { error } = await readAll(q);
    expectRefused(
      q,
      error,
      /tile 2 of 4 \(rows 16–31, columns 0–15\) cannot be decoded \(DEFLATE: decodes to more than the block's 256 bytes\)/,
    );
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 << 20);
  });
  it("an uncompressed strip with fewer bytes than its pixels is refused on open", async () => {
    const src = variant("striped-none.tif");
    const p = patched(src, "none-short", [[TAG.StripByteCounts, 7, 8000]]);
    const { error } = await readAll(p);
    expectRefused(p, error, /strip 7 of 12 \(rows 189–215\) holds 8,000 bytes but its pixels need 8,100/);
  });
});

describe("impossible headers are refused before any block is read", () => {
  it.each([
    ["0 columns", TAG.ImageWidth, /is 0 × 300 pixels; a map needs at least one row and one column/],
    ["0 rows", TAG.ImageLength, /is 300 × 0 pixels; a map needs at least one row and one column/],
  ])("a zero-size raster (%s)", async (name, tag, message) => {
    const p = patched(variant("striped-deflate.tif"), `zero-${tag}`, [[tag, 0, 0]]);
    const { error } = await readAll(p);
    expect(error).toBeInstanceOf(RasterInputError);
    expect((error as Error).message).toMatch(message);
  });

  it("a small file declaring 100,000 × 100,000 pixels: its strips cannot be there", async () => {
    const p = patched(variant("striped-deflate.tif"), "huge", [
      [TAG.ImageWidth, 0, 100_000],
      [TAG.ImageLength, 0, 100_000],
    ]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(
      /has 12 strip offsets and 12 byte counts, but a 100,000 × 100,000 raster in strips of 100,000 × 27 has 3,704; the file is corrupt/,
    );
  });

  it("one strip claiming 10¹⁰ pixels is refused by the block size limit", async () => {
    const p = patched(variant("striped-deflate.tif"), "one-strip", [
      [TAG.ImageWidth, 0, 100_000],
      [TAG.ImageLength, 0, 100_000],
      [TAG.RowsPerStrip, 0, 100_000],
    ]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(
      /has strips of 100,000 × 100,000 pixels \(10,000,000,000 bytes each\), more than the 1,073,741,824 a block may have/,
    );
  });

  it("a strip too small for its pixels at the best DEFLATE ratio", async () => {
    // Strip 0 holds 27 rows × 300 = 8,100 bytes of pixels; 5 stored bytes give at most 5,160.
    const p = patched(variant("striped-deflate.tif"), "dense", [[TAG.StripByteCounts, 0, 5]]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(
      /strip 0 of 12 \(rows 0–26\) holds 5 bytes, too few for its 8,100 bytes of pixels even at the most DEFLATE can compress \(1032:1\)/,
    );
  });

  it("a directory entry claiming a billion values", async () => {
    const p = withEntryCount(variant("tiled-lzw.tif"), "billion", TAG.TileOffsets, 1_000_000_000);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(
      /has a directory entry \(tag 324\) of 1,000,000,000 values at byte [\d,]+, which cannot lie inside its [\d,]+ bytes/,
    );
  });

  it("tiles of 0 pixels", async () => {
    const p = patched(variant("tiled-lzw.tif"), "tile0", [[TAG.TileWidth, 0, 0]]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(/has tiles of 0 × 64 pixels; the header is corrupt/);
  });

  it("bit depths that do not match the band count", async () => {
    const p = withEntryCount(variant("striped-lzw.tif"), "bits3", TAG.BitsPerSample, 3);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(/gives 3 bit depths \(BitsPerSample\) for 1 band/);
  });

  it("a block that starts inside the header", async () => {
    const p = patched(variant("tiled-lzw.tif"), "at0", [[TAG.TileOffsets, 6, 2]]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(
      /tile 6 of 25 \(rows 64–127, columns 64–127\) starts at byte 2, inside the file header/,
    );
  });

  it("a server limit on pixels is checked from the header", async () => {
    await expect(openClassRaster(variant("tiled-lzw.tif"), { maxPixels: 89_999 })).rejects.toMatchObject({
      reason: "too-large",
      message: expect.stringMatching(/is 300 × 300 = 90,000 pixels, more than the 89,999 accepted here/),
    });
    const r = await openClassRaster(variant("tiled-lzw.tif"), { maxPixels: 90_000 });
    await r.close();
  });
});

describe("sparse blocks (not stored, as GDAL writes with SPARSE_OK)", () => {
  const codes = new Uint8Array(32 * 32).fill(3);
  const sparse = (name: string, o: { nodata?: number }, tiles: number[]) => {
    const p = join(CORRUPT_DIR, `${name}-src.tif`);
    writeCodeRaster(p, codes, 32, 32, { tile: 16, ...o });
    return patched(
      p,
      name,
      tiles.flatMap((t) => [
        [TAG.TileOffsets, t, 0],
        [TAG.TileByteCounts, t, 0],
      ]) as [number, number, number][],
    );
  };
  it("read as nodata, with a warning, when the map has a nodata value", async () => {
    const p = sparse("sparse-nodata", { nodata: 0 }, [1]);
    const r = await openClassRaster(p);
    const rows = await r.readRows(0, 32);
    await r.close();
    // Tile 1 is rows 0–15, columns 16–31: 256 pixels of nodata (0); the other 768 keep code 3.
    expect(rows.filter((v) => v === 0)).toHaveLength(256);
    expect(rows.filter((v) => v === 3)).toHaveLength(768);
    expect(rows[5 * 32 + 20]).toBe(0);
    expect(r.warnings).toEqual([
      `${p}: tile 1 of 4 (rows 0–15, columns 16–31) is not stored in the file (sparse, as GDAL writes with SPARSE_OK) and reads as nodata (0)`,
    ]);
  });
  it("refused without a nodata value to read them as", async () => {
    const p = sparse("sparse-no-nodata", {}, [1, 3]);
    const { error } = await readAll(p);
    expect((error as Error).message).toBe(
      `${p}: tile 1 of 4 (rows 0–15, columns 16–31) and 1 more are not stored in the file (0 bytes) and the map has no nodata value to read them as; the file is incomplete — export it again, or set a nodata value (gdal_edit.py -a_nodata) if the missing blocks are meant to be empty`,
    );
  });
  it("refused when no block is stored (an unfinished file)", async () => {
    const p = sparse("sparse-all", { nodata: 0 }, [0, 1, 2, 3]);
    const { error } = await readAll(p);
    expect((error as Error).message).toMatch(/stores none of its 4 blocks .*not finished being written/);
  });
});

describe("the analysis engine reports a bad block found in a worker thread as bad input", () => {
  it("analyzeLanduse with 2 workers: RasterInputError naming the strip", async () => {
    // The header is possible (open passes); strip 6 decodes short only when a worker reads it.
    const src = variant("striped-lzw.tif");
    const count = blockRanges(readFileSync(src))[6]!.count;
    const bad = patched(src, "engine-short", [[TAG.StripByteCounts, 6, Math.floor(count / 3)]]);
    const run = analyzeLanduse({
      maps: [
        { year: 2000, path: variant("striped-deflate.tif") },
        { year: 2010, path: bad },
      ],
      legend: "seed001",
      out: join(CORRUPT_DIR, "engine-out"),
      workers: 2,
      blockRows: 16,
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RasterInputError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: strip 6 of 12 \\(rows 162–188\\) (decodes to|cannot be decoded)`,
      ),
    );
  });
});

describe("the CLI exits 2 with the block named", () => {
  const bin = join(import.meta.dirname, "..", "..", "bin", "minecarbon.mjs");
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, "landuse", ...args], { encoding: "utf8" });
    return { code: r.status, err: r.stderr };
  };
  it("landuse analyze on a striped map cut to 50 %", () => {
    const p = truncated(variant("striped-none.tif"), { fraction: 0.5 });
    const r = cli(
      "analyze",
      "--no-progress",
      "--map",
      `2000=${variant("striped-none.tif")}`,
      "--map",
      `2010=${p}`,
      "--legend",
      "seed001",
      "--out",
      join(CORRUPT_DIR, "cli-out"),
    );
    expect(r.err).toContain(
      `error: ${p}: strip 5 of 12 (rows 135–161) ends at byte 49,539 but the file has 45,469 bytes; the file is truncated — copy or export it again`,
    );
    expect(r.code).toBe(2);
  });
  it("landuse accuracy on a tiled map cut to 90 %", () => {
    const p = truncated(variant("tiled-lzw.tif"), { fraction: 0.9 });
    const samples = join(CORRUPT_DIR, "samples.csv");
    writeFileSync(samples, "x,y,class\n708022.5,8245208.8,2\n708052.5,8245178.8,3\n");
    const r = cli("accuracy", "--map", p, "--samples", samples, "--legend", "seed001");
    expect(r.err).toMatch(
      /error: .*tiled-lzw-cut7983\.tif: tile 21 of 25 \(rows 256–299, columns 64–127\) ends at byte 8,160 but the file has 7,983 bytes; the file is truncated/,
    );
    expect(r.code).toBe(2);
  });
});
