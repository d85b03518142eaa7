import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS, ACTION_IDS, type ActionId } from "./actions.ts";
import { ANONYMOUS, type Actor, type TokenActor, type UserActor } from "./actor.ts";
import type { OrganisationKind } from "./organisation.ts";
import { decide, queryScope, type QueryScope, type ResourceRef } from "./policy.ts";
import { NATION, regionCode, type RegionCode } from "./region-code.ts";
import { ROLE_IDS, type RoleId } from "./roles.ts";

const rc = (s: string): RegionCode => regionCode(s, "test");

function user(
  userId: string,
  organisationId: string,
  organisationKind: OrganisationKind,
  jurisdiction: string | null,
  roles: RoleId[],
): UserActor {
  return {
    kind: "user",
    userId,
    username: userId,
    sessionId: `s-${userId}`,
    mustChangePassword: false,
    organisationId,
    organisationKind,
    jurisdiction: jurisdiction === null ? null : rc(jurisdiction),
    roles,
  };
}

// The people of the cases. Shanxi (140000) › Shuozhou (140600) › Shuocheng district (140602);
// Datong (140200) › Yungang district (140212); Inner Mongolia (150000) › Ordos (150600) ›
// Dongsheng (150602); Henan (410000) › Jiyuan (419001), a county-level city directly under the province.
const ACTORS = {
  // The administrator works for a provincial department but holds no regulator role: its
  // department's region gives it nothing.
  admin: user("u-admin", "it-centre", "department", "140000", ["administrator"]),
  regProvince: user("u-reg-sx", "sx-nr", "department", "140000", ["regulator"]),
  regCity: user("u-reg-sz", "sz-ee", "department", "140600", ["regulator"]),
  regCounty: user("u-reg-sc", "sc-nr", "department", "140602", ["regulator"]),
  regOther: user("u-reg-nm", "nm-nr", "department", "150000", ["regulator"]),
  regHenan: user("u-reg-ha", "ha-nr", "department", "410000", ["regulator"]),
  regNation: user("u-reg-cn", "mnr", "department", NATION, ["regulator"]),
  editorA: user("u-editor-a", "ent-a", "enterprise", null, ["enterprise-editor"]),
  submitterA: user("u-submitter-a", "ent-a", "enterprise", null, ["enterprise-submitter"]),
  editorB: user("u-editor-b", "ent-b", "enterprise", null, ["enterprise-editor"]),
  verifier: user("u-ver-1", "vb-1", "verification-body", null, ["verifier"]),
  verifierUnassigned: user("u-ver-2", "vb-2", "verification-body", null, ["verifier"]),
  tokenA: {
    kind: "token",
    tokenId: "t-1",
    createdBy: "u-editor-a",
    organisationId: "ent-a",
    organisationKind: "enterprise",
    jurisdiction: null,
    roles: ["enterprise-editor"],
    actions: ["area.read", "inventory.write"],
  } satisfies TokenActor,
  anonymous: ANONYMOUS,
} as const satisfies Record<string, Actor>;

const area = (organisationId: string, region: string, published = false, verifiers: string[] = []) =>
  ({
    kind: "area",
    organisationId,
    regionCode: rc(region),
    published,
    verifierOrganisationIds: verifiers,
  }) satisfies ResourceRef;

const RESOURCES = {
  // Enterprise A's area for its mine in Shuocheng; verification body 1 is assigned to it.
  areaA: area("ent-a", "140602", false, ["vb-1"]),
  areaAPublished: area("ent-a", "140602", true),
  // Enterprise A's other area, in Datong (another city of the same province).
  areaADatong: area("ent-a", "140212"),
  areaB: area("ent-b", "150602"),
  areaBPublished: area("ent-b", "150602", true),
  // The provincial department's regional mining area (Pingshuo), located in Shuozhou.
  deptArea: area("sx-nr", "140600"),
  areaJiyuan: area("ent-c", "419001"),
  mineA: {
    kind: "mine",
    organisationId: "ent-a",
    regionCode: rc("140602"),
    verifierOrganisationIds: ["vb-1"],
  },
  orgA: { kind: "organisation", organisationId: "ent-a", regionCode: rc("140602") },
  orgVb1: { kind: "organisation", organisationId: "vb-1", regionCode: rc("140100") },
  userEditorA: { kind: "user", organisationId: "ent-a", regionCode: rc("140602"), userId: "u-editor-a" },
  userSubmitterA: {
    kind: "user",
    organisationId: "ent-a",
    regionCode: rc("140602"),
    userId: "u-submitter-a",
  },
} as const satisfies Record<string, ResourceRef>;

