/**
 * Benchmark of `minecarbon batch --queue` with 1 and 2 `minecarbon worker` processes against the
 * one-machine batch (`--workers 1` and `--workers 2`), on the province of bench/batch-province.ts
 * (generated there first when missing, with the same sizes). Needs DATABASE_URL (a server where
 * this role may create databases): the queue runs in a fresh database, dropped at the end. Workers
 * are started before the batch and wait idle, as they would on machines that serve batches; the
 * time is the waiting `batch --queue` command's, from start to exit. Every CSV must be equal, byte
 * for byte, to the one-machine batch's.
 *
 *   npx tsx bench/batch-queue.ts                      25 megapixels × 3 years, 200 mines
 *   npx tsx bench/batch-queue.ts --megapixels 100 --years 4 --mines 500 [--group-size 16]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const megapixels = arg("--megapixels", 25);
const yearCount = arg("--years", 3);
const mineCount = arg("--mines", 200);
const groupSize = arg("--group-size", 16);
const dir = `/tmp/minecarbon-bench/province2-${megapixels}mp-${yearCount}y-${mineCount}m`;
const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "minecarbon.mjs");
const admin = process.env.DATABASE_URL;
if (!admin) throw new Error("bench/batch-queue.ts needs DATABASE_URL (source /tmp/pgenv)");

const years = Array.from({ length: yearCount }, (_, i) => 2000 + 5 * i);
const mapPath = (y: number) => join(dir, `CLCD_like_${y}.tif`);
const minesPath = join(dir, "mines.geojson");
if (!years.every((y) => existsSync(mapPath(y))) || !existsSync(minesPath)) {
  console.log("generating the province with bench/batch-province.ts …");
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "bench", "batch-province.ts"),
      ...["--megapixels", String(megapixels), "--years", String(yearCount), "--mines", String(mineCount)],
      "--no-rasterio",
    ],
    { stdio: "inherit" },
  );
  if (r.status !== 0) throw new Error("bench/batch-province.ts failed");
}

/** The batch's arguments, its --out emptied first (a journal left there would be taken up). */
const batchArgs = (out: string) => (
  rmSync(join(dir, out), { recursive: true, force: true }),
  [
    "batch",
    ...years.flatMap((y) => ["--map", `${y}=${mapPath(y)}`]),
    ...["--mines", minesPath, "--id-field", "mine_id", "--legend", "clcd", "--mining-classes", "barren"],
    ...["--out", join(dir, out), "--no-progress"],
  ]
);

async function sql(url: string, text: string): Promise<void> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Runs a whole command; wall seconds. */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0
        ? resolve((performance.now() - t0) / 1000)
        : reject(new Error(`${args.slice(0, 2).join(" ")} exited ${code}:\n${stderr}`)),
    ),
  );
}

/** Starts a worker and resolves when it waits for jobs; its log goes to DIR/worker-<run>-<k>.log. */
function worker(env: NodeJS.ProcessEnv, log: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, "worker"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stderr }).on("line", (l) => {
      lines.push(l);
      writeFileSync(log, `${lines.join("\n")}\n`);
      if (/waiting for jobs/.test(l)) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited ${code} before waiting for jobs`)));
  });
}

const name = `minecarbon_bench_${randomBytes(5).toString("hex")}`;
await sql(admin, `CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const env = { ...process.env, DATABASE_URL: url.toString(), MINECARBON_QUEUE_POLL_SECONDS: "0.5" };
const rows: [string, number][] = [];
try {
  // The bundle is built (or found) once before anything is timed.
  await timed(["--version"], env);
  rows.push([
    "batch --workers 1 (one machine)",
    await timed([...batchArgs("q-local-1"), "--workers", "1"], env),
  ]);
  rows.push([
    "batch --workers 2 (one machine)",
    await timed([...batchArgs("q-local-2"), "--workers", "2"], env),
  ]);
  for (const n of [1, 2]) {
    const workers = await Promise.all(
      Array.from({ length: n }, (_, k) => worker(env, join(dir, `worker-${n}-${k + 1}.log`))),
    );
    const out = `q-queue-${n}`;
    rows.push([
      `batch --queue, ${n} worker process${n > 1 ? "es" : ""}`,
      await timed([...batchArgs(out), "--queue", "--group-size", String(groupSize)], env),
    ]);
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => new Promise((r) => w.once("exit", r))));
    // The next run counts everything again: the same inputs would otherwise take up these results.
    await sql(url.toString(), "DELETE FROM batches");
  }
  for (const n of [1, 2])
    for (const f of ["classes.csv", "transitions.csv", "zones.csv", "mines.csv"])
      if (
        readFileSync(join(dir, `q-queue-${n}`, f), "utf8") !== readFileSync(join(dir, "q-local-1", f), "utf8")
      )
        throw new Error(`${f} of the queued batch with ${n} workers differs from the one-machine batch's`);
  console.log(
    `\n${mineCount} mines × ${yearCount} years of ${megapixels} megapixels, jobs of ${groupSize} mines; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}\n`,
  );
  console.log("| run | wall time | per mine |\n|---|---|---|");
  for (const [label, s] of rows)
    console.log(`| ${label} | ${s.toFixed(1)} s | ${((1000 * s) / mineCount).toFixed(1)} ms |`);
  console.log("\nEvery CSV of the queued runs is equal, byte for byte, to the one-machine batch's.");
} finally {
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
