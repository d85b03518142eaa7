import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../../src/server/serve.ts";
import { freshDatabase, STORE_KINDS } from "../storage/stores.ts";

const PASSWORD = "Serve-Postgres-Test-42";

/**
 * `minecarbon serve` on a PostgreSQL server: it starts only as a role for which row-level
 * security holds, with the migrations run by the tables' owner.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("serve on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    database = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), "mc-serve-pg-"));
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const options = { port: 0, warn: () => {} };

  it("refuses the application role before the owner has run the migrations, saying how", async () => {
    await expect(
      serve({ ...options, dataDir: join(dir, "data"), databaseUrl: database.appUrl }),
    ).rejects.toThrow(/needs the tables' owner.*MINECARBON_MIGRATION_URL/);
  });

  it("refuses to start as a superuser, which would bypass row-level security", async () => {
    await expect(
      serve({ ...options, dataDir: join(dir, "data"), databaseUrl: database.ownerUrl }),
    ).rejects.toThrow(/is a superuser, which bypasses row-level security/);
  });

  it("starts as the application role with the owner's migrations, and serves each account its rows", async () => {
    const s = await serve({
      ...options,
      dataDir: join(dir, "data"),
      databaseUrl: database.appUrl,
      migrationUrl: database.ownerUrl,
      demo: true,
      demoPassword: PASSWORD,
    });
    try {
      const base = s.url.replace("localhost", "127.0.0.1");
      expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ store: "postgres" });
      const areasOf = async (username: string) => {
        const login = await fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        expect(login.status, await login.clone().text()).toBe(200);
        const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
        const areas = (await (await fetch(`${base}/api/areas`, { headers: { cookie } })).json()) as {
          name: string;
        }[];
        return areas.map((a) => a.name);
      };
      const a = await areasOf("demo-enterprise-a");
      const b = await areasOf("demo-enterprise-b");
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBeGreaterThan(0);
      expect(a.filter((name) => b.includes(name))).toEqual([]);
      // The province's regulator reads both enterprises' areas in its jurisdiction.
      expect((await areasOf("demo-regulator")).length).toBeGreaterThanOrEqual(a.length + b.length);
    } finally {
      await s.stop();
    }
  }, 120_000);
});
