import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch, type BatchInput } from "../../src/batch/run-batch.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { mine, rect, writeMines } from "./batch-fixtures.ts";

const OUTPUTS = ["classes.csv", "transitions.csv", "zones.csv", "mines.csv"];

/** A 64 × 48 series of four years and 30 small mines scattered over it. */
function province(dir: string) {
  const w = 64;
  const h = 48;
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const base = Array.from(
    { length: w * h },
    (_, i) => 1 + ((Math.floor((i % w) / 5) + Math.floor(i / w / 6)) % 11),
  );
  const maps = [2000, 2005, 2010, 2015].map((year, k) => {
    const codes = base.map((v) => (rnd() < 0.1 * k ? 1 + Math.floor(rnd() * 11) : v));
    const path = join(dir, `lc${year}.tif`);
    writeCodeRaster(path, codes, w, h, { tile: 16 });
    return { year, path };
  });
  const features = Array.from({ length: 30 }, (_, i) => {
    const x = rnd() * (w - 6);
    const y = rnd() * (h - 6);
    return mine(`m${i}`, [rect(x, y, x + 1 + rnd() * 5, y + 1 + rnd() * 5)]);
  });
  return { maps, mines: writeMines(join(dir, "mines.geojson"), features) };
}

const read = (out: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(out, f), "utf8")]));

describe("runBatch: resuming and worker threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-batch-resume-"));
  const { maps, mines } = province(dir);
  const input = (out: string, workers = 1): BatchInput => ({
    maps,
    mines,
    idField: "mine_id",
    legend: "seed001",
    out,
    workers,
    checksum: "size+mtime",
  });

  it("gives the same outputs, byte for byte, with 1 and 2 worker threads", async () => {
    const one = await runBatch(input(join(dir, "w1"), 1));
    const two = await runBatch(input(join(dir, "w2"), 2));
    expect(read(join(dir, "w2"))).toEqual(read(join(dir, "w1")));
    expect(two.mines).toEqual(one.mines);
  });

  it("an interrupted batch resumes: mines in the journal are not counted again, and the outputs are the same", async () => {
    const out = join(dir, "resume");
    const first = await runBatch(input(out));
    expect(first.mines.resumed).toBe(0);
    const whole = read(out);
    // A batch stopped part-way: 12 mines' journal entries lost, no outputs written, a half-written entry left.
    const journal = join(out, ".journal");
    const entries = readdirSync(journal).sort();
    for (const f of entries.slice(0, 12)) rmSync(join(journal, f));
    for (const f of OUTPUTS) rmSync(join(out, f));
    writeFileSync(join(journal, `${entries[0]}.123.tmp`), '{"version":1,"key":"');
    const again = await runBatch(input(out));
    expect(again.mines).toMatchObject({ counted: 30, resumed: 18 });
    expect(again.run.pixelsCounted).toBeGreaterThan(0);
    expect(read(out)).toEqual(whole);
  });

  it("counts every mine again when a map changes (its size or modification time), and only a changed mine when its polygon does", async () => {
    const out = join(dir, "changed");
    await runBatch(input(out));
    const later = new Date(Date.now() + 60_000);
    utimesSync(maps[1]!.path, later, later);
    expect((await runBatch(input(out))).mines.resumed).toBe(0);
    const doc = JSON.parse(readFileSync(mines, "utf8")) as {
      features: { geometry: { coordinates: unknown } }[];
    };
    doc.features[3]!.geometry.coordinates = [rect(1, 1, 4, 4)];
    const moved = join(dir, "moved.geojson");
    writeFileSync(moved, JSON.stringify(doc));
    const after = await runBatch({ ...input(out), mines: moved });
    expect(after.mines).toMatchObject({ counted: 30, resumed: 29 });
  });
});
