import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORE_KINDS } from "../../../test/storage/stores.ts";
import { appendAuditEvent } from "../../storage/audit-log.ts";
import { openStore } from "../../storage/open-database.ts";
import { AUDIT_BROKEN_CODE, EXIT_AUDIT_BROKEN, registerAuditCommand } from "./audit-command.ts";

const work = mkdtempSync(join(tmpdir(), "mc-audit-cli-"));
const data = join(work, "data");

/** Runs `minecarbon audit …` on the data folder's PGlite; what it printed and the error it threw. */
async function run(...args: string[]): Promise<{ out: string; err: string; error?: unknown }> {
  return runWith(undefined, ...args);
}

/** The same with `databaseUrl` as $DATABASE_URL. */
async function runWith(
  databaseUrl: string | undefined,
  ...args: string[]
): Promise<{ out: string; err: string; error?: unknown }> {
  let out = "";
  let err = "";
  const program = new Command("minecarbon").exitOverride().configureOutput({
    writeOut: (s) => (out += s),
    writeErr: (s) => (err += s),
  });
  registerAuditCommand(program, {
    write: (s) => (out += s),
    writeErr: (s) => (err += s),
    databaseUrl,
  });
  try {
    await program.parseAsync(["node", "minecarbon", "audit", ...args]);
    return { out, err };
  } catch (error) {
    return { out, err, error };
  }
}

