import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import type { Actor } from "../../src/domain/access/actor.ts";
import { ANONYMOUS } from "../../src/domain/access/actor.ts";
import { decide, SYSTEM_SCOPE, type ResourceRef } from "../../src/domain/access/policy.ts";
import type { RegionCode } from "../../src/domain/access/region-code.ts";
import { appendAuditEvent } from "../../src/storage/audit-log.ts";
import { FeedbackRepository } from "../../src/storage/feedback-repository.ts";
import { MineRepository } from "../../src/storage/mine-repository.ts";
import { MiningAreaRepository } from "../../src/storage/mining-area-repository.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { rowSecurityProblems } from "../../src/storage/row-security.ts";
import {
  asSystem,
  ROW_SCOPE_ACTIONS,
  rowScopeOf,
  withRowScope,
  type RowScopePart,
} from "../../src/storage/row-scope.ts";
import type { Database } from "../../src/storage/schema.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { APP_ROLE, freshStore, STORE_KINDS } from "./stores.ts";

/**
 * Row-level security on a real PostgreSQL server, as the server connects (APP_ROLE, migrations run
 * by the owner): the second line must hold when the first — the repositories' scoped queries — is
 * forgotten. Every query here asks for ALL rows (no WHERE on the actor), and PostgreSQL must
 * return exactly the rows the policy lets the actor reach through some action on that part.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("row-level security on PostgreSQL", () => {
  let app: Store;
  let drop: () => Promise<void>;
  let db: Kysely<Database>;
  const actors: Record<string, Actor> = { anonymous: ANONYMOUS };
  /** Each row of a guarded table with what the policy needs to know about it. */
  const refs: Record<string, Map<string, ResourceRef>> = {};

  beforeAll(async () => {
    ({ store: app, drop } = await freshStore("postgres", { as: "application" }));
    db = app.db;
    const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
    await asSystem(async () => {
      const d = await testDirectory(db, identity);
      for (const name of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier", "admin"]) {
        const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
        if (!r.ok) throw new Error(`${name} could not sign in`);
        actors[name] = r.actor;
      }
      const tokenActor = await identity.tokenActor(d.tokenA);
      actors["token-a"] = tokenActor!;
      const areas = new MiningAreaRepository(db);
      const legend = { preset: "seed001" };
      const at = (organisationId: string, regionCode: string) => ({
        organisationId,
        regionCode: regionCode as RegionCode,
      });
      const areaA = await areas.create({ name: "A's area", legend }, at(d.enterpriseA, "140603"));
      const areaB = await areas.create({ name: "B's area", legend }, at(d.enterpriseB, "140603"));
      await areas.create({ name: "Shanxi's area", legend }, at(d.shanxi, "140000"));
      const areaNM = await areas.create({ name: "Ordos area", legend }, at(d.innerMongolia, "150600"));
      await areas.setPublished(areaB.id, true, SYSTEM_SCOPE);
      await areas.assignVerifier(areaA.id, d.verifier);
      const mines = new MineRepository(db);
      const mine = (organisationId: string, regionCode: string, name: string) =>
        mines.add({ organisationId, regionCode, name, stage: "production" });
      const mineA = await mine(d.enterpriseA, "140603", "Mine of A");
      const mineB = await mine(d.enterpriseB, "140603", "Mine of B");
      await areas.addMine(areaB.id, mineB.id);
      await mine(d.enterpriseA, "150600", "A's mine in Ordos");
      await areas.addMine(areaA.id, mineA.id);
      const feedback = new FeedbackRepository(db);
      for (const a of [areaB, areaNM])
        await feedback.add({
          areaId: a.id,
          organisationId: a.organisationId,
          regionCode: a.regionCode,
          name: null,
          contact: null,
          message: `about ${a.name}`,
          address: null,
        });
      for (const a of [areaA, areaNM])
        await db.transaction().execute((trx) =>
          appendAuditEvent(trx, {
            who: { userId: null, username: "cli", tokenId: null, organisationId: null, roles: [] },
            action: "area.update",
            resource: { kind: "area", id: a.id, organisationId: a.organisationId, regionCode: a.regionCode },
            outcome: "done",
            before: null,
            after: { name: a.name },
            requestId: null,
            address: null,
          }),
        );
      // What the policy knows of every row, read as the system.
      const ref = (kind: ResourceRef["kind"], o: Partial<ResourceRef>): ResourceRef => ({
        kind,
        organisationId: null,
        regionCode: null,
        ...o,
      });
      const verifiers = await sql<{ area_id: string; organisation_id: string }>`
        SELECT area_id::text, organisation_id::text FROM area_verifiers`.execute(db);
      const assigned = (areaId: string) =>
        verifiers.rows.filter((v) => v.area_id === areaId).map((v) => v.organisation_id);
      const rows = async <R>(q: string) => (await sql.raw<R>(q).execute(db)).rows;
      refs.area = new Map(
        (
          await rows<{ id: string; o: string; r: string; p: boolean }>(
            "SELECT id::text, organisation_id::text AS o, region_code AS r, published AS p FROM mining_areas",
          )
        ).map((a) => [
          a.id,
          ref("area", {
            organisationId: a.o,
            regionCode: a.r as RegionCode,
            published: a.p,
            verifierOrganisationIds: assigned(a.id),
          }),
        ]),
      );
      const areaMines = await rows<{ area_id: string; mine_id: string }>(
        "SELECT area_id::text, mine_id::text FROM area_mines",
      );
      refs.mine = new Map(
        (
          await rows<{ id: string; o: string; r: string }>(
            "SELECT id::text, organisation_id::text AS o, region_code AS r FROM mines",
          )
        ).map((m) => [
          m.id,
          ref("mine", {
            organisationId: m.o,
            regionCode: m.r as RegionCode,
            verifierOrganisationIds: areaMines
              .filter((x) => x.mine_id === m.id)
              .flatMap((x) => assigned(x.area_id)),
          }),
        ]),
      );
      publishedMines = areaMines
        .filter((x) => refs.area!.get(x.area_id)!.published)
        .map((x) => ({ mine: x.mine_id, area: x.area_id }));
      refs.organisation = new Map(
        (await rows<{ id: string; r: string }>("SELECT id::text, region_code AS r FROM organisations")).map(
          (o) => [o.id, ref("organisation", { organisationId: o.id, regionCode: o.r as RegionCode })],
        ),
      );
      refs.user = new Map(
        (await rows<{ id: string; o: string }>("SELECT id::text, organisation_id::text AS o FROM users")).map(
          (u) => [u.id, ref("user", { organisationId: u.o, userId: u.id })],
        ),
      );
      refs.token = new Map(
        (
          await rows<{ id: string; o: string }>("SELECT id::text, organisation_id::text AS o FROM api_tokens")
        ).map((t) => [t.id, ref("organisation", { organisationId: t.o })]),
      );
      refs.audit = new Map(
        (
          await rows<{ id: string; o: string | null; r: string | null }>(
            "SELECT seq::text AS id, resource_organisation_id::text AS o, resource_region_code AS r FROM audit_events",
          )
        ).map((e) => [
          e.id,
          ref("organisation", { organisationId: e.o, regionCode: e.r as RegionCode | null }),
        ]),
      );
      refs.feedback = new Map(
        (
          await rows<{ id: string; o: string | null; r: string | null }>(
            "SELECT id::text, organisation_id::text AS o, region_code AS r FROM feedback",
          )
        ).map((f) => [f.id, ref("area", { organisationId: f.o, regionCode: f.r as RegionCode | null })]),
      );
    });
  }, 120_000);
  afterAll(() => drop?.());

  /** Everything of a table, as `actor` (or with no scope at all), with no WHERE of the application. */
  const visible = (table: string, key: string, actor: Actor | null) => {
    const read = () => sql.raw<{ id: string }>(`SELECT ${key}::text AS id FROM ${table}`).execute(db);
    return (actor ? withRowScope(rowScopeOf(actor), read) : read()).then((r) =>
      r.rows.map((x) => x.id).sort(),
    );
  };
  /** The rows of `part` some action of the part lets `actor` reach, by the policy. */
  const allowed = (part: RowScopePart, actor: Actor) =>
    [...refs[part]!]
      .filter(([, ref]) => ROW_SCOPE_ACTIONS[part].some((action) => decide(actor, action, ref).allowed))
      .map(([id]) => id)
      .sort();
  /** The same, plus the mines of published areas for whoever reads published areas (the portal shows them). */
  const readable = (part: RowScopePart, actor: Actor) =>
    part !== "mine"
      ? allowed(part, actor)
      : [
          ...new Set([
            ...allowed(part, actor),
            ...publishedMines
              .filter((m) => decide(actor, "published.read", refs.area!.get(m.area)!).allowed)
              .map((m) => m.mine),
          ]),
        ].sort();
  let publishedMines: { mine: string; area: string }[] = [];

  const TABLES: [RowScopePart, string, string][] = [
    ["area", "mining_areas", "id"],
    ["mine", "mines", "id"],
    ["user", "users", "id"],
    ["token", "api_tokens", "id"],
    ["audit", "audit_events", "seq"],
    ["feedback", "feedback", "id"],
  ];

  it("holds for the role the server connects as: no superuser, no BYPASSRLS, no table owned, the trail append-only", async () => {
    expect(await rowSecurityProblems(db)).toEqual([]);
    const role = await sql<{ r: string }>`SELECT current_user AS r`.execute(db);
    expect(role.rows[0]!.r).toBe(APP_ROLE);
  });

  it("gives each actor exactly the rows of the policy when the application asks for all of them", async () => {
    for (const [name, actor] of Object.entries(actors))
      for (const [part, table, key] of TABLES)
        expect(await visible(table, key, actor), `${name} on ${table}`).toEqual(readable(part, actor));
  });

  it("shows organisations in the actor's scope, and every verification body (to choose one)", async () => {
    const bodies = await asSystem(() =>
      sql
        .raw<{ id: string }>("SELECT id::text FROM organisations WHERE kind = 'verification-body'")
        .execute(db),
    );
    for (const [name, actor] of Object.entries(actors)) {
      const expected = [
        ...new Set([...allowed("organisation", actor), ...bodies.rows.map((b) => b.id)]),
      ].sort();
      expect(await visible("organisations", "id", actor), name).toEqual(expected);
    }
  });

  it("hangs maps, analyses, inventories, verifiers, mines' links and sessions off their parent's visibility", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      const areas = allowed("area", actor);
      expect(await visible("area_verifiers", "area_id", actor), name).toEqual(
        (await asSystem(() => visible("area_verifiers", "area_id", null))).filter((id) => areas.includes(id)),
      );
      expect(await visible("area_mines", "area_id", actor), name).toEqual(
        (await asSystem(() => visible("area_mines", "area_id", null))).filter((id) => areas.includes(id)),
      );
      const users = allowed("user", actor);
      expect(await visible("sessions", "user_id", actor), name).toEqual(
        (await asSystem(() => visible("sessions", "user_id", null))).filter((id) => users.includes(id)),
      );
    }
  });

  it("shows nothing to a query made outside any scope — a forgotten scope is not the system's", async () => {
    for (const [, table, key] of TABLES) expect(await visible(table, key, null), table).toEqual([]);
    for (const table of ["analyses", "landuse_maps", "area_verifiers", "user_roles", "sessions"])
      expect(
        await visible(
          table,
          table === "area_verifiers"
            ? "area_id"
            : table === "sessions" || table === "user_roles"
              ? "user_id"
              : "id",
          null,
        ),
        table,
      ).toEqual([]);
    // Of the organisations, only the verification bodies, which anyone may read.
    const bodies = await asSystem(() =>
      sql
        .raw<{ id: string }>("SELECT id::text FROM organisations WHERE kind = 'verification-body'")
        .execute(db),
    );
    expect(await visible("organisations", "id", null)).toEqual(bodies.rows.map((b) => b.id).sort());
    // Regions are reference data: everyone reads them.
    expect((await visible("regions", "code", null)).length).toBeGreaterThan(1);
  });

  it("hands a pooled connection's next holder its own scope, never the previous one's", async () => {
    const admin = actors.admin!;
    // Many alternating queries over the pool's ten connections.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => visible("mining_areas", "id", i % 2 === 0 ? admin : null)),
    );
    results.forEach((ids, i) => expect(ids.length, `query ${i}`).toBe(i % 2 === 0 ? refs.area!.size : 0));
  });

  it("refuses to change or create another tenant's rows, even when the application would", async () => {
    const editorB = actors["editor-b"]!;
    const [areaA] = [...refs.area!].find(
      ([, r]) => r.organisationId === (actors["editor-a"] as { organisationId: string }).organisationId,
    )!;
    const changed = await withRowScope(rowScopeOf(editorB), () =>
      db.updateTable("mining_areas").set({ name: "taken over" }).where("id", "=", areaA).executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    const deleted = await withRowScope(rowScopeOf(editorB), () =>
      db.deleteFrom("mining_areas").where("id", "=", areaA).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    const ownerOfA = refs.area!.get(areaA)!.organisationId!;
    await expect(
      withRowScope(rowScopeOf(editorB), () =>
        new MiningAreaRepository(db).create(
          { name: "planted", legend: { preset: "seed001" } },
          { organisationId: ownerOfA, regionCode: "140603" as RegionCode },
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // The public may send feedback about a published area (with its owner and region), not about
    // one it cannot see, nor address it to another owner.
    const feedback = new FeedbackRepository(db);
    const [published, pubRef] = [...refs.area!].find(([, r]) => r.published)!;
    const message = { name: null, contact: null, address: null };
    const about = (areaId: string, ref: ResourceRef) => ({
      ...message,
      areaId,
      organisationId: ref.organisationId,
      regionCode: ref.regionCode,
    });
    await withRowScope(rowScopeOf(ANONYMOUS), () =>
      feedback.add({ ...about(published, pubRef), message: "thank you" }),
    );
    await expect(
      withRowScope(rowScopeOf(ANONYMOUS), () =>
        feedback.add({ ...about(published, pubRef), organisationId: ownerOfA, message: "misrouted" }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withRowScope(rowScopeOf(ANONYMOUS), () =>
        feedback.add({ ...about(areaA, refs.area!.get(areaA)!), message: "hello" }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("lets nobody change what they may only read: a published area, a supervised area, their own account", async () => {
    const write = async (actor: Actor, q: string) =>
      Number((await withRowScope(rowScopeOf(actor), () => sql.raw(q).execute(db))).numAffectedRows ?? 0);
    const [published, pubRef] = [...refs.area!].find(([, r]) => r.published)!;
    // The public reads the published area (B's) and cannot change or delete it.
    expect(await write(ANONYMOUS, `UPDATE mining_areas SET name = 'defaced' WHERE id = ${published}`)).toBe(
      0,
    );
    expect(await write(ANONYMOUS, `DELETE FROM mining_areas WHERE id = ${published}`)).toBe(0);
    // Enterprise A reads B's published area and cannot take it over.
    expect(
      await write(
        actors["editor-a"]!,
        `UPDATE mining_areas SET organisation_id = ${(actors["editor-a"] as { organisationId: string }).organisationId} WHERE published`,
      ),
    ).toBe(0);
    // The province's regulator reads enterprise B's area and cannot change it, nor its analyses' rows.
    expect(
      await write(
        actors.regulator!,
        `UPDATE mining_areas SET name = 'x' WHERE organisation_id = ${pubRef.organisationId}`,
      ),
    ).toBe(0);
    expect(await write(actors.regulator!, `DELETE FROM area_verifiers`)).toBe(0);
    // A verifier reads its assigned area and mine and changes neither.
    expect(await write(actors.verifier!, `UPDATE mining_areas SET name = 'x'`)).toBe(0);
    expect(await write(actors.verifier!, `UPDATE mines SET name = 'x'`)).toBe(0);
    // The administrator reads every area but changes none (separated duties).
    expect(await write(actors.admin!, `UPDATE mining_areas SET name = 'x'`)).toBe(0);
    // A user reads their own account and cannot change it, nor give themselves a role.
    const self = actors["editor-b"] as { userId: string; organisationId: string };
    expect(
      await write(
        actors["editor-b"]!,
        `UPDATE users SET must_change_password = false, organisation_id = 1 WHERE id = ${self.userId}`,
      ),
    ).toBe(0);
    await expect(
      write(
        actors["editor-b"]!,
        `INSERT INTO user_roles (user_id, role) VALUES (${self.userId}, 'administrator')`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      write(
        actors["editor-b"]!,
        `INSERT INTO sessions (id, user_id, expires_at) VALUES (repeat('a', 64), ${self.userId}, now() + interval '1 year')`,
      ),
    ).rejects.toThrow(/row-level security/);
    // Nobody, the user included, moves a session's expiry.
    await expect(
      write(
        actors["editor-b"]!,
        `UPDATE sessions SET expires_at = now() + interval '1 year' WHERE user_id = ${self.userId}`,
      ),
    ).rejects.toThrow(/permission denied/);
    // …while the owner changes its own area, and the administrator a user.
    expect(
      await write(actors["editor-b"]!, `UPDATE mining_areas SET name = 'B renamed' WHERE id = ${published}`),
    ).toBe(1);
    expect(
      await write(actors.admin!, `UPDATE users SET display_name = 'checked' WHERE id = ${self.userId}`),
    ).toBe(1);
  });
});
