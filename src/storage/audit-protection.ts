import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

// The trigger functions are executed from here rather than written in a migration: migrations are
// split at semicolons that end a line (migrate.ts), which a plpgsql body has, and they run on PGlite
// too, where there is one user and nothing to protect against. They run as their owner (SECURITY
// DEFINER, with the tables' schema as the only search path), so that row-level security on the
// trail, which may hide events from the actor appending one, does not hide them from the checks.
const definer = (schema: string) => sql`SECURITY DEFINER SET search_path = ${sql.id(schema)}, pg_temp`;

/** Refuses any change to a row of the trail: UPDATE, DELETE and TRUNCATE, by anyone, the owner too. */
const REFUSE_CHANGE = (schema: string) => sql`
CREATE OR REPLACE FUNCTION minecarbon_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql ${definer(schema)} AS $fn$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit events are never changed or deleted; minecarbon audit verify checks the chain';
END
$fn$`;

/** An event may only be appended right after the head, linked to it (appendAuditEvent holds its lock). */
const CHECK_APPEND = (schema: string) => sql`
CREATE OR REPLACE FUNCTION minecarbon_audit_check_append() RETURNS trigger LANGUAGE plpgsql ${definer(schema)} AS $fn$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1;
  IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'an audit event is appended after the head (seq %), linked to its hash; got seq %', head_seq, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$`;

/** The head only moves forward by one, to the event just appended; it is never deleted. */
const CHECK_HEAD = (schema: string) => sql`
CREATE OR REPLACE FUNCTION minecarbon_audit_check_head() RETURNS trigger LANGUAGE plpgsql ${definer(schema)} AS $fn$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq + 1
     OR NOT EXISTS (SELECT 1 FROM audit_events e
                    WHERE e.seq = NEW.seq AND e.hash = NEW.hash AND e.prev_hash = OLD.hash) THEN
    RAISE EXCEPTION 'audit_head only moves forward to the event just appended (from seq %)', OLD.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$`;

/** Trigger name → table, timing and function: what protectAuditTrail installs and the check expects. */
export const AUDIT_TRIGGERS = {
  audit_events_append_only: {
    table: "audit_events",
    on: "BEFORE UPDATE OR DELETE",
    each: "ROW",
    fn: "minecarbon_audit_refuse_change",
  },
  audit_events_no_truncate: {
    table: "audit_events",
    on: "BEFORE TRUNCATE",
    each: "STATEMENT",
    fn: "minecarbon_audit_refuse_change",
  },
  audit_events_check_append: {
    table: "audit_events",
    on: "BEFORE INSERT",
    each: "ROW",
    fn: "minecarbon_audit_check_append",
  },
  audit_head_forward_only: {
    table: "audit_head",
    on: "BEFORE UPDATE OR DELETE",
    each: "ROW",
    fn: "minecarbon_audit_check_head",
  },
  audit_head_no_truncate: {
    table: "audit_head",
    on: "BEFORE TRUNCATE",
    each: "STATEMENT",
    fn: "minecarbon_audit_refuse_change",
  },
} as const;

/**
 * Makes the audit trail append-only on PostgreSQL (never on PGlite: one embedded user, nobody to
 * keep out). The application role `appRole` may read and append events and advance the head, but
 * not UPDATE, DELETE or TRUNCATE them (privileges revoked); triggers refuse those changes from
 * anyone — the tables' owner included — and refuse an append that is not linked to the head or a
 * head that does not move forward to it. The owner could still drop the triggers; `audit verify`
 * would then find any change through the hash chain. Idempotent; run by the tables' owner.
 */