type Expect = `allowed: ${string}` | `refused: ${"not-signed-in" | "not-granted" | "out-of-scope"}`;
type Case = readonly [keyof typeof ACTORS, ActionId, keyof typeof RESOURCES, Expect];

/** Worked by hand from ROLES (roles.ts): who may do what, and why not. */
const CASES: readonly Case[] = [
  // The administrator administers and reads everything, but changes nobody's data.
  ["admin", "organisation.manage", "orgA", "allowed: everything"],
  ["admin", "user.manage", "userEditorA", "allowed: everything"],
  ["admin", "session.revoke", "userEditorA", "allowed: everything"],
  ["admin", "audit.read", "orgA", "allowed: everything"],
  ["admin", "area.read", "areaB", "allowed: everything"],
  ["admin", "mine.read", "mineA", "allowed: everything"],
  ["admin", "area.update", "areaA", "refused: not-granted"],
  ["admin", "map.upload", "areaA", "refused: not-granted"],
  ["admin", "mine.update", "mineA", "refused: not-granted"],
  ["admin", "area.update", "deptArea", "refused: not-granted"],
  // A provincial regulator reads all of its province and works on its department's own areas.
  ["regProvince", "area.read", "areaA", "allowed: jurisdiction"],
  ["regProvince", "area.read", "areaADatong", "allowed: jurisdiction"],
  ["regProvince", "area.read", "deptArea", "allowed: jurisdiction"],
  ["regProvince", "area.update", "deptArea", "allowed: own-organisation"],
  ["regProvince", "analysis.run", "deptArea", "allowed: own-organisation"],
  ["regProvince", "area.update", "areaA", "refused: out-of-scope"],
  ["regProvince", "map.upload", "areaA", "refused: out-of-scope"],
  ["regProvince", "plan.compute", "areaA", "allowed: jurisdiction"],
  ["regProvince", "mine.create", "mineA", "allowed: jurisdiction"],
  ["regProvince", "mine.update", "mineA", "allowed: jurisdiction"],
  ["regProvince", "organisation.read", "orgA", "allowed: jurisdiction"],
  ["regProvince", "audit.read", "orgA", "allowed: jurisdiction"],
  ["regProvince", "area.read", "areaB", "refused: out-of-scope"],
  ["regProvince", "organisation.manage", "orgA", "refused: not-granted"],
  ["regProvince", "user.manage", "userEditorA", "refused: not-granted"],
  ["regProvince", "token.manage", "orgA", "refused: not-granted"],
  // A city regulator: its city and the counties in it, not the other city nor the province.
  ["regCity", "area.read", "areaA", "allowed: jurisdiction"],
  ["regCity", "area.read", "deptArea", "allowed: jurisdiction"],
  ["regCity", "area.read", "areaADatong", "refused: out-of-scope"],
  ["regCity", "area.update", "deptArea", "refused: out-of-scope"],
  ["regCity", "organisation.read", "orgVb1", "refused: out-of-scope"],
  // A county regulator: only its county (not the city the county lies in).
  ["regCounty", "area.read", "areaA", "allowed: jurisdiction"],
  ["regCounty", "mine.update", "mineA", "allowed: jurisdiction"],
  ["regCounty", "area.read", "deptArea", "refused: out-of-scope"],
  // A regulator of another province sees nothing of Shanxi.
  ["regOther", "area.read", "areaA", "refused: out-of-scope"],
  ["regOther", "mine.read", "mineA", "refused: out-of-scope"],
  ["regOther", "mine.update", "mineA", "refused: out-of-scope"],
  ["regOther", "audit.read", "orgA", "refused: out-of-scope"],
  ["regOther", "area.read", "areaB", "allowed: jurisdiction"],
  // A county directly under its province lies within the province.
  ["regHenan", "area.read", "areaJiyuan", "allowed: jurisdiction"],
  ["regNation", "area.read", "areaB", "allowed: jurisdiction"],
  ["regNation", "area.update", "areaB", "refused: out-of-scope"],
  // Enterprise A's editor: its own areas and mines, its tokens, its own account.
  ["editorA", "area.read", "areaA", "allowed: own-organisation"],
  ["editorA", "area.update", "areaADatong", "allowed: own-organisation"],
  ["editorA", "map.upload", "areaA", "allowed: own-organisation"],
  ["editorA", "inventory.write", "areaA", "allowed: own-organisation"],
  ["editorA", "report.create", "areaA", "allowed: own-organisation"],
  ["editorA", "mine.update", "mineA", "allowed: own-organisation"],
  ["editorA", "token.manage", "orgA", "allowed: own-organisation"],
  ["editorA", "user.read", "userEditorA", "allowed: self"],
  ["editorA", "session.revoke", "userEditorA", "allowed: self"],
  ["editorA", "user.read", "userSubmitterA", "refused: out-of-scope"],
  ["editorA", "mine.create", "mineA", "refused: not-granted"],
  ["editorA", "user.manage", "userEditorA", "refused: not-granted"],
  ["editorA", "audit.read", "orgA", "refused: not-granted"],
  ["editorA", "area.read", "areaB", "refused: out-of-scope"],
  ["editorA", "area.update", "deptArea", "refused: out-of-scope"],
  ["editorA", "published.read", "areaBPublished", "allowed: published"],
  ["editorA", "published.read", "areaB", "refused: not-granted"],
  // Enterprise B's editor sees none of A's unpublished data.
  ["editorB", "area.read", "areaA", "refused: out-of-scope"],
  ["editorB", "mine.read", "mineA", "refused: out-of-scope"],
  ["editorB", "map.delete", "areaA", "refused: out-of-scope"],
  ["editorB", "published.read", "areaAPublished", "allowed: published"],
  ["editorB", "area.update", "areaB", "allowed: own-organisation"],
  // Enterprise A's submitter reads A's data and plans, changes none of it.
  ["submitterA", "area.read", "areaA", "allowed: own-organisation"],
  ["submitterA", "plan.compute", "areaA", "allowed: own-organisation"],
  ["submitterA", "mine.read", "mineA", "allowed: own-organisation"],
  ["submitterA", "area.update", "areaA", "refused: not-granted"],
  ["submitterA", "inventory.write", "areaA", "refused: not-granted"],
  ["submitterA", "token.manage", "orgA", "refused: not-granted"],
  ["submitterA", "area.read", "areaB", "refused: out-of-scope"],
  // A verifier reads what its body is assigned to, nothing else, and changes nothing.
  ["verifier", "area.read", "areaA", "allowed: assigned"],
  ["verifier", "mine.read", "mineA", "allowed: assigned"],
  ["verifier", "organisation.read", "orgVb1", "allowed: own-organisation"],
  ["verifier", "area.read", "areaADatong", "refused: out-of-scope"],
  ["verifier", "area.update", "areaA", "refused: not-granted"],
  ["verifier", "plan.compute", "areaA", "refused: not-granted"],
  ["verifierUnassigned", "area.read", "areaA", "refused: out-of-scope"],
  ["verifierUnassigned", "mine.read", "mineA", "refused: out-of-scope"],
  // A token of enterprise A for reading areas and writing inventories: only those, only A's.
  ["tokenA", "area.read", "areaA", "allowed: own-organisation"],
  ["tokenA", "inventory.write", "areaA", "allowed: own-organisation"],
  ["tokenA", "inventory.write", "areaB", "refused: out-of-scope"],
  ["tokenA", "area.delete", "areaA", "refused: not-granted"],
  ["tokenA", "map.upload", "areaA", "refused: not-granted"],
  ["tokenA", "token.manage", "orgA", "refused: not-granted"],
  // Not even the public's grants: a token does only what it was given.
  ["tokenA", "published.read", "areaAPublished", "refused: not-granted"],
  ["tokenA", "user.read", "userEditorA", "refused: not-granted"],
  // The public: published material and feedback on it; everything else asks to sign in.
  ["anonymous", "published.read", "areaAPublished", "allowed: published"],
  ["anonymous", "feedback.send", "areaAPublished", "allowed: published"],
  ["anonymous", "published.read", "areaA", "refused: not-signed-in"],
  ["anonymous", "feedback.send", "areaA", "refused: not-signed-in"],
  ["anonymous", "area.read", "areaAPublished", "refused: not-signed-in"],
  ["anonymous", "area.create", "areaA", "refused: not-signed-in"],
  ["anonymous", "feedback.read", "areaAPublished", "refused: not-signed-in"],
  ["anonymous", "user.read", "userEditorA", "refused: not-signed-in"],
];

