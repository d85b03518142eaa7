/**
 * The cost of PostgreSQL's row-level security on the API benchmark's reads, before and after in
 * one run: one server (the application role, migrations by the owner, the demo loaded) answers
 * each read with the policies on, then with row-level security disabled on every table by the
 * owner (what the server would be without the second line; the application's own scoped queries
 * stay), then on again, so that drift of the machine shows. The row scope is still set on each
 * connection in the "off" runs (it costs a round trip only when a connection changes actor).
 *   DATABASE_URL=postgres://<superuser>@127.0.0.1/postgres npx tsx bench/rls-reads.ts [--seconds 5] [--connections 10]
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { arg, startServer, timeRead, type Timing } from "./bench-server.ts";

const admin = process.env.DATABASE_URL;
if (!admin)
  throw new Error("set DATABASE_URL to a PostgreSQL superuser's URL (it creates a database and a role)");
const seconds = arg("seconds", 5);
const connections = arg("connections", 10);
const APP_ROLE = "minecarbon_bench_app";

const name = `minecarbon_bench_${randomBytes(4).toString("hex")}`;
const run = async (url: string, ...statements: string[]) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
};
await run(admin, `CREATE DATABASE ${name}`);
const probe = new pg.Client({ connectionString: admin });
await probe.connect();
const roles = await probe.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
await probe.end();
if (roles.rowCount === 0) await run(admin, `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE}'`);
const owner = new URL(admin);
owner.pathname = `/${name}`;
const app = new URL(owner);
app.username = APP_ROLE;
app.password = APP_ROLE;

const server = await startServer({ databaseUrl: app.toString(), migrationUrl: owner.toString() });
const tables = async () => {
  const c = new pg.Client({ connectionString: owner.toString() });
  await c.connect();
  const r = await c.query<{ t: string }>(
    "SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity",
  );
  await c.end();
  return r.rows.map((x) => x.t);
};
const secured = await tables();
const rowSecurity = (on: boolean) =>
  run(
    owner.toString(),
    ...secured.map((t) => `ALTER TABLE ${t} ${on ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`),
  );

try {
  const accounts = {
    "enterprise A (own organisation)": await server.signIn("demo-enterprise-a"),
    "province regulator (jurisdiction)": await server.signIn("demo-regulator"),
  };
  const reads: [string, string][] = [
    ["list areas", "/api/areas"],
    ["area overview (key figures)", "/api/areas/1/overview"],
    ["map layers list", "/api/areas/1/layers"],
    ["result table, JSON (classes)", "/api/analyses/1/tables/classes"],
    ["list mines", "/api/mines"],
  ];
  // The demo's analysis must be done before timing reads of it.
  for (;;) {
    const j = (await (
      await fetch(`${server.base}/api/jobs/1`, { headers: accounts["enterprise A (own organisation)"] })
    ).json()) as { state: string };
    if (j.state === "done") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `node ${process.version}; PostgreSQL as ${APP_ROLE}; ${connections} connections, ${seconds} s per read and setting; ${secured.length} tables with row-level security`,
  );
  console.log(
    "| account | read | RLS on: req/s, p50, p99 ms | RLS off | RLS on again | cost (on vs off, req/s) |\n|---|---|---|---|---|---:|",
  );
  const fmt = (t: Timing) =>
    `${t.rps.toFixed(0)}, ${t.p50}, ${t.p99}${t.errors ? ` (${t.errors} errors)` : ""}`;
  for (const [who, headers] of Object.entries(accounts))
    for (const [label, path] of reads) {
      const url = server.base + path;
      // Warm: the first answers of a read (caches, compiled policies per connection) are not timed.
      await timeRead(url, headers, { connections, seconds: 1 });
      const on = await timeRead(url, headers, { connections, seconds });
      await rowSecurity(false);
      const off = await timeRead(url, headers, { connections, seconds });
      await rowSecurity(true);
      const again = await timeRead(url, headers, { connections, seconds });
      const cost = 1 - (on.rps + again.rps) / 2 / off.rps;
      console.log(
        `| ${who} | ${label} | ${fmt(on)} | ${fmt(off)} | ${fmt(again)} | ${(cost * 100).toFixed(1)} % |`,
      );
    }
} finally {
  await rowSecurity(true).catch(() => {});
  await server.stop();
  await run(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
