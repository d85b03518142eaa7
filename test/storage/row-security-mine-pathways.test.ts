import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { ANONYMOUS, type Actor } from "../../src/domain/access/actor.ts";
import { decide, type ResourceRef } from "../../src/domain/access/policy.ts";
import "../../src/storage/mine-pathway-repository.ts";
import { MineRepository, mineResource } from "../../src/storage/mine-repository.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { asSystem, ROW_SCOPE_ACTIONS, rowScopeOf, withRowScope } from "../../src/storage/row-scope.ts";
import type { Database } from "../../src/storage/schema.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";

/**
 * Row-level security of mine_pathways (migration 011) on PostgreSQL, as the server connects: each
 * actor reads the plans of exactly the mines it may read (mine.read) and appends plans to exactly
 * the mines its management actions reach (mine-record:write); nobody changes or deletes a plan.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("row-level security of mine pathways (PostgreSQL)", () => {
  let store: Store;
  let drop: () => Promise<void>;
  let db: Kysely<Database>;
  let userId = "";
  let orgId = "";
  const actors: Record<string, Actor> = { anonymous: ANONYMOUS };
  const mines = new Map<string, ResourceRef>();

  beforeAll(async () => {
    ({ store, drop } = await freshStore("postgres", { as: "application" }));
    db = store.db;
    const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
    await asSystem(async () => {
      const d = await testDirectory(db, identity);
      userId = d.editorA;
      orgId = d.enterpriseA;
      for (const name of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier", "admin"]) {
        const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
        if (!r.ok) throw new Error(`${name} could not sign in`);
        actors[name] = r.actor;
      }
      actors["token-a"] = (await identity.tokenActor(d.tokenA))!;
      for (const [org, region, name] of [
        [d.enterpriseA, "140603", "Mine of A"],
        [d.enterpriseB, "140603", "Mine of B"],
        [d.enterpriseA, "150600", "A's mine in Ordos"],
      ] as const) {
        const m = await new MineRepository(db).add({
          organisationId: org,
          regionCode: region,
          name,
          stage: "production",
        });
        mines.set(m.id, mineResource(m));
        await sql`INSERT INTO mine_pathways (mine_id, scenario, baseline, stored_by, stored_by_organisation_id)
            VALUES (${m.id}, '{}', '{}', ${d.editorA}, ${org})`.execute(db);
      }
    });
  }, 120_000);
  afterAll(async () => drop?.(), 60_000);

  const allowed = (actor: Actor, actions: readonly string[]) =>
    [...mines]
      .filter(([, ref]) => actions.some((a) => decide(actor, a as never, ref).allowed))
      .map(([id]) => id)
      .sort();

  for (const name of [
    "anonymous",
    "editor-a",
    "token-a",
    "editor-b",
    "regulator",
    "regulator-nm",
    "verifier",
    "admin",
  ])
    it(`reads and appends as ${name} exactly what the policy allows; changes nothing`, async () => {
      const actor = actors[name]!;
      const readable = allowed(actor, ["mine.read"]);
      const writable = allowed(actor, ROW_SCOPE_ACTIONS["mine-record:write"]).filter((id) =>
        readable.includes(id),
      );
      const scope = rowScopeOf(actor);
      const read = await withRowScope(scope, () =>
        db.selectFrom("mine_pathways").select("mine_id").execute(),
      );
      expect([...new Set(read.map((r) => String(r.mine_id)))].sort(), "read").toEqual(readable);
      const appended: string[] = [];
      for (const mineId of mines.keys()) {
        const ok = await withRowScope(scope, () =>
          sql`INSERT INTO mine_pathways (mine_id, scenario, baseline, stored_by, stored_by_organisation_id)
              VALUES (${mineId}, '{}', '{}', ${userId}, ${orgId})`
            .execute(db)
            .then(
              () => true,
              (e: Error) => {
                expect(e.message).toMatch(/row-level security/);
                return false;
              },
            ),
        );
        if (ok) appended.push(mineId);
      }
      expect(appended.sort(), "appended").toEqual(writable);
      // History: no policy lets a scope change or delete a stored plan (no row is reached).
      const changed = await withRowScope(scope, () =>
        sql`UPDATE mine_pathways SET created_at = now()`.execute(db),
      );
      expect(changed.numAffectedRows ?? 0n, "changed").toBe(0n);
      const deleted = await withRowScope(scope, () => sql`DELETE FROM mine_pathways`.execute(db));
      expect(deleted.numAffectedRows ?? 0n, "deleted").toBe(0n);
    });

  it("the figures differ by actor (the test is not vacuous)", () => {
    expect(allowed(actors["editor-a"]!, ROW_SCOPE_ACTIONS["mine-record:write"])).toHaveLength(2);
    expect(allowed(actors["editor-b"]!, ROW_SCOPE_ACTIONS["mine-record:write"])).toHaveLength(1);
    expect(allowed(actors["regulator-nm"]!, ["mine.read"])).toHaveLength(1);
  });
});

describe("mine pathways are history (every store)", () => {
  it("the table's owner cannot change or delete a stored plan either (the append-only trigger)", async () => {
    const { store, drop } = await freshStore("pglite");
    try {
      const db = store.db;
      const rows = await sql<{ id: string }>`SELECT id FROM mine_pathways`.execute(db);
      expect(rows.rows).toEqual([]);
      await expect(sql`TRUNCATE mine_pathways`.execute(db)).rejects.toThrow(/only appended/);
    } finally {
      await drop();
    }
  }, 60_000);
});
