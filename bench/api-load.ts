/**
 * API benchmark: latency (p50/p99) and throughput of the common reads under load from autocannon
 * on loopback, and the time from uploading a 25-megapixel map pair to a finished analysis.
 * The server runs in its own process (`minecarbon serve`, PGlite, the demo loaded), as users run it.
 *   npx tsx bench/api-load.ts [--seconds 10] [--connections 10] [--mp 25]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { arg, ROOT as root, startServer, timeRead } from "./bench-server.ts";

const seconds = arg("seconds", 10);
const connections = arg("connections", 10);
const mp = arg("mp", 25);
const server = await startServer();
const base = server.base;
// Enterprise A's editor owns the demo's Pingshuo-like area (1) and its analysis.
const headers = await server.signIn("demo-enterprise-a");

type Answer = {
  id: string;
  state: string;
  error: unknown;
  layers: { extent: [number, number, number, number] }[];
};
const json = async (path: string, init?: RequestInit): Promise<Answer> => {
  const r = await fetch(base + path, {
    ...init,
    headers: { ...headers, ...(init?.headers as Record<string, string> | undefined) },
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Answer;
};
async function waitJob(id: string) {
  for (;;) {
    const j = await json(`/api/jobs/${id}`);
    if (j.state === "done") return;
    if (j.state === "failed") throw new Error(JSON.stringify(j.error));
    await new Promise((r) => setTimeout(r, 100));
  }
}
try {
  await waitJob("1"); // the demo analysis
  const layers = await json("/api/areas/1/layers");
  const [x0, y0, x1, y1] = layers.layers[0]!.extent;
  const reads: [string, string][] = [
    ["health", "/health"],
    ["list areas", "/api/areas"],
    ["area overview (key figures)", "/api/areas/1/overview"],
    ["job state", "/api/jobs/1"],
    ["result table, JSON (classes)", "/api/analyses/1/tables/classes"],
    ["result table, CSV (one-step matrix)", "/api/analyses/1/tables/transitionsOnestep?format=csv"],
    ["map layers list", "/api/areas/1/layers"],
    ["zoning layer PNG", "/api/analyses/1/layers/zones-1986-2018.png"],
    ["pixel class history (4 maps)", `/api/areas/1/pixel?x=${(x0 + x1) / 2}&y=${(y0 + y1) / 2}`],
    ["whole analysis result JSON", "/api/analyses/1"],
  ];
  console.log(
    `node ${process.version}; ${connections} connections, ${seconds} s per endpoint, server: PGlite, demo area`,
  );
  console.log("| read | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|");
  for (const [label, path] of reads) {
    const r = await timeRead(base + path, headers, { connections, seconds });
    console.log(`| ${label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  }

  // Upload → finished analysis for a generated pair (bench/make-pair.ts).
  const dir = join(root, "bench", "data");
  if (!existsSync(join(dir, `${mp}mp-a.tif`))) {
    const mk = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "bench", "make-pair.ts"), String(mp), dir],
      { stdio: "inherit" },
    );
    await new Promise((r) => mk.on("exit", r));
  }
  const area = await json("/api/areas", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `bench ${mp} MP`, legend: { preset: "seed001" } }),
  });
  const t0 = performance.now();
  for (const [year, f] of [
    ["2000", `${mp}mp-a.tif`],
    ["2010", `${mp}mp-b.tif`],
  ]) {
    const fd = new FormData();
    fd.set("year", year!);
    fd.set("file", new Blob([readFileSync(join(dir, f!))]), f);
    const r = await fetch(`${base}/api/areas/${area.id}/maps`, {
      method: "POST",
      body: fd,
      // Writes that a form could send must name their client (the server's cross-site guard).
      headers: { ...headers, "x-minecarbon-client": "bench" },
    });
    if (r.status !== 201) throw new Error(await r.text());
  }
  const t1 = performance.now();
  const job = await json(`/api/areas/${area.id}/analyses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  await waitJob(job.id);
  const t2 = performance.now();
  console.log(
    `\n${mp} MP pair: upload and checks ${((t1 - t0) / 1000).toFixed(2)} s, analysis job ${((t2 - t1) / 1000).toFixed(2)} s, upload → finished analysis ${((t2 - t0) / 1000).toFixed(2)} s`,
  );
} finally {
  await server.stop();
}
