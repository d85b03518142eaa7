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
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`.execute(owner);
  await sql`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`.execute(owner);
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
  const tables = (
    await sql<{ name: string; secured: boolean; forced: boolean; owned: boolean; owner: string }>`
      SELECT c.relname AS name, c.relrowsecurity AS secured, c.relforcerowsecurity AS forced,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owned, pg_get_userbyid(c.relowner) AS owner
      FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`.execute(db)
  ).rows;
  for (const t of tables) {
    if (Object.hasOwn(TABLES_WITHOUT_ROW_SECURITY, t.name)) continue;
    if (!t.secured)
      problems.push(
        `the table ${t.name} has no row-level security: run the migrations, or add its policies in one`,
      );
    else if (t.owned && !t.forced)
      problems.push(
        `the role "${me.name}" owns the table ${t.name} (as "${t.owner}"), and an owner bypasses row-level security: ${how}`,
      );
  }
  if (!me.superuser) problems.push(...(await auditProtectionProblems(db, me.name)));
  return problems;
}
