import { randomBytes } from "node:crypto";
import { openStore, type Store } from "../../src/storage/open-database.ts";

/**
 * The stores every storage test runs against: PGlite in memory always; a fresh database on the
 * PostgreSQL server of $DATABASE_URL when it is set (.ci/run starts one). With
 * MINECARBON_REQUIRE_POSTGRES=1 a missing server fails the tests instead of skipping them.
 */
export const STORE_KINDS = [
  "pglite",
  ...(process.env.DATABASE_URL || process.env.MINECARBON_REQUIRE_POSTGRES ? ["postgres"] : []),
] as const;

if (!process.env.DATABASE_URL && !process.env.MINECARBON_REQUIRE_POSTGRES)
  console.warn("WARNING: DATABASE_URL is not set; storage tests run on PGlite only.");

/** The role the server connects as in the tests: no superuser, no BYPASSRLS, owning nothing. */
export const APP_ROLE = "minecarbon_app_test";

/** Creates the application role once per server (roles are server-wide; test files race for it). */
async function ensureAppRole(admin: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = async () =>
      (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE])).rowCount === 1;
    if (await exists()) return;
    try {
      await client.query(
        `CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${APP_ROLE}'`,
      );
    } catch (e) {
      if (!(await exists())) throw e; // another file created it at the same moment
    }
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database on $DATABASE_URL's server: `ownerUrl` connects as $DATABASE_URL's role
 * (its owner), `appUrl` as APP_ROLE; `drop` removes it.
 */
export async function freshDatabase(): Promise<{
  ownerUrl: string;
  appUrl: string;
  drop: () => Promise<void>;
}> {
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error("MINECARBON_REQUIRE_POSTGRES is set but DATABASE_URL is not");
  const { default: pg } = await import("pg");
  const name = `minecarbon_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  await ensureAppRole(admin);
  const owner = new URL(admin);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = APP_ROLE;
  app.password = APP_ROLE;
  return {
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/**
 * Opens a fresh, empty store of the kind; `drop` removes it (the database, on PostgreSQL).
 * On PostgreSQL the store connects, by default, as $DATABASE_URL's role (a superuser in CI: the
 * tables' owner, for which row-level security does not apply — the storage tests check queries,
 * not isolation); with `as: "application"` it connects as APP_ROLE the way the server does, the
 * migrations having run as the owner, so that row-level security holds for every query.
 */
export async function freshStore(
  kind: string,
  o: { as?: "owner" | "application" } = {},
): Promise<{ store: Store; drop: () => Promise<void>; ownerUrl?: string }> {
  if (kind === "pglite") {
    const store = await openStore();
    return { store, drop: () => store.close() };
  }
  const database = await freshDatabase();
  const store = await openStore(
    o.as === "application"
      ? { databaseUrl: database.appUrl, migrationUrl: database.ownerUrl }
      : { databaseUrl: database.ownerUrl },
  );
  return {
    store,
    /** The tables' owner's URL, for a test that must change the schema under the application. */
    ownerUrl: database.ownerUrl,
    drop: async () => {
      await store.close();
      await database.drop();
    },
  };
}
