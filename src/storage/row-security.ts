import { sql, type Kysely } from "kysely";
import { auditProtectionProblems, protectAuditTrail } from "./audit-protection.ts";
import type { Database } from "./schema.ts";

/**
 * Tables without row-level security, and why: the migrations' own record, and the audit chain's
 * head (one row every append locks and moves; it holds no tenant's data).
 */
export const TABLES_WITHOUT_ROW_SECURITY: Readonly<Record<string, string>> = {
  schema_migrations: "which migrations ran",
  audit_head: "the audit chain's head",
};

/** Tables of history: the application role may append to them and never change them. */
export const APPEND_ONLY_TABLES = [
  "annual_report_versions",
  "annual_report_events",
  "notice_events",
] as const;

const currentSchema = async (db: Kysely<Database>) =>
  (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]!.schema;

/**
 * Gives the application role what it needs and no more, run by the tables' owner after the
 * migrations: reading and writing the tables (row-level security decides which rows), the
 * sequences and functions; the migrations' record read-only; the audit trail append-only
 * (protectAuditTrail). Idempotent: it runs at every start, so that tables a new migration adds
 * are granted too.
 */
export async function grantApplicationRole(owner: Kysely<Database>, appRole: string): Promise<void> {
  const role = sql.id(appRole);
  const schema = sql.id(await currentSchema(owner));
  await sql`GRANT USAGE ON SCHEMA ${schema} TO ${role}`.execute(owner);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`.execute(owner);
  await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${role}`.execute(owner);
  // A session's expiry is fixed when it opens: only its last use and its end may change.
  await sql`REVOKE UPDATE ON sessions FROM ${role}`.execute(owner);
  await sql`GRANT UPDATE (last_seen_at, revoked_at, revoked_reason) ON sessions TO ${role}`.execute(owner);
  // History is only appended to (migration 008's triggers say so too).
  for (const table of APPEND_ONLY_TABLES)
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.id(table)} FROM ${role}`.execute(owner);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`.execute(owner);
  await sql`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`.execute(owner);
  // No temporary tables: a temporary table of the caller could stand in for a table that a
  // SECURITY DEFINER function reads (pg_temp comes last in their search path; this closes it twice).
  await sql`REVOKE TEMPORARY ON DATABASE ${sql.id((await sql<{ d: string }>`SELECT current_database() AS d`.execute(owner)).rows[0]!.d)} FROM PUBLIC, ${role}`.execute(
    owner,
  );
  await protectAuditTrail(owner, appRole);
}

/**
 * What would let this connection's role read or change rows outside the actor's scope, or change
 * the audit trail, as sentences saying what to do; empty when row-level security holds for it.
 * The server refuses to start on PostgreSQL unless it is empty.
 */
export async function rowSecurityProblems(db: Kysely<Database>): Promise<string[]> {
  const me = (
    await sql<{ name: string; superuser: boolean; bypass: boolean }>`
      SELECT current_user AS name, rolsuper AS superuser, rolbypassrls AS bypass
      FROM pg_roles WHERE rolname = current_user`.execute(db)
  ).rows[0]!;
  const how =
    "connect the server as a role that is neither (DATABASE_URL) and let the tables' owner run the migrations (MINECARBON_MIGRATION_URL)";
  const problems: string[] = [];
  if (me.superuser)
    problems.push(`the role "${me.name}" is a superuser, which bypasses row-level security: ${how}`);
  else if (me.bypass) problems.push(`the role "${me.name}" has BYPASSRLS: ${how}`);
  const inherited = (
    await sql<{ name: string }>`
      SELECT rolname AS name FROM pg_roles
      WHERE rolname <> current_user AND (rolsuper OR rolbypassrls) AND pg_has_role(current_user, oid, 'MEMBER')`.execute(
      db,
    )
  ).rows;
  for (const r of inherited)
    problems.push(
      `the role "${me.name}" is a member of "${r.name}", which bypasses row-level security: ${how}`,
    );
  const creator = (
    await sql<{
      createrole: boolean;
    }>`SELECT rolcreaterole AS createrole FROM pg_roles WHERE rolname = current_user`.execute(db)
  ).rows[0]!;
  if (!me.superuser && creator.createrole)
    problems.push(
      `the role "${me.name}" has CREATEROLE, with which it could make itself a member of the tables' owner: ${how}`,
    );
  const tables = (
    await sql<{
      name: string;
      kind: string;
      secured: boolean;
      owned: boolean;
      owner: string;
      policies: number;
      invoker: boolean;
    }>`
      SELECT c.relname AS name, c.relkind AS kind, c.relrowsecurity AS secured,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owned, pg_get_userbyid(c.relowner) AS owner,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
             coalesce(c.reloptions::text[] @> ARRAY['security_invoker=true'], false) AS invoker
      FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
      ORDER BY c.relname`.execute(db)
  ).rows;
  for (const t of tables) {
    // A member of a table's owner may disable its policies or drop them, FORCE or not.
    if (t.owned)
      problems.push(
        `the role "${me.name}" owns ${t.kind === "v" || t.kind === "m" ? "the view" : "the table"} ${t.name} (as "${t.owner}"), and an owner can turn row-level security off: ${how}`,
      );
    else if ((t.kind === "v" && !t.invoker) || t.kind === "m")
      problems.push(
        `the view ${t.name} reads its tables with its owner's rights, past row-level security: make it security_invoker or drop it`,
      );
    else if ((t.kind === "r" || t.kind === "p") && !Object.hasOwn(TABLES_WITHOUT_ROW_SECURITY, t.name)) {
      if (!t.secured)
        problems.push(
          `the table ${t.name} has no row-level security: run the migrations, or add its policies in one`,
        );
      else if (t.policies === 0)
        problems.push(
          `the table ${t.name} has row-level security but no policy: add its policies in a migration`,
        );
    }
  }
  for (const privilege of ["INSERT", "UPDATE", "DELETE", "TRUNCATE"]) {
    const r = await sql<{
      has: boolean;
    }>`SELECT has_table_privilege('schema_migrations', ${privilege}) AS has`.execute(db);
    if (r.rows[0]?.has)
      problems.push(
        `the role "${me.name}" may ${privilege} schema_migrations: run the migrations as the owner (grantApplicationRole)`,
      );
  }
  const temp = await sql<{
    has: boolean;
  }>`SELECT has_database_privilege(current_database(), 'TEMPORARY') AS has`.execute(db);
  if (temp.rows[0]!.has)
    problems.push(
      `the role "${me.name}" may create temporary tables, which could stand in for tables in functions that read as the owner: REVOKE TEMPORARY ON DATABASE … FROM PUBLIC`,
    );
  const definers = (
    await sql<{ name: string; config: string[] | null }>`
      SELECT p.proname AS name, p.proconfig AS config FROM pg_proc p
      WHERE p.pronamespace = current_schema()::regnamespace AND p.prosecdef`.execute(db)
  ).rows;
  for (const f of definers) {
    const path = (f.config ?? []).find((c) => c.startsWith("search_path="));
    if (!path || !/(^|,\s*)pg_temp\s*$/.test(path.slice("search_path=".length)))
      problems.push(
        `the function ${f.name} runs as its owner without pg_temp last in its search path, so a caller's temporary table could stand in for a table it reads: SET search_path = pg_catalog, <schema>, pg_temp`,
      );
  }
  if (!me.superuser) problems.push(...(await auditProtectionProblems(db, me.name)));
  return problems;
}
