/**
 * The management system's reads at a province's scale (issue 13): the regulator's overview (the
 * dashboard's one request) on the demo province and on a generated province of `--mines` mines
 * (default 500) with `--years` years of reports (default 10), each served by `minecarbon serve`
 * in its own process on PGlite, signed in as the province's regulator. Reported: the first answer
 * (cold: nothing cached), the median and 99th percentile of one client asking again and again, and
 * the throughput of `--connections` clients; and the generation's own time.
 *   npx tsx bench/management-province.ts [--mines 500] [--years 10] [--seconds 5] [--connections 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asSystem } from "../src/storage/row-scope.ts";
import { openStore } from "../src/storage/open-database.ts";
import { arg, PASSWORD, startServer, timeRead, type BenchServer } from "./bench-server.ts";
import { generateProvince } from "./province-generator.ts";

const mines = arg("mines", 500);
const years = arg("years", 10);
const seconds = arg("seconds", 5);
const connections = arg("connections", 10);
const lastYear = 2025;

async function measure(label: string, server: BenchServer, username: string, year: number) {
  const headers = await server.signIn(username);
  const url = `${server.base}/api/management/overview?year=${year}`;
  const t0 = performance.now();
  const first = await fetch(url, { headers });
  const body = (await first.json()) as { mines: unknown[]; queue: unknown[] };
  const coldMs = performance.now() - t0;
  if (first.status !== 200) throw new Error(`${label}: ${first.status} ${JSON.stringify(body)}`);
  const one = await timeRead(url, headers, { connections: 1, seconds });
  const many = await timeRead(url, headers, { connections, seconds });
  console.log(
    `${label}: ${body.mines.length} mines, ${body.queue.length} in the queue, ${(JSON.stringify(body).length / 1024).toFixed(0)} KiB; ` +
      `first answer ${coldMs.toFixed(0)} ms; one client p50 ${one.p50} ms, p99 ${one.p99} ms; ` +
      `${connections} clients ${one.errors + many.errors ? `(${one.errors + many.errors} errors) ` : ""}${many.rps.toFixed(0)} req/s`,
  );
}

// The demo province, as `npm start` serves it.
{
  const server = await startServer();
  try {
    await measure("demo province", server, "demo-regulator", lastYear);
  } finally {
    await server.stop();
  }
}

// A generated province written into a PGlite store, then served.
const dir = mkdtempSync(join(tmpdir(), "mc-bench-province-"));
try {
  const t0 = performance.now();
  const store = await openStore({ dataDir: join(dir, "db") });
  const p = await asSystem(() =>
    generateProvince(store.db, { mines, years, lastYear, seed: 2026, password: PASSWORD }),
  );
  await store.close();
  console.log(
    `generated: ${p.mineIds.length} mines, ${p.reports} reports over ${years} years in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const server = await startServer({ dataDir: dir });
  try {
    await measure(
      `generated province (${mines} mines × ${years} years)`,
      server,
      "province-regulator",
      lastYear,
    );
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
