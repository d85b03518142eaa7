import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { ANONYMOUS, type Actor } from "../../src/domain/access/actor.ts";
import { decide, type ResourceRef } from "../../src/domain/access/policy.ts";
import { ControlRuleRepository } from "../../src/storage/control-rule-repository.ts";
import { MineRepository, mineResource } from "../../src/storage/mine-repository.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { PlotRepository } from "../../src/storage/plot-repository.ts";
import { ReclamationPlanRepository } from "../../src/storage/reclamation-plan-repository.ts";
import { asSystem, ROW_SCOPE_ACTIONS, rowScopeOf, withRowScope } from "../../src/storage/row-scope.ts";
import type { Database } from "../../src/storage/schema.ts";
import { TargetRepository } from "../../src/storage/target-repository.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";

/**
 * Row-level security of plots, targets, reclamation plan items and control rules on PostgreSQL
 * (migration 008), as the server connects: asked for ALL rows, each actor reads the plots, targets
 * and plan items of exactly the mines the policy lets it read (mine.read), changes those of exactly
 * the mines its management actions reach (mine-record:write), reads every control rule and changes
 * only its own department's (rule.manage).
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("row-level security of mine records (PostgreSQL)", () => {
  let store: Store;
  let drop: () => Promise<void>;
  let db: Kysely<Database>;
  const actors: Record<string, Actor> = { anonymous: ANONYMOUS };
  const mines = new Map<string, ResourceRef>();
  const rules = new Map<string, ResourceRef>();

  beforeAll(async () => {
    ({ store, drop } = await freshStore("postgres", { as: "application" }));
    db = store.db;
    const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
    await asSystem(async () => {
      const d = await testDirectory(db, identity);
      for (const name of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier", "admin"]) {
        const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
        if (!r.ok) throw new Error(`${name} could not sign in`);
        actors[name] = r.actor;
      }
      actors["token-a"] = (await identity.tokenActor(d.tokenA))!;
      const square = {
        type: "Polygon",
        coordinates: [
          [
            [112, 39],
            [112.01, 39],
            [112.01, 39.01],
            [112, 39],
          ],
        ],
      };
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
        const { plots } = await new PlotRepository(db).addAll(m.id, [
          { name: "p", geometry: square, areaHa: 50 },
        ]);
        await new TargetRepository(db).add({
          mineId: m.id,
          setBy: "regulator",
          setByOrganisationId: d.shanxi,
          target: { kind: "emission-cap", baseYear: 2020, targetYear: 2025, capTCO2ePerYr: 1e6 },
        });
        await new ReclamationPlanRepository(db).replace(m.id, [
          { plotId: plots[0]!.id, targetRole: "forest", startYear: 2021, dueYear: 2025, budgetCny: 1 },
        ]);
      }
      for (const [org, region] of [
        [d.shanxi, "140000"],
        [d.innerMongolia, "150000"],
      ] as const) {
        const r = await new ControlRuleRepository(db).add({
          organisationId: org,
          regionCode: region,
          name: "rule",
          basis: "basis",
          rule: { kind: "allowed-uses", roles: ["arable"], toleranceHa: 0 },
        });
        rules.set(r.id, {
          kind: "organisation",
          organisationId: org,
          regionCode: region as ResourceRef["regionCode"],
        });
      }
    });
  }, 120_000);
  afterAll(async () => drop?.(), 60_000);

  const allowed = (refs: Map<string, ResourceRef>, actor: Actor, actions: readonly string[]) =>
    [...refs]
      .filter(([, ref]) => actions.some((a) => decide(actor, a as never, ref).allowed))
      .map(([id]) => id)
      .sort();
  const ids = (rows: { mine_id?: unknown; id?: unknown }[]) =>
    [...new Set(rows.map((r) => String(r.mine_id ?? r.id)))].sort();

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
    it(`reads and changes as ${name} exactly what the policy allows`, async () => {
      const actor = actors[name]!;
      const readable = allowed(mines, actor, ["mine.read"]);
      const writable = allowed(mines, actor, ROW_SCOPE_ACTIONS["mine-record:write"]).filter((id) =>
        readable.includes(id),
      );
      const ownRules = allowed(rules, actor, ["rule.manage"]);
      await withRowScope(rowScopeOf(actor), async () => {
        for (const table of ["plots", "targets", "reclamation_plan_items"] as const) {
          expect(ids(await db.selectFrom(table).select("mine_id").execute()), `${table} read`).toEqual(
            readable,
          );
          const changed = await sql<{
            mine_id: string;
          }>`UPDATE ${sql.table(table)} SET updated_at = now() RETURNING mine_id`.execute(db);
          expect(ids(changed.rows), `${table} changed`).toEqual(writable);
        }
        expect(ids(await db.selectFrom("control_rules").select("id").execute())).toEqual(
          [...rules.keys()].sort(),
        );
        const changed = await sql<{
          id: string;
        }>`UPDATE control_rules SET updated_at = now() RETURNING id`.execute(db);
        expect(ids(changed.rows), "rules changed").toEqual(ownRules);
      });
    });

  it("the figures differ by actor (the test is not vacuous)", () => {
    expect(allowed(mines, actors["editor-a"]!, ROW_SCOPE_ACTIONS["mine-record:write"])).toHaveLength(2);
    expect(allowed(mines, actors.regulator!, ROW_SCOPE_ACTIONS["mine-record:write"])).toHaveLength(2);
    expect(allowed(mines, actors["regulator-nm"]!, ["mine.read"])).toHaveLength(1);
    expect(allowed(rules, actors.regulator!, ["rule.manage"])).toHaveLength(1);
  });
});
