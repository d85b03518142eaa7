import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { histogramsInProgress } from "../../src/engine/read-code-histogram-off-thread.ts";
import { AppContext, DEFAULT_MAX_MAP_PIXELS } from "../../src/server/context.ts";
import { blockRanges, CORRUPT_DIR, patched, TAG, truncated } from "../fixtures/corrupt-geotiff.ts";
import { writeUniformRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, createArea, multipart, testApp } from "./test-app.ts";

const VARIANTS = join(import.meta.dirname, "..", "fixtures", "geotiff-variants");
const variant = (f: string) => join(VARIANTS, f);

/** A test app with a pixel limit of its own. */
const appWithLimit = (kind: string, maxMapPixels?: number) =>
  testApp(kind, maxMapPixels === undefined ? {} : { maxMapPixels });

describe("map uploads: corrupt, impossible and oversized maps are refused with 4xx", () => {
  const kind = STORE_KINDS[0]!;
  let t: Awaited<ReturnType<typeof appWithLimit>>;
  let areaId: string;
  beforeAll(async () => {
    t = await appWithLimit(kind, 500_000_000);
    areaId = await createArea(t.app, "Upload limits");
  });
  afterAll(async () => t.close());

  const upload = (year: number, name: string, path: string, app = t.app, area = areaId) =>
    app.inject({
      method: "POST",
      url: `/api/areas/${area}/maps`,
      ...multipart({ year: String(year) }, { name, bytes: readFileSync(path) }),
    });
  const refusal = async (r: Awaited<ReturnType<typeof upload>>) => {
    // Nothing half-kept: the temporary upload is gone.
    expect(readdirSync(join(t.dir, "tmp"))).toEqual([]);
    return { status: r.statusCode, ...r.json().error };
  };

  it("a striped map cut to 50 %: 400 naming the strip, in the file's own name", async () => {
    const r = await upload(2000, "2000.tif", truncated(variant("striped-none.tif"), { fraction: 0.5 }));
    expect(await refusal(r)).toMatchObject({
      status: 400,
      code: "not-a-geotiff",
      details: [
        {
          path: "file",
          message:
            "2000.tif: strip 5 of 12 (rows 135–161) ends at byte 49,539 but the file has 45,469 bytes; the file is truncated — copy or export it again",
        },
      ],
    });
  });

  it("a tiled map cut to 25 %: 400 naming the tile", async () => {
    const r = await upload(2000, "tiled.tif", truncated(variant("tiled-lzw.tif"), { fraction: 0.25 }));
    const e = await refusal(r);
    expect(e.status).toBe(400);
    expect(e.details[0].message).toMatch(
      /^tiled\.tif: tile 4 of 25 \(rows 0–63, columns 256–299\) ends at byte 2,539 but the file has 2,217 bytes; the file is truncated/,
    );
  });

  it("a block that only fails to decode (found by the worker thread): 400, not 500", async () => {
    const src = variant("striped-lzw.tif");
    const count = blockRanges(readFileSync(src))[6]!.count;
    const bad = patched(src, "upload-short", [[TAG.StripByteCounts, 6, Math.floor(count / 3)]]);
    const e = await refusal(await upload(2000, "short.tif", bad));
    expect(e.status).toBe(400);
    expect(e.details[0].message).toMatch(
      /^short\.tif: strip 6 of 12 \(rows 162–188\) (decodes to|cannot be decoded)/,
    );
  });

  it("a zero-size raster: 400", async () => {
    const zero = patched(variant("striped-deflate.tif"), "upload-zero", [[TAG.ImageWidth, 0, 0]]);
    const e = await refusal(await upload(2000, "zero.tif", zero));
    expect(e.status).toBe(400);
    expect(e.details[0].message).toMatch(
      /^zero\.tif: is 0 × 300 pixels; a map needs at least one row and one column/,
    );
  });

  it("a small file declaring 100,000 × 100,000 pixels: 413 from the header alone", async () => {
    const huge = patched(variant("striped-deflate.tif"), "upload-huge", [
      [TAG.ImageWidth, 0, 100_000],
      [TAG.ImageLength, 0, 100_000],
    ]);
    const e = await refusal(await upload(2000, "huge.tif", huge));
    expect(e).toMatchObject({ status: 413, code: "too-large" });
    expect(e.details[0].message).toBe(
      "huge.tif: is 100,000 × 100,000 = 10,000,000,000 pixels, more than the 500,000,000 accepted here; clip it to the area (gdal_translate -projwin …) or ask the operator to raise the limit",
    );
  });

  it("the pixel limit is the deployment's, with a default", async () => {
    const over = await appWithLimit(kind, 89_999);
    try {
      const b = await createArea(over.app, "Over");
      const r = await upload(2000, "over.tif", variant("tiled-lzw.tif"), over.app, b);
      expect(r.statusCode).toBe(413);
      expect(r.json().error.details[0].message).toMatch(
        /^over\.tif: is 300 × 300 = 90,000 pixels, more than the 89,999 accepted here/,
      );
    } finally {
      await over.close();
    }
    const { store, folder, jobs } = t.ctx;
    expect(new AppContext(store, folder, jobs, t.ctx.identity, 1).maxMapPixels).toBe(DEFAULT_MAX_MAP_PIXELS);
  });

  it("/health answers while a big map's arrival check runs in a worker thread", async () => {
    // 12,000 × 12,000 valid pixels in one tile (144 MB decoded, 140 KB stored): read on the main
    // thread, decoding and counting it would hold the event loop for its whole duration. Requests
    // go through a real socket, whose answers need the server's event loop to be free (inject
    // would slip in between the promise steps of a check that blocks it).
    const big = join(CORRUPT_DIR, "big-valid.tif");
    writeUniformRaster(big, 12_000, 12_000, { code: 1, tile: 12_000 });
    const base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const form = new FormData();
    form.set("year", "2000");
    form.set("file", new Blob([readFileSync(big)]), "big.tif");
    let answered = false;
    const pending = fetch(`${base}/api/areas/${areaId}/maps`, {
      method: "POST",
      headers: { ...CLIENT, ...t.auth },
      body: form,
    }).then((r) => {
      answered = true;
      return r;
    });
    // Wait (however long the upload takes to arrive on a busy machine) until the check runs.
    while (histogramsInProgress() === 0 && !answered) await new Promise((r) => setTimeout(r, 5));
    expect(answered, answered ? await (await pending).text() : "").toBe(false);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // /health was answered while the map was still being read and the upload still pending.
    expect(histogramsInProgress()).toBe(1);
    expect(answered).toBe(false);
    // And it keeps answering, one request after another, for as long as the check runs: no answer
    // waits for a large part of the check (read on the main thread, one waits for nearly all of it).
    const start = performance.now();
    let longestWaitMs = 0;
    let answers = 0;
    while (histogramsInProgress() > 0) {
      const sent = performance.now();
      expect((await fetch(`${base}/health`)).status).toBe(200);
      longestWaitMs = Math.max(longestWaitMs, performance.now() - sent);
      answers++;
    }
    const checkMs = performance.now() - start;
    expect(answers).toBeGreaterThan(1);
    expect(longestWaitMs).toBeLessThan(checkMs / 2);
    const r = await pending;
    expect(r.status).toBe(201);
    const stored = (await r.json()) as { grid: { width: number; height: number } };
    expect(stored.grid).toMatchObject({ width: 12_000, height: 12_000 });
  });
});