describe("decide: hand-worked cases for every role", () => {
  it.each(CASES)("%s may %s on %s: %s", (actor, action, resource, expected) => {
    const d = decide(ACTORS[actor], action, RESOURCES[resource]);
    expect(d.allowed ? `allowed: ${d.scope}` : `refused: ${d.reason}`).toBe(expected);
  });

  it("covers every actor of the table", () => {
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(Object.keys(ACTORS)));
  });

  it("refuses to judge an action on the wrong kind of resource", () => {
    expect(() => decide(ACTORS.admin, "user.manage", RESOURCES.areaA)).toThrow(
      "action user.manage acts on a user, not a area",
    );
  });
});

describe("queryScope: hand-worked cases", () => {
  const some = (o: Partial<Extract<QueryScope, { kind: "some" }>>): QueryScope => ({
    kind: "some",
    organisationIds: [],
    regionPrefixes: [],
    assignedTo: [],
    published: false,
    userIds: [],
    ...o,
  });
  it.each<[keyof typeof ACTORS, ActionId, QueryScope]>([
    ["admin", "area.read", { kind: "everything" }],
    ["admin", "area.update", { kind: "nothing" }],
    ["regProvince", "area.read", some({ organisationIds: ["sx-nr"], regionPrefixes: ["14"] })],
    ["regCity", "mine.read", some({ regionPrefixes: ["1406"] })],
    ["regCounty", "mine.read", some({ regionPrefixes: ["140602"] })],
    ["regNation", "area.read", { kind: "everything" }],
    ["regNation", "area.update", some({ organisationIds: ["mnr"] })],
    ["editorA", "area.update", some({ organisationIds: ["ent-a"] })],
    ["editorA", "user.read", some({ userIds: ["u-editor-a"] })],
    ["editorA", "mine.create", { kind: "nothing" }],
    ["verifier", "area.read", some({ assignedTo: ["vb-1"] })],
    ["tokenA", "inventory.write", some({ organisationIds: ["ent-a"] })],
    ["tokenA", "area.delete", { kind: "nothing" }],
    ["tokenA", "published.read", { kind: "nothing" }],
    ["anonymous", "published.read", some({ published: true })],
    ["anonymous", "area.read", { kind: "nothing" }],
  ])("%s, %s: %j", (actor, action, expected) => {
    expect(queryScope(ACTORS[actor], action)).toEqual(expected);
  });
});

