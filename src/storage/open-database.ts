import { mkdirSync } from "node:fs";
import { CompiledQuery, Kysely, PostgresDialect, sql, type DatabaseConnection, type Driver } from "kysely";
import { migrate } from "./migrate.ts";
import { grantApplicationRole } from "./row-security.ts";
import { currentRowScopeText } from "./row-scope.ts";
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
  /**
   * postgres://… of the tables' owner, who runs the migrations and grants the role of `databaseUrl`
   * what the application needs (row-security.ts); omitted: the migrations run on `databaseUrl`,
   * which then must be allowed to run them.
   */
  readonly migrationUrl?: string;
}

/** The password in a connection URL, hidden for messages and logs. */
const withoutPassword = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

/**
 * Kysely's PostgreSQL dialect with the row scope (row-scope.ts) set on each connection as it is
 * taken from the pool, before any query of its new holder. Session-wide rather than SET LOCAL: a
 * connection serves single statements outside any transaction too, and a transaction keeps the
 * scope it began with. The scope each connection last carried is remembered, so that a connection
 * taken again for the same actor (the pool hands back the one just released) costs no round trip.
 * A connection whose scope could not be set goes back to the pool, and the error to the caller.
 */
class ScopedPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    const inner = super.createDriver();
    const carried = new WeakMap<DatabaseConnection, string>();
    return {
      init: () => inner.init(),
      acquireConnection: async () => {
        const connection = await inner.acquireConnection();
        const scope = currentRowScopeText();
        if (carried.get(connection) !== scope) {
          try {
            carried.delete(connection);
            await connection.executeQuery(
              CompiledQuery.raw("SELECT set_config('minecarbon.scope', $1, false)", [scope]),
            );
            carried.set(connection, scope);
          } catch (e) {
            await inner.releaseConnection(connection);
            throw e;
          }
        }
        return connection;
      },
      beginTransaction: (c, settings) => inner.beginTransaction(c, settings),
      commitTransaction: (c) => inner.commitTransaction(c),
      rollbackTransaction: (c) => inner.rollbackTransaction(c),
      savepoint: (c, name, compile) => inner.savepoint!(c, name, compile),
      rollbackToSavepoint: (c, name, compile) => inner.rollbackToSavepoint!(c, name, compile),
      releaseSavepoint: (c, name, compile) => inner.releaseSavepoint!(c, name, compile),
      releaseConnection: (c) => inner.releaseConnection(c),
      destroy: () => inner.destroy(),
    };
  }
}

async function postgres(url: string, max: number, scoped: boolean): Promise<Kysely<Database>> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max });
  const Dialect = scoped ? ScopedPostgresDialect : PostgresDialect;
  return new Kysely<Database>({ dialect: new Dialect({ pool }) });
}

/** Migrates as the tables' owner and grants the application role; the owner's connection is closed after. */
async function migrateAsOwner(migrationUrl: string, app: Kysely<Database>): Promise<void> {
  const { role } = (await sql<{ role: string }>`SELECT current_user AS role`.execute(app)).rows[0]!;
  const owner = await postgres(migrationUrl, 2, false);
  try {
    await migrate(owner);
    await grantApplicationRole(owner, role);
  } finally {
    await owner.destroy();
  }
}

/**
 * Opens the store and applies the migrations that have not run yet. The same SQL runs on both:
 * PGlite is PostgreSQL compiled to WebAssembly.
 */
export async function openStore(o: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (o.databaseUrl) {
    const db = await postgres(o.databaseUrl, 10, true);
    store = { db, kind: "postgres", location: withoutPassword(o.databaseUrl), close: () => db.destroy() };
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
    if (o.migrationUrl && store.kind === "postgres") await migrateAsOwner(o.migrationUrl, store.db);
    else await migrate(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
