import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, openSync, readFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { runBatch, type BatchInput } from "../../src/batch/run-batch.ts";
import { runQueuedBatch } from "../../src/batch/run-queued-batch.ts";
import { QueueStore } from "../../src/batch/queue-store.ts";
import { openStore } from "../../src/storage/open-database.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { APP_ROLE, freshDatabase } from "../storage/stores.ts";
import { mine, readCsv, rect, writeMines } from "./batch-fixtures.ts";

/**
 * `minecarbon batch --queue` and `minecarbon worker` on a REAL PostgreSQL (a fresh database on
 * $DATABASE_URL's server; skipped without one, like the storage tests, unless
 * MINECARBON_REQUIRE_POSTGRES=1 makes a missing server fail). Workers are child processes of
 * bin/minecarbon.mjs. Short lease and maintenance through MINECARBON_QUEUE_* (docs/batch.md), so
 * that a killed worker's job is retried within seconds; every wait is for a condition.
 */
const PG = Boolean(process.env.DATABASE_URL || process.env.MINECARBON_REQUIRE_POSTGRES);
const bin = join(import.meta.dirname, "..", "..", "bin", "minecarbon.mjs");
const OUTPUTS = ["classes.csv", "transitions.csv", "zones.csv", "mines.csv"];
const QUEUE_ENV = {
  MINECARBON_QUEUE_LEASE_SECONDS: "4",
  MINECARBON_QUEUE_MAINTENANCE_SECONDS: "1",
  MINECARBON_QUEUE_POLL_SECONDS: "0.5",
};

/** A province in small: 6 annual maps 192 × 192 (tiles 16) and 48 irregularly placed mines. */
function province(dir: string): { maps: { year: number; path: string }[]; mines: string } {
  const w = 192;
  const years = [2000, 2004, 2008, 2012, 2016, 2020];
  let s = 11;
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
    Array.from({ length: 48 }, (_, i) => {
      const x = rnd() * (w - 50);
      const y = rnd() * (w - 50);
      return mine(`m${i}`, [rect(x, y, x + 10 + rnd() * 40, y + 10 + rnd() * 40)]);
    }),
  );
  return { maps, mines };
}

