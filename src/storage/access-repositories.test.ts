import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../app/auth/identity.ts";
import { hashPassword } from "../app/auth/passwords.ts";
import { ANONYMOUS, type UserActor } from "../domain/access/actor.ts";
import { queryScope } from "../domain/access/policy.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { creditCodeFor } from "../../test/helpers/credit-code.ts";
import { ApiTokenRepository } from "./api-token-repository.ts";
import { MineRepository } from "./mine-repository.ts";
import type { Store } from "./open-database.ts";
import { freshStore, STORE_KINDS } from "../../test/storage/stores.ts";
import { OrganisationRepository } from "./organisation-repository.ts";
import { RegionRepository } from "./region-repository.ts";
import { SessionRepository } from "./session-repository.ts";
import { UserRepository } from "./user-repository.ts";

let store: Store;
let drop: () => Promise<void>;
let regions: RegionRepository;
let orgs: OrganisationRepository;
let users: UserRepository;
let mines: MineRepository;
const HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
const EVERYTHING = { kind: "everything" } as const;

/** The issues' paths of the InputError `p` rejects with. */
async function paths(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error("no error");
}

describe.each(STORE_KINDS)("on %s", (kind) => {
  beforeAll(async () => {
    ({ store, drop } = await freshStore(kind));
    regions = new RegionRepository(store.db);
    orgs = new OrganisationRepository(store.db);
    users = new UserRepository(store.db);
    mines = new MineRepository(store.db);
    await regions.add({ code: "140000", name: "Shanxi", nameZh: "山西省" });
    await regions.add({ code: "140600", name: "Shuozhou" });
    await regions.add({ code: "140602", name: "Shuocheng" });
    await regions.add({ code: "410000", name: "Henan" });
  });
  afterAll(() => drop());

  describe("regions", () => {
    it("hang below an existing parent; a county under the province directly has the province as parent", async () => {
      expect(await regions.get("140602")).toMatchObject({ level: "county", parentCode: "140600" });
      expect((await regions.add({ code: "419001", name: "Jiyuan" })).parentCode).toBe("410000");
      expect(await paths(regions.add({ code: "150602", name: "Dongsheng" }))).toEqual(["code"]);
      expect(await paths(regions.add({ code: "14000", name: "" }))).toEqual(["name", "code"]);
      expect(await paths(regions.add({ code: "140000", name: "again" }))).toEqual(["code"]);
      expect((await regions.list()).map((r) => r.code)).toContain("100000");
    });
  });

  describe("organisations", () => {
    it("a department has a department kind and the level of its region", async () => {
      const d = await orgs.add({
        kind: "department",
        name: "Shanxi NR",
        regionCode: "140000",
        departmentKind: "natural-resources",
        level: "province",
      });
      expect(d).toMatchObject({
        kind: "department",
        level: "province",
        regionCode: "140000",
        creditCode: null,
      });
      expect(
        await paths(orgs.add({ kind: "department", name: "x", regionCode: "140600", level: "province" })),
      ).toEqual(["departmentKind", "level"]);
      expect(
        await paths(
          orgs.add({
            kind: "department",
            name: "x",
            regionCode: "999999",
            departmentKind: "other",
            level: "city",
          }),
        ),
      ).toEqual(["regionCode"]);
    });

    it("an enterprise has a valid, unique credit code; others have none", async () => {
      const code = creditCodeFor(42);
      await orgs.add({ kind: "enterprise", name: "A", regionCode: "140602", creditCode: code });
      expect(
        await paths(orgs.add({ kind: "enterprise", name: "B", regionCode: "140602", creditCode: code })),
      ).toEqual(["creditCode"]);
      const wrongCheck = code.slice(0, 17) + (code[17] === "1" ? "2" : "1");
      expect(
        await paths(
          orgs.add({ kind: "enterprise", name: "B", regionCode: "140602", creditCode: wrongCheck }),
        ),
      ).toEqual(["creditCode"]);
      expect(await paths(orgs.add({ kind: "enterprise", name: "B", regionCode: "140602" }))).toEqual([
        "creditCode",
      ]);
      expect(
        await paths(
          orgs.add({
            kind: "verification-body",
            name: "V",
            regionCode: "140000",
            creditCode: creditCodeFor(43),
          }),
        ),
      ).toEqual(["creditCode"]);
    });

    it("a parent is a department whose region contains the organisation's", async () => {
      const [sx] = await orgs
        .list(EVERYTHING, { kind: "department" })
        .then((l) => l.filter((o) => o.name === "Shanxi NR"));
      const city = await orgs.add({
        kind: "department",
        name: "Shuozhou EE",
        regionCode: "140600",
        departmentKind: "ecology-environment",
        level: "city",
        parentId: sx!.id,
      });
      expect(city.parentId).toBe(sx!.id);
      expect(
        await paths(
          orgs.add({
            kind: "department",
            name: "Henan",
            regionCode: "410000",
            departmentKind: "other",
            level: "province",
            parentId: city.id,
          }),
        ),
      ).toEqual(["parentId"]);
      const [a] = await orgs.list(EVERYTHING, { kind: "enterprise" });
      expect(
        await paths(
          orgs.add({ kind: "verification-body", name: "V", regionCode: "140602", parentId: a!.id }),
        ),
      ).toEqual(["parentId"]);
      expect(await orgs.list({ kind: "nothing" })).toEqual([]);
    });
  });

  describe("users", () => {
    it("take roles that fit their organisation's kind, and a username of the documented form", async () => {
      const [a] = await orgs.list(EVERYTHING, { kind: "enterprise" });
      const u = await users.add({
        username: "Editor-A",
        organisationId: a!.id,
        roles: ["enterprise-editor"],
        passwordHash: HASH,
      });
      expect(u).toMatchObject({
        username: "editor-a",
        roles: ["enterprise-editor"],
        mustChangePassword: false,
      });
      expect(
        await paths(
          users.add({
            username: "x",
            organisationId: a!.id,
            roles: ["regulator", "public"],
            passwordHash: HASH,
          }),
        ),
      ).toEqual(["username", "roles[0]", "roles[1]"]);
      expect(
        await paths(
          users.add({ username: "editor-a", organisationId: "999", roles: [], passwordHash: "plain" }),
        ),
      ).toEqual(["username", "passwordHash", "organisationId", "roles"]);
      expect((await users.setRoles(u.id, ["enterprise-submitter", "enterprise-editor"])).roles).toEqual([
        "enterprise-editor",
        "enterprise-submitter",
      ]);
      expect((await users.getByUsername("EDITOR-A"))?.roles).toEqual([
        "enterprise-editor",
        "enterprise-submitter",
      ]);
      await users.setDisabled(u.id, true);
      expect((await users.get(u.id))?.disabled).toBe(true);
      await users.setPasswordHash(u.id, HASH, true);
      expect((await users.get(u.id))?.mustChangePassword).toBe(true);
      expect(await users.list({ kind: "nothing" })).toEqual([]);
      expect(await new SessionRepository(store.db).list({ kind: "nothing" })).toEqual([]);
      expect(await new ApiTokenRepository(store.db).list({ kind: "nothing" })).toEqual([]);
    });
  });

  describe("mines", () => {
    it("are owned by an enterprise, lie in an existing region, have a life-cycle stage and polygon boundaries", async () => {
      const [a] = await orgs.list(EVERYTHING, { kind: "enterprise" });
      const [d] = await orgs.list(EVERYTHING, { kind: "department" });
      const square = {
        type: "Polygon",
        coordinates: [
          [
            [112.4, 39.3],
            [112.5, 39.3],
            [112.5, 39.4],
            [112.4, 39.3],
          ],
        ],
      };
      const m = await mines.add({
        organisationId: a!.id,
        regionCode: "140602",
        name: "Pit 1",
        stage: "production",
        miningRightBoundary: square,
      });
      expect(m).toMatchObject({ stage: "production", miningRightBoundary: square, productionArea: null });
      expect(
        await paths(
          mines.add({
            organisationId: d!.id,
            regionCode: "150602",
            name: "",
            stage: "closed",
            livingArea: { type: "Polygon", coordinates: [[[0, 0]]] },
          }),
        ),
      ).toEqual(["name", "organisationId", "regionCode", "stage", "livingArea.coordinates[0]"]);
      expect((await mines.update(m.id, { stage: "reclamation" }))?.stage).toBe("reclamation");
      expect(await paths(mines.update(m.id, { stage: "closed" }))).toEqual(["stage"]);
      expect(await mines.list({ kind: "nothing" })).toEqual([]);
    });
  });

  describe("sessions and API tokens", () => {
    it("list as the policy scopes them (own sessions; the organisation's tokens) and revoke", async () => {
      const [a] = await orgs.list(EVERYTHING, { kind: "enterprise" });
      const [d] = await orgs.list(EVERYTHING, { kind: "department" });
      const hash = await hashPassword("Correct-horse-7");
      const e1 = await users.add({
        username: "editor-1",
        organisationId: a!.id,
        roles: ["enterprise-editor"],
        passwordHash: hash,
      });
      const r1 = await users.add({
        username: "regulator-1",
        organisationId: d!.id,
        roles: ["regulator"],
        passwordHash: hash,
      });
      const identity = new Identity(store.db, DEFAULT_SESSION_LIFETIMES);
      const client = { address: "192.0.2.1", userAgent: null };
      const s1 = await identity.login("editor-1", "Correct-horse-7", client);
      const s2 = await identity.login("regulator-1", "Correct-horse-7", client);
      if (!s1.ok || !s2.ok) throw new Error("login failed");
      const sessions = new SessionRepository(store.db);
      const editor: UserActor = s1.actor;
      const own = await sessions.list(queryScope(editor, "session.read"));
      expect(own.map((s) => s.userId)).toEqual([e1.id]);
      expect(own[0]!.id).toBe(editor.sessionId);
      expect(await sessions.list(queryScope(ANONYMOUS, "session.read"))).toEqual([]);
      expect((await sessions.list(EVERYTHING, { openAt: new Date() })).map((s) => s.userId).sort()).toEqual(
        [e1.id, r1.id].sort(),
      );
      expect(await sessions.revoke(s2.actor.sessionId)).toBe(true);
      expect(await sessions.revoke(s2.actor.sessionId)).toBe(false);
      expect(await identity.sessionActor(s2.sessionSecret)).toBeUndefined();
      expect((await sessions.list(EVERYTHING, { openAt: new Date() })).map((s) => s.userId)).toEqual([e1.id]);

      const t = await identity.createToken({
        organisationId: a!.id,
        name: "upload",
        roles: ["enterprise-editor"],
        actions: ["inventory.write"],
        createdBy: e1.id,
        expiresAt: null,
      });
      const tokens = new ApiTokenRepository(store.db);
      const listed = await tokens.list(queryScope(editor, "token.read"));
      expect(listed).toMatchObject([
        { id: t.id, name: "upload", roles: ["enterprise-editor"], actions: ["inventory.write"] },
      ]);
      expect(JSON.stringify(listed)).not.toContain(t.secret.slice(4));
      expect(await tokens.list(queryScope(s2.actor, "token.read"))).toEqual([]);
      await identity.revokeToken(t.id);
      expect((await tokens.get(t.id))?.revokedAt).toBeInstanceOf(Date);
    });
  });
});
