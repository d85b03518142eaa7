import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/storage/open-database.ts";
import { rowSecurityProblems } from "../../src/storage/row-security.ts";
import { APP_ROLE, freshDatabase, STORE_KINDS } from "./stores.ts";

/**
 * The server's start check (rowSecurityProblems) names each way the role it connects as could get
 * past row-level security. Each case changes one thing from a sound set-up and expects its sentence.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("the start check of row-level security", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let app: Store;
  const tag = randomBytes(3).toString("hex");
  const roles: string[] = [];
  const asOwner = async (...statements: string[]) => {
    const c = new pg.Client({ connectionString: database.ownerUrl });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  /**
   * The problems seen by a new role with the application role's privileges (a member of it), made
   * by `create` (a CREATE ROLE … tail).
   */
  const problemsOf = async (create: string) => {
    const name = `mc_check_${tag}_${roles.length}`;
    roles.push(name);
    await asOwner(`CREATE ROLE ${name} LOGIN PASSWORD '${name}' ${create}`, `GRANT ${APP_ROLE} TO ${name}`);
    const url = new URL(database.appUrl);
    url.username = name;
    url.password = name;
    const store = await openStore({ databaseUrl: url.toString() });
    try {
      return (await rowSecurityProblems(store.db)).join("\n");
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    database = await freshDatabase();
    app = await openStore({ databaseUrl: database.appUrl, migrationUrl: database.ownerUrl });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (roles.length) {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${r}`);
      await c.end();
    }
  });

  it("finds nothing for the application role the owner granted", async () => {
    expect(await rowSecurityProblems(app.db)).toEqual([]);
    // And that role cannot create a temporary table to stand in for one a checking function reads.
    await expect(
      sql`CREATE TEMP TABLE area_verifiers (area_id bigint, organisation_id bigint)`.execute(app.db),
    ).rejects.toThrow(/permission denied/);
  });

  it("names a role that bypasses row-level security, or could make itself a member of one that does", async () => {
    expect(await problemsOf("BYPASSRLS")).toMatch(/has BYPASSRLS/);
    expect(await problemsOf("CREATEROLE")).toMatch(/has CREATEROLE/);
    const owner = `mc_check_${tag}_owner`;
    roles.push(owner);
    await asOwner(`CREATE ROLE ${owner}`, `ALTER TABLE mines OWNER TO ${owner}`);
    try {
      expect(await problemsOf(`IN ROLE ${owner}`)).toMatch(
        /owns the table mines .*an owner can turn row-level security off/,
      );
    } finally {
      await asOwner(`ALTER TABLE mines OWNER TO CURRENT_USER`);
    }
  });

  it("names a table without row-level security or without a policy, and a view past it", async () => {
    await asOwner(
      "CREATE TABLE stray (x int)",
      "CREATE TABLE bare (x int)",
      "ALTER TABLE bare ENABLE ROW LEVEL SECURITY",
      "CREATE VIEW leak AS SELECT id FROM mining_areas",
    );
    try {
      const problems = (await rowSecurityProblems(app.db)).join("\n");
      expect(problems).toMatch(/the table stray has no row-level security/);
      expect(problems).toMatch(/the table bare has row-level security but no policy/);
      expect(problems).toMatch(/the view leak reads its tables with its owner's rights/);
    } finally {
      await asOwner("DROP VIEW leak", "DROP TABLE stray", "DROP TABLE bare");
    }
  });

  it("names temporary tables, a checking function open to them, and a writable migrations record", async () => {
    const name = (await sql<{ r: string }>`SELECT current_user AS r`.execute(app.db)).rows[0]!.r;
    const db = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(app.db)).rows[0]!.d;
    await asOwner(
      `GRANT TEMPORARY ON DATABASE ${db} TO ${name}`,
      `GRANT INSERT ON schema_migrations TO ${name}`,
      "CREATE FUNCTION open_definer() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$",
    );
    try {
      const problems = (await rowSecurityProblems(app.db)).join("\n");
      expect(problems).toMatch(/may create temporary tables/);
      expect(problems).toMatch(/may INSERT schema_migrations/);
      expect(problems).toMatch(/the function open_definer runs as its owner without pg_temp last/);
    } finally {
      await asOwner(
        `REVOKE TEMPORARY ON DATABASE ${db} FROM ${name}`,
        `REVOKE INSERT ON schema_migrations FROM ${name}`,
        "DROP FUNCTION open_definer()",
      );
    }
    expect(await rowSecurityProblems(app.db)).toEqual([]);
  });
});