/** A worker process and the lines of its stderr as they come. */
function startWorker(
  url: string,
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  lines: string[];
  line: (re: RegExp) => Promise<RegExpMatchArray>;
} {
  const child = spawn(process.execPath, [bin, "worker"], {
    env: { ...process.env, ...QUEUE_ENV, DATABASE_URL: url, MINECARBON_NO_BUNDLE: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const lines: string[] = [];
  const waiting: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  createInterface({ input: child.stderr! }).on("line", (l) => {
    lines.push(l);
    for (const w of [...waiting]) {
      const m = w.re.exec(l);
      if (m) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  return {
    child,
    lines,
    line: (re) =>
      new Promise((resolve, reject) => {
        const m = lines.map((l) => re.exec(l)).find(Boolean);
        if (m) return resolve(m);
        waiting.push({ re, resolve });
        child.once("exit", (code) =>
          reject(new Error(`worker exited (${code}) before ${re}:\n${lines.join("\n")}`)),
        );
      }),
  };
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve(c.exitCode)
    : new Promise<number | null>((resolve) => c.once("exit", (code) => resolve(code)));

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

describe.runIf(PG)("batch --queue across worker processes on PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
    // The migrations as the CLI runs them (batch --queue and worker do the same on start).
    await (await openStore({ databaseUrl: db.ownerUrl })).close();
  });
  afterAll(async () => {
    // SIGTERM, which a `worker --concurrency` parent passes on to its children (SIGKILL would orphan them).
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGTERM");
    await Promise.all(workers.map(exited));
    await db?.drop();
  });

  it("a worker killed with SIGKILL mid-job: its job is retried, and the outputs equal the one-machine batch's, byte for byte, with no duplicate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-batch-queue-"));
    const { maps, mines } = province(dir);
    const input = (out: string): BatchInput => ({
      maps,
      mines,
      idField: "mine_id",
      legend: "seed001",
      out: join(dir, out),
      workers: 1,
      checksum: "size+mtime",
    });
    await runBatch(input("local"));
    const saved = { ...process.env };
    Object.assign(process.env, QUEUE_ENV);
    let queued!: () => void;
    const jobsQueued = new Promise<void>((r) => (queued = r));
    const coordinator = runQueuedBatch(
      { ...input("queued"), tell: (l) => (/jobs of up to/.test(l) ? queued() : undefined) },
      { databaseUrl: db.ownerUrl, groupSize: 4, retries: 2, pollMs: 200 },
    ).finally(() => (process.env = saved));
    await jobsQueued;
    const started = [startWorker(db.ownerUrl), startWorker(db.ownerUrl), startWorker(db.ownerUrl)];
    workers.push(...started.map((w) => w.child));
    const [victim, ...others] = started;
    // Kill the first worker as soon as it says a job is active on it.
    const [, jobId] = (await victim!.line(/job (\S+) active/)) as [string, string];
    victim!.child.kill("SIGKILL");
    await exited(victim!.child);
    const [held] = await query<{ state: string }>(
      db.ownerUrl,
      "SELECT state::text FROM pgboss.job WHERE id = $1",
      [jobId],
    );
    expect(held?.state, "the killed worker's job was still active when it died").toBe("active");
    const summary = await coordinator;
    expect(summary.queue?.deadLetters).toEqual([]);
    expect(summary.mines.counted).toBe(48);
    for (const f of OUTPUTS)
      expect(readFileSync(join(dir, "queued", f), "utf8"), f).toBe(
        readFileSync(join(dir, "local", f), "utf8"),
      );
    // Retried after its lease, by another worker; every mine recorded exactly once.
    const [retried] = await query<{ state: string; retry_count: number }>(
      db.ownerUrl,
      "SELECT state::text, retry_count FROM pgboss.job WHERE id = $1",
      [jobId],
    );
    expect(retried).toEqual({ state: "completed", retry_count: 1 });
    const rows = await query<{ n: string; distinct: string }>(
      db.ownerUrl,
      "SELECT count(*) AS n, count(DISTINCT mine_id) AS distinct FROM batch_mine_results WHERE batch_id = $1",
      [summary.queue!.batchId],
    );
    expect(rows[0]).toEqual({ n: "48", distinct: "48" });
    // SIGTERM: each remaining worker finishes and exits 0.
    for (const w of others) w.child.kill("SIGTERM");
    expect(await Promise.all(others.map((w) => exited(w.child)))).toEqual([0, 0]);
    expect(others.every((w) => w.lines.some((l) => /worker stopped after \d+ jobs/.test(l)))).toBe(true);
  }, 90_000);

  it("jobs failing after their retries are dead letters: the waiting batch writes the rest and exits 4 naming them; batch status lists them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-batch-dead-"));
    const { maps, mines } = province(dir);
    // Damage one block of the 2008 map: mines that touch it cannot be counted; the others can.
    const damaged = join(dir, "lc2008-damaged.tif");
    copyFileSync(maps[2]!.path, damaged);
    const { fromFile } = await import("geotiff");
    const tiff = await fromFile(damaged);
    const image = await tiff.getImage();
    const offsets = (await image.fileDirectory.loadValue("TileOffsets")) as ArrayLike<number>;
    const across = Math.ceil(image.getWidth() / 16);
    const block = 5 * across + 5;
    const fd = openSync(damaged, "r+");
    writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, offsets[block]!);
    closeSync(fd);
    await tiff.close();
    maps[2] = { year: 2008, path: damaged };
    const out = join(dir, "out");
    const worker = startWorker(db.ownerUrl);
    workers.push(worker.child);
    const run = (args: string[]) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...process.env, ...QUEUE_ENV, DATABASE_URL: db.ownerUrl, MINECARBON_NO_BUNDLE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      return exited(child).then((code) => ({ code, stdout, stderr }));
    };
    const r = await run([
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
      "--queue",
      "--group-size",
      "4",
      "--retries",
      "1",
      "--no-progress",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(4);
    const summary = JSON.parse(r.stdout) as {
      queue: {
        batchId: string;
        deadLetters: { job: string; mines: string[]; error: string; retries: number }[];
      };
      mines: { counted: number; failed: { id: string; reason: string }[] };
    };
    const dead = summary.queue.deadLetters;
    expect(dead.length).toBeGreaterThan(0);
    for (const d of dead) {
      expect(r.stderr).toContain(d.job);
      expect(d.retries).toBe(1);
      expect(d.error).not.toBe("");
    }
    const deadMines = dead.flatMap((d) => d.mines);
    const minesCsv = readCsv(readFileSync(join(out, "mines.csv"), "utf8"));
    expect(
      minesCsv
        .filter((m) => m.status === "failed")
        .map((m) => m.mine_id)
        .sort(),
    ).toEqual([...deadMines].sort());
    expect(summary.mines.counted).toBe(48 - deadMines.length);
    expect(summary.mines.counted).toBeGreaterThan(0);
    const status = await run(["batch", "status", summary.queue.batchId, "--json"]);
    expect(status.code, status.stderr).toBe(0);
    const s = JSON.parse(status.stdout) as { mines: { counted: number }; deadLetters: typeof dead };
    expect(s.mines.counted).toBe(summary.mines.counted);
    expect(s.deadLetters.map((d) => d.job).sort()).toEqual(dead.map((d) => d.job).sort());
    const text = await run(["batch", "status", summary.queue.batchId]);
    expect(text.stdout).toMatch(/dead letters \(\d+\):/);
    worker.child.kill("SIGTERM");
    expect(await exited(worker.child)).toBe(0);
  }, 90_000);

  it("as an application role that may not create schemas: the owner installs pg-boss's schema, the role queues, counts and reads the results", async () => {
    const app = await freshDatabase();
    try {
      const dir = mkdtempSync(join(tmpdir(), "mc-batch-app-"));
      const { maps, mines } = province(dir);
      const out = (o: string) => join(dir, o);
      await runBatch({
        maps,
        mines,
        idField: "mine_id",
        legend: "seed001",
        out: out("local"),
        workers: 1,
        checksum: "size+mtime",
      });
      const [may] = await query<{ create: boolean }>(
        app.appUrl,
        "SELECT has_database_privilege(current_database(), 'CREATE') AS create",
      );
      expect(may!.create).toBe(false);
      const env = { ...QUEUE_ENV, DATABASE_URL: app.appUrl, MINECARBON_MIGRATION_URL: app.ownerUrl };
      const coordinator = spawn(
        process.execPath,
        [
          bin,
          "batch",
          ...maps.flatMap((m) => ["--map", `${m.year}=${m.path}`]),
          ...["--mines", mines, "--id-field", "mine_id", "--legend", "seed001", "--out", out("queued")],
          ...["--queue", "--group-size", "8", "--no-progress"],
        ],
        { env: { ...process.env, ...env, MINECARBON_NO_BUNDLE: "1" }, stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      const queued = new Promise<void>((resolve) =>
        coordinator.stderr!.on("data", (d: Buffer) => {
          stderr += d.toString();
          if (/jobs of up to/.test(stderr)) resolve();
        }),
      );
      const done = exited(coordinator);
      await Promise.race([queued, done]);
      const worker = startWorker(app.appUrl, env);
      workers.push(worker.child);
      expect(await done, stderr).toBe(0);
      for (const f of OUTPUTS)
        expect(readFileSync(join(out("queued"), f), "utf8"), f).toBe(
          readFileSync(join(out("local"), f), "utf8"),
        );
      const [owner] = await query<{ started_by: string }>(app.ownerUrl, "SELECT started_by FROM batches");
      expect(owner!.started_by).toBe(APP_ROLE);
      worker.child.kill("SIGTERM");
      expect(await exited(worker.child)).toBe(0);
    } finally {
      await app.drop();
    }
  }, 90_000);

  it("worker --concurrency 2 on a new database: two worker processes migrate it one at a time, start, and stop on SIGTERM", async () => {
    const fresh = await freshDatabase();
    const child = spawn(process.execPath, [bin, "worker", "--concurrency", "2"], {
      env: { ...process.env, ...QUEUE_ENV, DATABASE_URL: fresh.ownerUrl, MINECARBON_NO_BUNDLE: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    onTestFinished(() => fresh.drop());
    workers.push(child);
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on("data", (d: Buffer) => {
        stderr += d.toString();
        if ((stderr.match(/waiting for jobs/g) ?? []).length === 2) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}:\n${stderr}`)));
    });
    const pids = new Set([...stderr.matchAll(/worker \S+:(\d+) waiting/g)].map((m) => m[1]));
    expect(pids.size).toBe(2);
    child.kill("SIGTERM");
    expect(await exited(child), stderr).toBe(0);
    expect((stderr.match(/worker stopped after 0 jobs/g) ?? []).length).toBe(2);
  }, 120_000);

  it("a job's rows go in one transaction: delivered twice adds nothing, failing half-way leaves nothing", async () => {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });
    try {
      const store = new QueueStore(pool);
      await store.saveBatch({
        id: "tx-test",
        startedFrom: "test",
        plan: { paths: ["a.tif", "b.tif"], bytes: [1, 1], years: [2000, 2010], cacheMiB: 16 },
        mines: 2,
        jobs: 1,
        pixelYears: 8,
      });
      const record = (id: string) => ({
        version: 1 as const,
        key: "a".repeat(64),
        id,
        pixels: 4,
        areaHa: 0.36,
        crossesEdge: false,
        seconds: 0.01,
        counts: {
          classes: [[0, 1, 4, 0.36]] as [number, number, number, number][],
          transitions: [],
          nodataPixels: [0, 0],
        },
        pixelYears: 8,
      });
      expect(await store.writeResults("tx-test", "j1", "w", [record("a"), record("b")])).toBe(2);
      expect(await store.writeResults("tx-test", "j1", "w", [record("a"), record("b")])).toBe(0);
      // A record that cannot be written (an id PostgreSQL refuses) after one that can: nothing stays.
      await expect(
        store.writeResults("tx-test", "j2", "w", [record("c"), record("bad\u0000id")]),
      ).rejects.toThrow();
      expect((await store.progress("tx-test")).mines).toBe(2);
    } finally {
      await pool.end();
    }
  });
});