export async function protectAuditTrail(db: Kysely<Database>, appRole: string): Promise<void> {
  const role = sql.id(appRole);
  await db.transaction().execute(async (trx) => {
    const { schema } = (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(trx))
      .rows[0]!;
    for (const fn of [REFUSE_CHANGE, CHECK_APPEND, CHECK_HEAD]) await fn(schema).execute(trx);
    for (const [name, t] of Object.entries(AUDIT_TRIGGERS)) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(name)} ON ${sql.table(t.table)}`.execute(trx);
      await sql`CREATE TRIGGER ${sql.id(name)} ${sql.raw(t.on)} ON ${sql.table(t.table)} FOR EACH ${sql.raw(t.each)} EXECUTE FUNCTION ${sql.id(t.fn)}()`.execute(
        trx,
      );
      // ALWAYS: it fires also with session_replication_role = replica, which would skip a plain one.
      await sql`ALTER TABLE ${sql.table(t.table)} ENABLE ALWAYS TRIGGER ${sql.id(name)}`.execute(trx);
    }
    await sql`REVOKE ALL ON audit_events, audit_head FROM PUBLIC`.execute(trx);
    await sql`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_events FROM ${role}`.execute(trx);
    await sql`REVOKE INSERT, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_head FROM ${role}`.execute(trx);
    await sql`GRANT SELECT, INSERT ON audit_events TO ${role}`.execute(trx);
    // UPDATE of the head, and SELECT … FOR UPDATE, which needs it.
    await sql`GRANT SELECT, UPDATE ON audit_head TO ${role}`.execute(trx);
  });
}

/**
 * What would let `appRole` change the trail, as sentences saying what to do; empty when it is
 * protected. `minecarbon audit protect` reports it, and the server checks it for its own role at
 * start (rowSecurityProblems), after the owner's grantApplicationRole has applied the protection.
 */
export async function auditProtectionProblems(db: Kysely<Database>, appRole: string): Promise<string[]> {
  const problems: string[] = [];
  const role = (
    await sql<{ rolsuper: boolean }>`SELECT rolsuper FROM pg_roles WHERE rolname = ${appRole}`.execute(db)
  ).rows[0];
  if (!role) return [`the role "${appRole}" does not exist`];
  if (role.rolsuper)
    problems.push(
      `the role "${appRole}" is a superuser: it can disable the triggers; connect the application as a role without SUPERUSER`,
    );
  for (const table of ["audit_events", "audit_head"]) {
    const r = (
      await sql<{ owner: string; member: boolean }>`
        SELECT tableowner AS owner, pg_has_role(${appRole}, tableowner, 'MEMBER') AS member
        FROM pg_tables WHERE schemaname = current_schema() AND tablename = ${table}`.execute(db)
    ).rows[0];
    if (!r) return [...problems, `the table ${table} does not exist: run the migrations first`];
    else if (r.member)
      problems.push(
        `the role "${appRole}" owns ${table} (as "${r.owner}"): an owner can drop its triggers; let another role own the tables (ALTER TABLE … OWNER TO)`,
      );
  }
  for (const [table, privilege] of [
    ["audit_events", "UPDATE"],
    ["audit_events", "DELETE"],
    ["audit_events", "TRUNCATE"],
    ["audit_head", "DELETE"],
    ["audit_head", "TRUNCATE"],
  ] as const) {
    const r = (
      await sql<{
        has: boolean;
      }>`SELECT has_table_privilege(${appRole}, ${table}, ${privilege}) AS has`.execute(db)
    ).rows[0];
    if (r?.has) problems.push(`the role "${appRole}" may ${privilege} ${table}: run protectAuditTrail`);
  }
  const triggers = (
    await sql<{ name: string; enabled: string }>`
      SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger
      WHERE tgrelid IN ('audit_events'::regclass, 'audit_head'::regclass) AND NOT tgisinternal`.execute(db)
  ).rows;
  for (const name of Object.keys(AUDIT_TRIGGERS)) {
    const t = triggers.find((x) => x.name === name);
    if (!t) problems.push(`the trigger ${name} is missing: run protectAuditTrail`);
    else if (t.enabled !== "A")
      problems.push(
        `the trigger ${name} is not always enabled: run protectAuditTrail (ENABLE ALWAYS TRIGGER)`,
      );
  }
  return problems;
}
