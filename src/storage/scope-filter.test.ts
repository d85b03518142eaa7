import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, ACTION_IDS, type ActionId } from "../domain/access/actions.ts";
import { ANONYMOUS, type Actor } from "../domain/access/actor.ts";
import type { Organisation } from "../domain/access/organisation.ts";
import { decide, queryScope, type ResourceRef } from "../domain/access/policy.ts";
import { ROLE_IDS, ROLE_ORGANISATION_KIND, type RoleId } from "../domain/access/roles.ts";
import { creditCodeFor } from "../../test/helpers/credit-code.ts";
import { MineRepository, type Mine } from "./mine-repository.ts";
import type { Store } from "./open-database.ts";
import { freshStore, STORE_KINDS } from "../../test/storage/stores.ts";
import { OrganisationRepository } from "./organisation-repository.ts";
import { RegionRepository } from "./region-repository.ts";
import { scopeWhere } from "./scope-filter.ts";
import { UserRepository, type User } from "./user-repository.ts";

let store: Store;
let drop: () => Promise<void>;
const orgs: Organisation[] = [];
const mines: Mine[] = [];
const users: User[] = [];

// Shanxi (140000) › Shuozhou (140600) › Shuocheng (140602); Datong (140200); Inner Mongolia
// (150000) › Ordos (150600); Henan (410000) › Jiyuan (419001), under the province directly.
describe.each(STORE_KINDS)("on %s", (kind) => {
  beforeAll(async () => {
    orgs.length = 0;
    mines.length = 0;
    users.length = 0;
    ({ store, drop } = await freshStore(kind));
    const regions = new RegionRepository(store.db);
    for (const [code, name] of [
      ["140000", "Shanxi"],
      ["140600", "Shuozhou"],
      ["140602", "Shuocheng"],
      ["140200", "Datong"],
      ["150000", "Inner Mongolia"],
      ["150600", "Ordos"],
      ["410000", "Henan"],
      ["419001", "Jiyuan"],
    ] as const)
      await regions.add({ code, name });
    const o = new OrganisationRepository(store.db);
    const dept = (name: string, regionCode: string, level: string) =>
      o.add({ kind: "department", name, regionCode, departmentKind: "natural-resources", level });
    orgs.push(
      await dept("Shanxi NR", "140000", "province"),
      await dept("Shuozhou EE", "140600", "city"),
      await dept("Inner Mongolia NR", "150000", "province"),
      await dept("Henan NR", "410000", "province"),
    );
    let serial = 1;
    for (const [name, regionCode] of [
      ["A", "140602"],
      ["B", "140600"],
      ["C", "140200"],
      ["D", "150600"],
      ["E", "419001"],
    ] as const)
      orgs.push(await o.add({ kind: "enterprise", name, regionCode, creditCode: creditCodeFor(serial++) }));
    orgs.push(await o.add({ kind: "verification-body", name: "Verifier", regionCode: "140000" }));
    // With the organisation migration 3 made (the owner of data from before access control).
    orgs.unshift((await o.get("1"))!);
    const m = new MineRepository(store.db);
    for (const org of orgs.filter((x) => x.kind === "enterprise"))
      for (const regionCode of [org.regionCode, "140602", "150600"])
        mines.push(
          await m.add({
            organisationId: org.id,
            regionCode,
            name: `${org.name} ${regionCode}`,
            stage: "production",
          }),
        );
    const u = new UserRepository(store.db);
    for (const org of orgs)
      users.push(
        await u.add({
          username: `user-${org.id}`,
          organisationId: org.id,
          roles: [
            org.kind === "department"
              ? "regulator"
              : org.kind === "enterprise"
                ? "enterprise-editor"
                : "verifier",
          ],
          passwordHash: "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA",
        }),
      );
  });
  afterAll(() => drop());

  /** Any actor of the fixture's organisations: a user or a token with roles its organisation may hold. */
  const actorArb: fc.Arbitrary<Actor> = fc.oneof(
    fc.constant(ANONYMOUS),
    fc
      .record({
        org: fc.nat(),
        roles: fc.subarray([...ROLE_IDS]),
        token: fc.boolean(),
        actions: fc.subarray([...ACTION_IDS]),
        user: fc.nat(),
      })
      .map(({ org: i, roles, token, actions, user }): Actor => {
        const org = orgs[i % orgs.length]!;
        const fit = roles.filter((r): r is RoleId =>
          (ROLE_ORGANISATION_KIND[r] as readonly string[]).includes(org.kind),
        );
        const member = {
          organisationId: org.id,
          organisationKind: org.kind,
          jurisdiction: org.kind === "department" ? org.regionCode : null,
          roles: fit,
        };
        const u = users[user % users.length]!;
        return token
          ? { kind: "token", tokenId: "1", createdBy: u.id, actions, ...member }
          : {
              kind: "user",
              userId: u.id,
              username: u.username,
              sessionId: "x".repeat(64),
              mustChangePassword: false,
              ...member,
            };
      }),
  );

  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();

  describe("scopeWhere", () => {
    it("nothing is false and everything is true, whatever columns the table has", async () => {
      const count = async (where: ReturnType<typeof scopeWhere>) =>
        (await store.db.selectFrom("mines").select("id").where(where).execute()).length;
      expect(
        await count(
          scopeWhere(
            { kind: "nothing" },
            { organisation: "mines.organisation_id", region: "mines.region_code" },
          ),
        ),
      ).toBe(0);
      expect(await count(scopeWhere({ kind: "everything" }, { organisation: null, region: null }))).toBe(
        mines.length,
      );
      // A scope whose criteria the table has no column for: nothing, not everything.
      const publishedOnly = {
        kind: "some",
        organisationIds: [],
        regionPrefixes: [],
        assignedTo: ["1"],
        published: true,
        userIds: ["1"],
      } as const;
      expect(
        await count(
          scopeWhere(publishedOnly, { organisation: "mines.organisation_id", region: "mines.region_code" }),
        ),
      ).toBe(0);
    });

    it("returns exactly the mines, organisations and users decide() allows, for any actor and action", async () => {
      const mineRepo = new MineRepository(store.db);
      const orgRepo = new OrganisationRepository(store.db);
      const userRepo = new UserRepository(store.db);
      const byKind = (kind: string) => ACTION_IDS.filter((a) => ACTIONS[a].resource === kind);
      await fc.assert(
        fc.asyncProperty(
          actorArb,
          fc.constantFrom(...byKind("mine")),
          fc.constantFrom(...byKind("organisation")),
          fc.constantFrom(...byKind("user")),
          async (actor, mineAction: ActionId, orgAction: ActionId, userAction: ActionId) => {
            const allowed = <T>(xs: readonly T[], action: ActionId, ref: (x: T) => ResourceRef) =>
              xs.filter((x) => decide(actor, action, ref(x)).allowed);
            expect(ids(await mineRepo.list(queryScope(actor, mineAction)))).toEqual(
              ids(
                allowed(mines, mineAction, (m) => ({
                  kind: "mine",
                  organisationId: m.organisationId,
                  regionCode: m.regionCode,
                })),
              ),
            );
            expect(ids(await orgRepo.list(queryScope(actor, orgAction)))).toEqual(
              ids(
                allowed(orgs, orgAction, (x) => ({
                  kind: "organisation",
                  organisationId: x.id,
                  regionCode: x.regionCode,
                })),
              ),
            );
            expect(ids(await userRepo.list(queryScope(actor, userAction)))).toEqual(
              ids(
                allowed(users, userAction, (x) => ({
                  kind: "user",
                  organisationId: x.organisationId,
                  regionCode: orgs.find((o) => o.id === x.organisationId)!.regionCode,
                  userId: x.id,
                })),
              ),
            );
          },
        ),
        { numRuns: 150 },
      );
    });

    it("a provincial regulator sees the mines of its province, in every city and county, and no others", async () => {
      const sx = orgs.find((o) => o.name === "Shanxi NR")!;
      const actor: Actor = {
        kind: "user",
        userId: users[0]!.id,
        username: users[0]!.username,
        sessionId: "x".repeat(64),
        mustChangePassword: false,
        organisationId: sx.id,
        organisationKind: "department",
        jurisdiction: sx.regionCode,
        roles: ["regulator"],
      };
      const seen = await new MineRepository(store.db).list(queryScope(actor, "mine.read"));
      expect(new Set(seen.map((m) => m.regionCode))).toEqual(new Set(["140602", "140600", "140200"]));
    });
  });
});