/** Whether a row with `r`'s columns passes the criteria, as a repository's SQL would test it. */
function matches(scope: QueryScope, r: ResourceRef): boolean {
  switch (scope.kind) {
    case "everything":
      return true;
    case "nothing":
      return false;
    case "some":
      return (
        (r.organisationId !== null && scope.organisationIds.includes(r.organisationId)) ||
        (r.regionCode !== null && scope.regionPrefixes.some((p) => r.regionCode!.startsWith(p))) ||
        (r.verifierOrganisationIds ?? []).some((o) => scope.assignedTo.includes(o)) ||
        (scope.published && r.published === true) ||
        (r.userId !== undefined && scope.userIds.includes(r.userId))
      );
  }
}

describe("decide and queryScope agree (property)", () => {
  const ORGS = ["o1", "o2", "o3"];
  const USERS = ["u1", "u2"];
  const REGIONS = [
    NATION,
    "140000",
    "140600",
    "140602",
    "140212",
    "150000",
    "150602",
    "410000",
    "419001",
    "419000",
  ].map((c) => rc(c));
  const ASSIGNABLE = ROLE_IDS.filter((r) => r !== "public");
  const member = {
    organisationId: fc.constantFrom(...ORGS),
    organisationKind: fc.constantFrom<OrganisationKind>("department", "enterprise", "verification-body"),
    jurisdiction: fc.option(fc.constantFrom(...REGIONS)),
    roles: fc.subarray(ASSIGNABLE),
  };
  const actor: fc.Arbitrary<Actor> = fc.oneof(
    fc.constant(ANONYMOUS),
    fc.record({
      kind: fc.constant("user" as const),
      userId: fc.constantFrom(...USERS),
      username: fc.constant("someone"),
      sessionId: fc.constant("s"),
      mustChangePassword: fc.boolean(),
      ...member,
    }),
    fc.record({
      kind: fc.constant("token" as const),
      tokenId: fc.constant("t"),
      createdBy: fc.constantFrom(...USERS),
      actions: fc.subarray(ACTION_IDS),
      ...member,
    }),
  );
  const resourceFor = (action: ActionId): fc.Arbitrary<ResourceRef> =>
    fc.record(
      {
        kind: fc.constant(ACTIONS[action].resource),
        organisationId: fc.option(fc.constantFrom(...ORGS)),
        regionCode: fc.option(fc.constantFrom(...REGIONS)),
        published: fc.boolean(),
        verifierOrganisationIds: fc.subarray(ORGS),
        userId: fc.constantFrom(...USERS),
      },
      { requiredKeys: ["kind", "organisationId", "regionCode"] },
    );
  const triple = fc
    .constantFrom(...ACTION_IDS)
    .chain((action) => fc.tuple(actor, fc.constant(action), resourceFor(action)));

  it("decide allows exactly when the resource matches the query scope", () => {
    fc.assert(
      fc.property(triple, ([a, action, r]) => {
        expect(decide(a, action, r).allowed).toBe(matches(queryScope(a, action), r));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });
});
