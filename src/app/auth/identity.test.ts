import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../domain/validation/input-issue.ts";
import type { Store } from "../../storage/open-database.ts";
import { freshStore, STORE_KINDS } from "../../../test/storage/stores.ts";
import { DEFAULT_SESSION_LIFETIMES, DUMMY_HASH, Identity, secretDigest, TOKEN_PREFIX } from "./identity.ts";
import { hashPassword, needsRehash } from "./passwords.ts";

const PASSWORD = "Correct-horse-7";
const client = { address: "192.0.2.1", userAgent: "test" };

let store: Store;
let drop: () => Promise<void>;
let clock = new Date("2026-01-01T08:00:00Z");
let identity: Identity;
let userId: string;
let enterpriseId: string;
let editorId: string;

describe.each(STORE_KINDS)("on %s", (kind) => {
  beforeAll(async () => {
    clock = new Date("2026-01-01T08:00:00Z");
    ({ store, drop } = await freshStore(kind));
    const db = store.db;
    await db
      .insertInto("regions")
      .values({ code: "140000", name: "Shanxi", parent_code: "100000" })
      .execute();
    const dept = await db
      .insertInto("organisations")
      .values({
        kind: "department",
        name: "Shanxi natural resources",
        region_code: "140000",
        department_kind: "natural-resources",
        level: "province",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ent = await db
      .insertInto("organisations")
      .values({
        kind: "enterprise",
        name: "Mine A",
        region_code: "140000",
        credit_code: "91140000701012345X",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    enterpriseId = String(ent.id);
    const hash = await hashPassword(PASSWORD);
    const u = await db
      .insertInto("users")
      .values({ username: "regulator-1", organisation_id: dept.id, password_hash: hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    userId = String(u.id);
    await db.insertInto("user_roles").values({ user_id: u.id, role: "regulator" }).execute();
    const e = await db
      .insertInto("users")
      .values({ username: "editor-a", organisation_id: ent.id, password_hash: hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    editorId = String(e.id);
    await db.insertInto("user_roles").values({ user_id: e.id, role: "enterprise-editor" }).execute();
    identity = new Identity(db, DEFAULT_SESSION_LIFETIMES, () => clock);
  });
  afterAll(() => drop());

  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  describe("Identity", () => {
    it("logs in with the right password and answers the actor of the session", async () => {
      const r = await identity.login("Regulator-1", PASSWORD, client);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.actor).toMatchObject({
        kind: "user",
        username: "regulator-1",
        organisationKind: "department",
        jurisdiction: "140000",
        roles: ["regulator"],
      });
      expect(r.sessionSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only the digest is stored.
      const row = await store.db
        .selectFrom("sessions")
        .selectAll()
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();
      expect(row.id).toBe(secretDigest(r.sessionSecret));
      expect(row.id).not.toContain(r.sessionSecret);
      expect(await identity.sessionActor(r.sessionSecret)).toEqual(r.actor);
      expect(r.expiresAt.getTime() - clock.getTime()).toBe(12 * 3_600_000);
    });

    it("says bad-credentials alike for an unknown user and a wrong password", async () => {
      // An unknown user's password is checked against a hash of the same cost as real ones.
      expect(needsRehash(DUMMY_HASH)).toBe(false);
      expect(await identity.login("x".repeat(10_000), PASSWORD, client)).toEqual({
        ok: false,
        reason: "bad-credentials",
      });
      expect(await identity.login("nobody-here", PASSWORD, client)).toEqual({
        ok: false,
        reason: "bad-credentials",
      });
      expect(await identity.login("regulator-1", "Wrong-password-1", client)).toEqual({
        ok: false,
        reason: "bad-credentials",
      });
    });

    it("ends a session idle for 30 minutes, and any session after 12 hours", async () => {
      const r = await identity.login("regulator-1", PASSWORD, client);
      if (!r.ok) throw new Error("login failed");
      later(29);
      expect(await identity.sessionActor(r.sessionSecret)).toBeDefined();
      later(29); // 29 minutes after the last use: still alive
      expect(await identity.sessionActor(r.sessionSecret)).toBeDefined();
      later(30);
      expect(await identity.sessionActor(r.sessionSecret)).toBeUndefined();
      const s = await identity.login("regulator-1", PASSWORD, client);
      if (!s.ok) throw new Error("login failed");
      for (let i = 0; i < 24; i++) {
        later(29);
        expect(await identity.sessionActor(s.sessionSecret)).toBeDefined();
      }
      later(29); // 12 h 5 min after login
      expect(await identity.sessionActor(s.sessionSecret)).toBeUndefined();
    });

    it("writes a session's last use at most once a minute", async () => {
      const r = await identity.login("regulator-1", PASSWORD, client);
      if (!r.ok) throw new Error("login failed");
      const lastSeen = async () =>
        (
          await store.db
            .selectFrom("sessions")
            .select("last_seen_at")
            .where("id", "=", r.actor.sessionId)
            .executeTakeFirstOrThrow()
        ).last_seen_at.getTime();
      const at = clock.getTime();
      later(0.5);
      expect(await identity.sessionActor(r.sessionSecret)).toBeDefined();
      expect(await lastSeen()).toBe(at);
      later(0.5);
      expect(await identity.sessionActor(r.sessionSecret)).toBeDefined();
      expect(await lastSeen()).toBe(clock.getTime());
    });

    it("logout, revocation and a password change end sessions", async () => {
      const a = await identity.login("regulator-1", PASSWORD, client);
      const b = await identity.login("regulator-1", PASSWORD, client);
      const c = await identity.login("regulator-1", PASSWORD, client);
      if (!a.ok || !b.ok || !c.ok) throw new Error("login failed");
      await identity.logout(a.sessionSecret);
      expect(await identity.sessionActor(a.sessionSecret)).toBeUndefined();
      expect(await identity.revokeSessions(userId, "revoked", c.actor.sessionId)).toBeGreaterThanOrEqual(1);
      expect(await identity.sessionActor(b.sessionSecret)).toBeUndefined();
      expect(await identity.sessionActor(c.sessionSecret)).toBeDefined();
      expect(await identity.checkPassword(userId, PASSWORD)).toBe(true);
      expect(await identity.checkPassword(userId, "Wrong-password-1")).toBe(false);
      await expect(identity.changePassword(userId, "short")).rejects.toBeInstanceOf(InputError);
      await identity.changePassword(userId, "New-password-2026");
      expect(await identity.sessionActor(c.sessionSecret)).toBeUndefined();
      expect((await identity.login("regulator-1", PASSWORD, client)).ok).toBe(false);
      expect((await identity.login("regulator-1", "New-password-2026", client)).ok).toBe(true);
    });

    it("a disabled user is told so only after the right password, and its sessions stop working", async () => {
      const r = await identity.login("editor-a", PASSWORD, client);
      if (!r.ok) throw new Error("login failed");
      await store.db.updateTable("users").set({ disabled_at: clock }).where("id", "=", editorId).execute();
      expect(await identity.sessionActor(r.sessionSecret)).toBeUndefined();
      expect(await identity.login("editor-a", "Wrong-password-1", client)).toEqual({
        ok: false,
        reason: "bad-credentials",
      });
      expect(await identity.login("editor-a", PASSWORD, client)).toEqual({ ok: false, reason: "disabled" });
      await store.db.updateTable("users").set({ disabled_at: null }).where("id", "=", editorId).execute();
    });

    it("API tokens: shown once with mct_, stored as a digest, scoped, revocable and expiring", async () => {
      const t = await identity.createToken({
        organisationId: enterpriseId,
        name: "energy upload",
        roles: ["enterprise-editor"],
        actions: ["inventory.write"],
        createdBy: editorId,
        expiresAt: new Date(clock.getTime() + 3_600_000),
      });
      expect(t.secret.startsWith(TOKEN_PREFIX)).toBe(true);
      const stored = await store.db
        .selectFrom("api_tokens")
        .selectAll()
        .where("id", "=", t.id)
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).toBe(secretDigest(t.secret));
      expect(await identity.tokenActor(t.secret)).toMatchObject({
        kind: "token",
        tokenId: t.id,
        organisationId: enterpriseId,
        roles: ["enterprise-editor"],
        actions: ["inventory.write"],
        createdBy: editorId,
      });
      expect(await identity.tokenActor(t.secret.slice(TOKEN_PREFIX.length))).toBeUndefined();
      later(61);
      expect(await identity.tokenActor(t.secret)).toBeUndefined();
      const u = await identity.createToken({
        organisationId: enterpriseId,
        name: "second",
        roles: ["enterprise-editor"],
        actions: ["area.read"],
        createdBy: editorId,
        expiresAt: null,
      });
      expect(await identity.tokenActor(u.secret)).toBeDefined();
      await identity.revokeToken(u.id);
      expect(await identity.tokenActor(u.secret)).toBeUndefined();
    });

    it("refuses a token whose roles do not fit the organisation or whose actions no role grants", async () => {
      const bad = identity.createToken({
        organisationId: enterpriseId,
        name: "bad",
        roles: ["regulator"],
        actions: ["user.manage"],
        createdBy: "999999",
        expiresAt: null,
      });
      await expect(bad).rejects.toBeInstanceOf(InputError);
      await expect(bad).rejects.toMatchObject({
        issues: [
          { path: "roles[0]", message: expect.stringContaining("enterprise cannot hold") },
          { path: "actions[0]", message: expect.stringContaining("user.manage") },
          { path: "createdBy", message: "no user 999999" },
        ],
      });
    });
  });
});
