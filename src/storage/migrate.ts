import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { PROJECT_ROOT } from "../project-root.ts";
import type { Database } from "./schema.ts";

export const MIGRATIONS_DIR = join(PROJECT_ROOT, "src", "storage", "migrations");

/**
 * The statements of a migration file: split at semicolons that end a line. A function body (between
 * $$) must therefore not end a line with one: 007 writes its SQL functions as single statements.
 */
export function statementsOf(text: string): string[] {
  return text
    .replace(/--[^\n]*/g, "")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * PostgreSQL's insufficient_privilege while migrating: the application role, not the tables'
 * owner, was asked to migrate. Other errors pass unchanged.
 */
function ownerNeeded(what: string, e: unknown): unknown {
  if ((e as { code?: string }).code !== "42501") return e;
  return new Error(
    `${what} needs the tables' owner, and this connection's role may not run it (${(e as Error).message}): set MINECARBON_MIGRATION_URL to the owner's postgres://… URL`,
    { cause: e },
  );
}

/**
 * Applies the migrations in `dir` (NNN_name.sql, in name order) that are not yet recorded in
 * schema_migrations, each in its own transaction, so a failed migration leaves nothing half-done.
 * Returns the ids applied now.
 */
export async function migrate(db: Kysely<Database>, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  // Looked up before creating: the application role of a PostgreSQL server may read the record
  // but not create tables, not even with IF NOT EXISTS.
  const recorded = await sql<{
    exists: boolean;
  }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`.execute(db);
  if (!recorded.rows[0]!.exists)
    await sql`CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`
      .execute(db)
      .catch((e: unknown) => {
        throw ownerNeeded("the first migration", e);
      });
  const done = new Set((await db.selectFrom("schema_migrations").select("id").execute()).map((r) => r.id));
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const f of files) {
    const id = f.replace(/\.sql$/, "");
    if (done.has(id)) continue;
    try {
      await db.transaction().execute(async (trx) => {
        for (const statement of statementsOf(readFileSync(join(dir, f), "utf8")))
          await sql.raw(statement).execute(trx);
        await trx.insertInto("schema_migrations").values({ id }).execute();
      });
    } catch (e) {
      throw ownerNeeded(`the migration ${id}`, e);
    }
    applied.push(id);
  }
  return applied;
}
