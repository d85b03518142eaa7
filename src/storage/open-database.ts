import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import { migrate } from "./migrate.ts";
import type { Database } from "./schema.ts";

/** An open database: Kysely over PGlite (embedded, the default) or a PostgreSQL server. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: "pglite" | "postgres";
  /** Where the data live: the PGlite folder ("memory" for a throwaway one) or the server URL without password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  readonly databaseUrl?: string;
  /** PGlite data folder; omitted: in memory (tests). */
  readonly dataDir?: string;
}

/**
 * Opens the store and applies the migrations that have not run yet. The same SQL runs on both:
 * PGlite is PostgreSQL compiled to WebAssembly.
 */
export async function openStore(o: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (o.databaseUrl) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = {
      db,
      kind: "postgres",
      location: o.databaseUrl.replace(/:[^:@/]*@/, ":***@"),
      close: () => db.destroy(),
    };
  } else {
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("kysely-pglite-dialect"),
    ]);
    if (o.dataDir) mkdirSync(o.dataDir, { recursive: true });
    const pglite = o.dataDir ? new PGlite(o.dataDir) : new PGlite();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    store = { db, kind: "pglite", location: o.dataDir ?? "memory", close: () => db.destroy() };
  }
  try {
    await migrate(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
