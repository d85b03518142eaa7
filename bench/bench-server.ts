/**
 * What the API benchmarks share: `minecarbon serve` in its own process with the demo loaded (on
 * PGlite, or on PostgreSQL as the application role with the owner's migrations), signing in as a
 * demo account, and timing one read with autocannon.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

export const ROOT = join(import.meta.dirname, "..");
export const PASSWORD = "Bench-Demo-Password-2026";

export interface BenchServer {
  readonly base: string;
  /** Headers that act as `username` (a session cookie, with the Origin its writes need). */
  signIn(username: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startServer(
  o: {
    databaseUrl?: string;
    migrationUrl?: string;
    /** A data folder prepared beforehand (its PGlite store in `db/`); then no demo is loaded. */
    dataDir?: string;
  } = {},
): Promise<BenchServer> {
  const data = mkdtempSync(join(tmpdir(), "mc-bench-api-"));
  const dataDir = o.dataDir ?? join(data, "d");
  const port = 18700 + Math.floor(Math.random() * 200);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      join(ROOT, "bin", "minecarbon.mjs"),
      "serve",
      "--port",
      String(port),
      "--data",
      dataDir,
      ...(o.dataDir ? [] : ["--demo"]),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: o.databaseUrl ?? "",
        MINECARBON_MIGRATION_URL: o.migrationUrl ?? "",
        MINECARBON_DEMO_PASSWORD: PASSWORD,
      },
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("MineCarbon is running")) resolve();
    });
    server.on("exit", (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  return {
    base,
    async signIn(username) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
      return { cookie: r.headers.getSetCookie()[0]!.split(";")[0]!, origin: base };
    },
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export interface Timing {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Requests per second and latency of one read under `connections` concurrent clients. */
export async function timeRead(
  url: string,
  headers: Record<string, string>,
  o: { connections: number; seconds: number },
): Promise<Timing> {
  const r = await autocannon({ url, headers, connections: o.connections, duration: o.seconds });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
