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

/** Opens a fresh, empty store of the kind; `drop` removes it (the database, on PostgreSQL). */
export async function freshStore(kind: string): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const store = await openStore();
    return { store, drop: () => store.close() };
  }
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error("MINECARBON_REQUIRE_POSTGRES is set but DATABASE_URL is not");
  const { default: pg } = await import("pg");
  const name = `minecarbon_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    store,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}
