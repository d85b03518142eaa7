import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch, type BatchInput } from "../../src/batch/run-batch.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { mine, rect, writeMines } from "./batch-fixtures.ts";

const bin = join(import.meta.dirname, "..", "..", "bin", "minecarbon.mjs");

describe("minecarbon batch killed with SIGKILL part-way", () => {
  it("resumes from its journal and ends with the outputs of an uninterrupted run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-batch-kill-"));
    const w = 320;
    const years = [2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014];
    let s = 3;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const maps = years.map((year) => {
      const path = join(dir, `lc${year}.tif`);
      writeCodeRaster(
        path,
        Array.from({ length: w * w }, () => 1 + Math.floor(rnd() * 11)),
        w,
        w,
        { tile: 16 },
      );
      return { year, path };
    });
    const mines = writeMines(
      join(dir, "mines.geojson"),
      Array.from({ length: 120 }, (_, i) => {
        const x = rnd() * (w - 60);
        const y = rnd() * (w - 60);
        return mine(`m${i}`, [rect(x, y, x + 20 + rnd() * 40, y + 20 + rnd() * 40)]);
      }),
    );
    const out = join(dir, "killed");
    const journal = join(out, ".journal");
    const child = spawn(
      process.execPath,
      [
        bin,
        "batch",
        ...maps.flatMap((m) => ["--map", `${m.year}=${m.path}`]),
        "--mines",
        mines,
        "--id-field",
        "mine_id",
        "--legend",
        "seed001",
        "--out",
        out,
        "--no-progress",
      ],
      { env: { ...process.env, MINECARBON_NO_BUNDLE: "1" }, stdio: "ignore" },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Kill it as soon as a few mines are in the journal (or let it be, should it finish first).
    let seen = 0;
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished) {
      seen = existsSync(journal) ? readdirSync(journal).filter((f) => f.endsWith(".json")).length : 0;
      if (seen >= 3) {
        child.kill("SIGKILL");
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    await exited;
    const input = (o: string): BatchInput => ({
      maps,
      mines,
      idField: "mine_id",
      legend: "seed001",
      out: o,
      workers: 1,
      checksum: "size+mtime",
    });
    const resumed = await runBatch(input(out));
    expect(resumed.mines.resumed).toBeGreaterThanOrEqual(Math.min(seen, 3));
    expect(resumed.mines.counted).toBe(120);
    const fresh = join(dir, "fresh");
    await runBatch(input(fresh));
    for (const f of ["classes.csv", "transitions.csv", "zones.csv", "mines.csv"])
      expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(fresh, f), "utf8"));
  });
});