/** Changes the stored trail directly, as someone with access to the database could. */
async function tamper(...statements: ReturnType<typeof sql>[]): Promise<void> {
  const store = await openStore({ dataDir: join(data, "db") });
  try {
    for (const s of statements) await s.execute(store.db);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const store = await openStore({ dataDir: join(data, "db") });
  for (let i = 1; i <= 6; i++)
    await store.db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        at: new Date(Date.UTC(2026, 10, i)),
        who: {
          userId: "1",
          username: i % 2 ? "demo-enterprise-a" : "demo-admin",
          tokenId: null,
          organisationId: "11",
          roles: ["enterprise-editor"],
        },
        action: i % 2 ? "area.update" : "auth.login",
        resource:
          i % 2
            ? { kind: "area", id: "12", organisationId: "11", regionCode: "140602" }
            : { kind: "user", id: "1", organisationId: "11", regionCode: "140602" },
        outcome: "done",
        before: { i },
        after: { i: i + 1 },
        requestId: `req-${i}`,
        address: "10.0.0.7",
      }),
    );
  await store.close();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("minecarbon audit", () => {
  it("audit list prints the events of a record, newest first, and where the next page starts", async () => {
    const r = await run(
      "list",
      "--data",
      data,
      "--resource",
      "area:12",
      "--since",
      "2026-11-02",
      "--limit",
      "1",
    );
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(
      /^ +5 {2}2026-11-05T00:00:00\.000Z {2}demo-enterprise-a +area\.update +area:12 +done +10\.0\.0\.7\n1 event; older ones: --before 5\n$/,
    );
    const next = await run("list", "--data", data, "--resource", "area:12", "--before", "5", "--json");
    expect(JSON.parse(next.out).events.map((e: { seq: number }) => e.seq)).toEqual([3, 1]);
  });

  it("audit list refuses a kind it does not know and a time without its zone", async () => {
    expect(String((await run("list", "--data", data, "--resource", "planet:1")).error)).toMatch(
      /--resource must be <kind> or <kind>:<id> with kind area, mine, annual-report, organisation, user/,
    );
    expect(String((await run("list", "--data", data, "--since", "2026-11-02T08:00")).error)).toMatch(
      /--since must be a date \(2026-11-30, midnight UTC\) or a time with its zone/,
    );
    const missing = await run("verify", "--data", join(work, "nowhere"));
    expect(missing.error).toMatchObject({ code: "bad-input" });
    expect(String(missing.error)).toMatch(/nowhere\/db does not exist/);
  });

  it("audit verify prints the number of events and the head; with --witness it records the head", async () => {
    const witness = join(work, "witness.txt");
    const r = await run("verify", "--data", data, "--witness", witness);
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(
      /^audit trail intact: 6 events; head: event 6, hash [0-9a-f]{64}\nrecorded the head in /,
    );
    expect(readFileSync(witness, "utf8")).toMatch(/^# heads .*\n6 [0-9a-f]{64} \d{4}-/);
    // Unchanged: checked, not recorded twice.
    const again = await run("verify", "--data", data, "--witness", witness);
    expect(again.out).not.toMatch(/recorded/);
    expect(readFileSync(witness, "utf8").split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("audit verify --witness finds a cut-off tail with the head rolled back, which the chain alone cannot", async () => {
    const witness = join(work, "witness-2.txt");
    expect((await run("verify", "--data", data, "--witness", witness)).error).toBeUndefined();
    await tamper(
      sql`DELETE FROM audit_events WHERE seq > 4`,
      sql`UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_events WHERE seq = 4)`,
    );
    expect((await run("verify", "--data", data)).error).toBeUndefined();
    const r = await run("verify", "--data", data, "--witness", witness);
    expect(r.error).toMatchObject({ exitCode: EXIT_AUDIT_BROKEN });
    expect(r.err).toMatch(
      /^audit trail BROKEN at event 5 \(head\): event 6 was recorded earlier, but the trail now ends at event 4/,
    );
  });

  it("audit verify refuses a witness file it cannot read", async () => {
    const witness = join(work, "bad-witness.txt");
    writeFileSync(witness, "6 not-a-hash\n");
    expect(String((await run("verify", "--data", data, "--witness", witness)).error)).toMatch(
      /line 1: must be `<seq> <64 hex digits> \[time\]`/,
    );
  });
  it("audit verify exits 3 naming the first broken link and what to do: an edited event", async () => {
    await tamper(sql`UPDATE audit_events SET username = 'demo-enterprise-b' WHERE seq = 3`);
    const r = await run("verify", "--data", data);
    expect(r.error).toBeInstanceOf(CommanderError);
    expect(r.error).toMatchObject({ exitCode: EXIT_AUDIT_BROKEN, code: AUDIT_BROKEN_CODE });
    expect(r.err).toMatch(/^audit trail BROKEN at event 3 \(hash\): event 3's content gives hash/);
    expect(r.err).toMatch(/Events 1 to 2 are intact\.\nWhat to do: keep the database as it is/);
  });
});

describe.skipIf(!STORE_KINDS.includes("postgres"))("minecarbon audit protect on PostgreSQL", () => {
  const appRole = `mc_app_cli_${randomBytes(5).toString("hex")}`;
  let url: string;
  let drop: () => Promise<void>;
  let superuser: string;
  beforeAll(async () => {
    const fresh = await freshStore("postgres");
    drop = fresh.drop;
    const { rows } = await sql<{
      db: string;
      u: string;
    }>`SELECT current_database() AS db, current_user AS u`.execute(fresh.store.db);
    superuser = rows[0]!.u;
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${rows[0]!.db}`;
    url = u.toString();
    await sql`CREATE ROLE ${sql.id(appRole)} NOLOGIN NOSUPERUSER`.execute(fresh.store.db);
    await sql`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${sql.id(appRole)}`.execute(fresh.store.db);
  });
  afterAll(async () => {
    await drop();
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${appRole}`);
    await c.end();
  });

  it("audit protect --role makes the trail append-only for the role, and refuses a role that could undo it", async () => {
    const r = await runWith(undefined, "protect", "--role", appRole, "--database-url", url);
    expect(r.error).toBeUndefined();
    expect(r.out).toBe(
      `the audit trail is append-only for "${appRole}": it may read and append events, not change or delete them\n`,
    );
    const su = await runWith(url, "protect", "--role", superuser);
    expect(su.error).toMatchObject({ code: "bad-input" });
    expect(String(su.error)).toMatch(/is a superuser: it can disable the triggers/);
    expect(String((await runWith(url, "protect", "--role", "no_such_role_x")).error)).toMatch(
      /must name an existing role/,
    );
  });
});

describe("minecarbon audit protect on PGlite", () => {
  it("audit protect without a PostgreSQL server says it needs one", async () => {
    expect(String((await run("protect", "--role", "minecarbon_app")).error)).toMatch(
      /needs a PostgreSQL server \(--database-url or \$DATABASE_URL\)/,
    );
  });
});
