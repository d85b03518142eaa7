/**
 * The management system's yearly runs at a province's scale (issue 13): on a generated province of
 * `--mines` mines (default 500) with `--years` years of reports (default 10), served by
 * `minecarbon serve` on PGlite and asked as the province's regulator —
 * - the supervision run of the last year (`POST /api/supervision/run`), first (raising its flags)
 *   and again (raising nothing twice);
 * - the year's evaluation ranking (`GET /api/evaluation`);
 * - the regulator's annual summary (`GET /api/management/summary`, XLSX and PDF).
 * Each is timed once, whole request, as a regulator waits for it.
 *   npx tsx bench/supervision-run.ts [--mines 500] [--years 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asSystem } from "../src/storage/row-scope.ts";
import { openStore } from "../src/storage/open-database.ts";
import { arg, PASSWORD, startServer } from "./bench-server.ts";
import { generateProvince } from "./province-generator.ts";

const mines = arg("mines", 500);
const years = arg("years", 10);
const lastYear = 2025;

const dir = mkdtempSync(join(tmpdir(), "mc-bench-supervision-"));
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
    const headers = await server.signIn("province-regulator");
    const timed = async (label: string, url: string, init: RequestInit = {}) => {
      const t = performance.now();
      const r = await fetch(`${server.base}${url}`, { ...init, headers: { ...headers, ...init.headers } });
      const body = Buffer.from(await r.arrayBuffer());
      const ms = performance.now() - t;
      if (r.status >= 300) throw new Error(`${label}: ${r.status} ${body.toString().slice(0, 300)}`);
      console.log(`${label}: ${(ms / 1000).toFixed(2)} s (${(body.length / 1024).toFixed(0)} KiB)`);
      return body;
    };
    const run = (label: string) =>
      timed(label, "/api/supervision/run", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ year: lastYear }),
      }).then((b) => {
        const r = JSON.parse(b.toString()) as {
          mines: number;
          raised: number;
          created: string[];
          elapsedMs: number;
        };
        console.log(
          `  ${r.mines} mines, ${r.raised} flags raised, ${r.created.length} new; ${(r.elapsedMs / 1000).toFixed(2)} s in the server`,
        );
      });
    await run(`supervision run ${lastYear}, first`);
    await run(`supervision run ${lastYear}, again`);
    await timed(`evaluation ranking ${lastYear}`, `/api/evaluation?year=${lastYear}`);
    await timed(
      `annual summary ${lastYear}, XLSX`,
      `/api/management/summary?year=${lastYear}&format=xlsx&lang=zh`,
    );
    await timed(
      `annual summary ${lastYear}, PDF`,
      `/api/management/summary?year=${lastYear}&format=pdf&lang=zh`,
    );
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
