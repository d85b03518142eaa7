import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { verifyAuditChain } from "../../src/storage/audit-log.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, signIn } from "./actors.ts";
import { ANONYMOUS, CLIENT, createArea, testApp } from "./test-app.ts";
import { TEST_PASSWORD } from "./test-directory.ts";

type Headers = { cookie: string; origin: string };
const NEW_PASSWORD = "Another-Secret-77";

describe.each(STORE_KINDS)("the administration API, as each actor, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Headers;
  let regulator: Headers;
  let otherRegulator: Headers;
  let editorA: Headers;
  let editorB: Headers;
  const write = (o: Parameters<typeof auditedWrite>[2]) => auditedWrite(t.app, t.ctx.store, o);
  beforeAll(async () => {
    t = await testApp(kind);
    admin = await signIn(t.app, "admin");
    regulator = await signIn(t.app, "regulator");
    otherRegulator = await signIn(t.app, "regulator-nm");
    editorA = await signIn(t.app, "editor-a");
    editorB = await signIn(t.app, "editor-b");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("regions: any signed-in actor lists them (401 for the public); an administrator adds one, audited", async () => {
    expect((await t.app.inject({ url: "/api/regions", headers: ANONYMOUS })).statusCode).toBe(401);
    const list = await t.app.inject({ url: "/api/regions" });
    expect(list.json().map((r: { code: string }) => r.code)).toContain("140603");
    const add = await write({
      method: "POST",
      url: "/api/regions",
      headers: admin,
      payload: { code: "140602", name: "Shuocheng" },
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ code: "140602", level: "county", parentCode: "140600" });
    const refused = await write({
      method: "POST",
      url: "/api/regions",
      headers: regulator,
      payload: { code: "140621", name: "Shanyin" },
    });
    expect(refused.statusCode).toBe(403);
    const noParent = await write({
      method: "POST",
      url: "/api/regions",
      headers: admin,
      payload: { code: "610802", name: "Yuyang" },
    });
    expect(noParent.statusCode).toBe(400);
  });

  it("organisations: each sees what its grants reach; only an administrator adds, disables and enables", async () => {
    const d = t.directory;
    const names = async (h: Record<string, string>) =>
      (await t.app.inject({ url: "/api/organisations", headers: h })).json().map((o: { id: string }) => o.id);
    expect(await names({})).toEqual([d.enterpriseA]);
    expect(await names(regulator)).toEqual(
      expect.arrayContaining([d.enterpriseA, d.enterpriseB, d.shanxi, d.verifier]),
    );
    expect(await names(regulator)).not.toContain(d.innerMongolia);
    expect(await names(otherRegulator)).toEqual([d.innerMongolia]);
    expect((await names(admin)).length).toBeGreaterThanOrEqual(6);
    expect((await t.app.inject({ url: "/api/organisations", headers: ANONYMOUS })).statusCode).toBe(401);

    const body = { kind: "verification-body", name: "Second verifier", regionCode: "140000" };
    expect((await write({ method: "POST", url: "/api/organisations", payload: body })).statusCode).toBe(403);
    const add = await write({ method: "POST", url: "/api/organisations", headers: admin, payload: body });
    expect(add.statusCode, add.body).toBe(201);
    const badCode = await write({
      method: "POST",
      url: "/api/organisations",
      headers: admin,
      payload: { kind: "enterprise", name: "E", regionCode: "140603", creditCode: "91140603MA0K1A2B30" },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].path).toBe("creditCode");

    // Disabling enterprise B stops its users' sessions; enabling lets them sign in again.
    const off = await write({
      method: "PATCH",
      url: `/api/organisations/${d.enterpriseB}`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(off.json()).toMatchObject({ id: d.enterpriseB, disabled: true });
    expect((await t.app.inject({ url: "/api/me", headers: editorB })).statusCode).toBe(401);
    const on = await write({
      method: "PATCH",
      url: `/api/organisations/${d.enterpriseB}`,
      headers: admin,
      payload: { disabled: false },
    });
    expect(on.json().disabled).toBe(false);
    editorB = await signIn(t.app, "editor-b");
    // A regulator reads B but does not manage it; another province does not even see it.
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/organisations/${d.enterpriseB}`,
          headers: regulator,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/organisations/${d.enterpriseB}`,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(403);
    // The administrator cannot lock themselves out.
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/organisations/${d.shanxi}`,
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("users: an administrator creates, changes roles, disables and resets; everyone else sees only themselves", async () => {
    const d = t.directory;
    const create = await write({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "submitter-a",
        organisationId: d.enterpriseA,
        roles: ["enterprise-submitter"],
        password: TEST_PASSWORD,
      },
    });
    expect(create.statusCode, create.body).toBe(201);
    expect(create.json()).toMatchObject({
      username: "submitter-a",
      roles: ["enterprise-submitter"],
      mustChangePassword: true,
    });
    expect(create.body).not.toContain(TEST_PASSWORD);
    const id = create.json().id as string;

    // A weak password is refused without being repeated; a role that does not fit the organisation too.
    const weak = await write({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "weak-a",
        organisationId: d.enterpriseA,
        roles: ["enterprise-editor"],
        password: "hunter2hunter2",
      },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).not.toContain("hunter2hunter2");
    const misfit = await write({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "misfit-a",
        organisationId: d.enterpriseA,
        roles: ["regulator"],
        password: TEST_PASSWORD,
      },
    });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.details[0].path).toBe("roles[0]");
    // Only the administrator manages users (an enterprise editor's token cannot; nor can a regulator).
    expect(
      (
        await write({
          method: "POST",
          url: "/api/users",
          payload: {
            username: "x-a",
            organisationId: d.enterpriseA,
            roles: ["enterprise-editor"],
            password: TEST_PASSWORD,
          },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/users/${id}`,
          headers: regulator,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(403);

    const listed = async (h: Record<string, string>) =>
      (await t.app.inject({ url: "/api/users", headers: h }))
        .json()
        .map((u: { username: string }) => u.username);
    expect(await listed(editorA)).toEqual(["editor-a"]);
    expect(await listed(regulator)).toEqual(["regulator"]);
    expect(await listed(admin)).toEqual(
      expect.arrayContaining(["editor-a", "editor-b", "submitter-a", "verifier"]),
    );
    // An API token is no user: it has no account of its own to read.
    expect((await t.app.inject({ url: "/api/users" })).statusCode).toBe(403);

    // Roles, then disable (its sessions end), then enable and reset.
    const submitter = await signIn(t.app, "submitter-a");
    const roles = await write({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: admin,
      payload: { roles: ["enterprise-editor"] },
    });
    expect(roles.json().roles).toEqual(["enterprise-editor"]);
    expect((await t.app.inject({ url: "/api/me", headers: submitter })).json().roles).toEqual([
      "enterprise-editor",
    ]);
    const off = await write({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(off.json().disabled).toBe(true);
    expect((await t.app.inject({ url: "/api/me", headers: submitter })).statusCode).toBe(401);
    await write({ method: "PATCH", url: `/api/users/${id}`, headers: admin, payload: { disabled: false } });
    const reset = await write({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      headers: admin,
      payload: { password: NEW_PASSWORD },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    const again = await signIn(t.app, "submitter-a", NEW_PASSWORD);
    expect((await t.app.inject({ url: "/api/me", headers: again })).json().user.mustChangePassword).toBe(
      true,
    );
    // Their own change (with the password the administrator set) clears the mark.
    const own = await write({
      method: "POST",
      url: "/api/me/password",
      headers: again,
      payload: { current: NEW_PASSWORD, new: "Chosen-By-Myself-9" },
    });
    expect(own.statusCode, own.body).toBe(204);
    expect((await t.app.inject({ url: "/api/me", headers: again })).json().user.mustChangePassword).toBe(
      false,
    );
    expect(
      (
        await write({
          method: "PATCH",
          url: "/api/users/999999",
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(404);
    // The administrator cannot lock themselves out.
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/users/${d.admin}`,
          headers: admin,
          payload: { roles: ["regulator"] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await write({
          method: "PATCH",
          url: `/api/users/${d.admin}`,
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("changes one's own password with the current one; other sessions end, this one stays", async () => {
    const other = await signIn(t.app, "verifier");
    const mine = await signIn(t.app, "verifier");
    const wrong = await write({
      method: "POST",
      url: "/api/me/password",
      headers: mine,
      payload: { current: "not-it-at-all-1A", new: NEW_PASSWORD },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: "current", message: "is not your current password" },
    ]);
    expect(wrong.body).not.toContain("not-it-at-all-1A");
    const ok = await write({
      method: "POST",
      url: "/api/me/password",
      headers: mine,
      payload: { current: TEST_PASSWORD, new: NEW_PASSWORD },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await t.app.inject({ url: "/api/me", headers: mine })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/me", headers: other })).statusCode).toBe(401);
    await signIn(t.app, "verifier", NEW_PASSWORD);
    // An API token has no password; the public is not signed in.
    expect(
      (await write({ method: "POST", url: "/api/me/password", payload: { current: "a", new: "b" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/me/password",
          headers: ANONYMOUS,
          payload: { current: "a", new: "b" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("limits password changes to 5 in 15 minutes per user (guessing through a session left open)", async () => {
    const guesser = await signIn(t.app, "editor-b");
    for (let i = 0; i < 5; i++) {
      const r = await write({
        method: "POST",
        url: "/api/me/password",
        headers: guesser,
        payload: { current: `guess-${i}-Abcdefg`, new: NEW_PASSWORD },
      });
      expect(r.statusCode).toBe(400);
    }
    const r = await write({
      method: "POST",
      url: "/api/me/password",
      headers: guesser,
      payload: { current: TEST_PASSWORD, new: NEW_PASSWORD },
    });
    expect(r.statusCode, r.body).toBe(429);
    expect(r.json().error.code).toBe("rate-limited");
    expect(r.headers["retry-after"]).toBeDefined();
  });

  it("API tokens: an editor creates one for its organisation (secret once), lists and revokes; nobody else's", async () => {
    const c = await write({
      method: "POST",
      url: "/api/tokens",
      headers: editorA,
      payload: {
        name: "monthly energy upload",
        roles: ["enterprise-editor"],
        actions: ["inventory.write", "area.read"],
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    const { token, secret } = c.json();
    expect(secret).toMatch(/^mct_/);
    expect(token).toMatchObject({
      organisationId: t.directory.enterpriseA,
      actions: ["inventory.write", "area.read"],
    });
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ url: "/api/areas", headers: bearer })).statusCode).toBe(200);
    // Its actions only: it may not read mines.
    expect((await t.app.inject({ url: "/api/mines", headers: bearer })).statusCode).toBe(403);
    const list = await t.app.inject({ url: "/api/tokens", headers: editorA });
    expect(list.json().map((x: { id: string }) => x.id)).toContain(token.id);
    expect(list.body).not.toContain(secret);
    expect(
      (await t.app.inject({ url: "/api/tokens", headers: editorB })).json().map((x: { id: string }) => x.id),
    ).not.toContain(token.id);
    // No wider than its creator; not for another organisation.
    const wider = await write({
      method: "POST",
      url: "/api/tokens",
      headers: editorA,
      payload: { name: "x", roles: ["administrator"], actions: ["user.manage"] },
    });
    expect(wider.statusCode).toBe(400);
    const other = await write({
      method: "POST",
      url: "/api/tokens",
      headers: editorA,
      payload: {
        organisationId: t.directory.enterpriseB,
        name: "x",
        roles: ["enterprise-editor"],
        actions: ["area.read"],
      },
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).not.toContain("Test Enterprise B");
    // Another enterprise cannot revoke it (404); its own editor can, and it stops.
    expect(
      (await write({ method: "DELETE", url: `/api/tokens/${token.id}`, headers: { ...editorB, ...CLIENT } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await write({
          method: "DELETE",
          url: `/api/tokens/${token.id}`,
          headers: { ...regulator, ...CLIENT },
        })
      ).statusCode,
    ).toBe(403);
    const del = await write({
      method: "DELETE",
      url: `/api/tokens/${token.id}`,
      headers: { ...editorA, ...CLIENT },
    });
    expect(del.statusCode, del.body).toBe(204);
    expect((await t.app.inject({ url: "/api/areas", headers: bearer })).statusCode).toBe(401);
  });

  it("sessions: one's own, an administrator's everyone's; revoking ends one", async () => {
    const mine = await t.app.inject({ url: "/api/sessions", headers: editorA });
    const list = mine.json() as { id: string; username: string; current: boolean }[];
    expect(new Set(list.map((s) => s.username))).toEqual(new Set(["editor-a"]));
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const all = (await t.app.inject({ url: "/api/sessions", headers: admin })).json() as {
      id: string;
      username: string;
    }[];
    expect(new Set(all.map((s) => s.username))).toContain("editor-b");
    const bSession = (
      (await t.app.inject({ url: "/api/sessions", headers: editorB })).json() as {
        id: string;
        current: boolean;
      }[]
    ).find((x) => x.current)!.id;
    const adminSession = all.find((s) => s.username === "admin")!.id;
    expect(
      (
        await write({
          method: "DELETE",
          url: `/api/sessions/${adminSession}`,
          headers: { ...editorA, ...CLIENT },
        })
      ).statusCode,
    ).toBe(404);
    const del = await write({
      method: "DELETE",
      url: `/api/sessions/${bSession}`,
      headers: { ...admin, ...CLIENT },
    });
    expect(del.statusCode, del.body).toBe(204);
    expect((await t.app.inject({ url: "/api/me", headers: editorB })).statusCode).toBe(401);
    editorB = await signIn(t.app, "editor-b");
    // One's own: the sign-out of another device.
    const second = await signIn(t.app, "editor-a");
    const own = (await t.app.inject({ url: "/api/sessions", headers: second })).json() as {
      id: string;
      current: boolean;
    }[];
    const old = own.find((s) => !s.current)!.id;
    expect(
      (await write({ method: "DELETE", url: `/api/sessions/${old}`, headers: { ...second, ...CLIENT } }))
        .statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: "/api/me", headers: editorA })).statusCode).toBe(401);
    editorA = second;
  });

  it("areas: the owner publishes and assigns verifiers; the administrator transfers; others are refused", async () => {
    const d = t.directory;
    const areaId = await createArea(t.app, "Area of A to publish");
    const pub = await write({
      method: "POST",
      url: `/api/areas/${areaId}/publish`,
      payload: { published: true },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().published).toBe(true);
    expect(
      (
        await write({
          method: "POST",
          url: `/api/areas/${areaId}/publish`,
          headers: editorB,
          payload: { published: false },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await write({
          method: "POST",
          url: `/api/areas/${areaId}/publish`,
          headers: regulator,
          payload: { published: false },
        })
      ).statusCode,
    ).toBe(403);
    const noVerifier = await write({
      method: "POST",
      url: `/api/areas/${areaId}/verifiers`,
      payload: { organisationId: d.enterpriseB },
    });
    expect(noVerifier.statusCode).toBe(400);
    expect(
      (
        await write({
          method: "POST",
          url: `/api/areas/${areaId}/transfer`,
          payload: { organisationId: d.enterpriseB, regionCode: "140603" },
        })
      ).statusCode,
    ).toBe(403);
    const tr = await write({
      method: "POST",
      url: `/api/areas/${areaId}/transfer`,
      headers: admin,
      payload: { organisationId: d.enterpriseB, regionCode: "140603" },
    });
    expect(tr.statusCode, tr.body).toBe(200);
    // What the former owner chose goes with it: off the portal, no verifiers, until B decides.
    expect(tr.json()).toMatchObject({
      organisationId: d.enterpriseB,
      regionCode: "140603",
      published: false,
    });
    expect((await asSystem(() => t.ctx.areas.get(areaId, SYSTEM_SCOPE)))!.verifierOrganisationIds).toEqual(
      [],
    );
    expect((await t.app.inject({ url: `/api/areas/${areaId}`, headers: editorB })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/areas/${areaId}` })).statusCode).toBe(404);
    const outside = await write({
      method: "POST",
      url: `/api/areas/${areaId}/transfer`,
      headers: admin,
      payload: { organisationId: d.innerMongolia, regionCode: "140603" },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe("regionCode");
  });

  it("verification bodies: who may assign lists the enabled bodies; the area's readers see its bodies; the owner unassigns one, audited", async () => {
    const d = t.directory;
    const verifier = await signIn(t.app, "verifier", NEW_PASSWORD); // changed by the test above
    const bodies = await t.app.inject({ url: "/api/verification-bodies", headers: editorA });
    expect(bodies.statusCode, bodies.body).toBe(200);
    const listed = bodies.json() as { id: string; name: string; nameZh: string | null; regionCode: string }[];
    expect(listed).toContainEqual({
      id: d.verifier,
      name: "Test verifier",
      nameZh: null,
      regionCode: "140000",
    });
    // Only bodies: no enterprise or department is told.
    expect(listed.map((b) => b.id)).not.toContain(d.enterpriseB);
    // Who holds no action that assigns a body (the administrator, a verifier) is refused.
    for (const h of [admin, verifier])
      expect((await t.app.inject({ url: "/api/verification-bodies", headers: h })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/verification-bodies", headers: ANONYMOUS })).statusCode).toBe(
      401,
    );

    const areaId = await createArea(t.app, "Area of A to verify");
    const assign = await write({
      method: "POST",
      url: `/api/areas/${areaId}/verifiers`,
      payload: { organisationId: d.verifier },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const assigned = listed.find((b) => b.id === d.verifier);
    for (const h of [editorA, regulator, verifier, admin]) {
      const r = await t.app.inject({ url: `/api/areas/${areaId}/verifiers`, headers: h });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual([assigned]);
    }
    expect((await t.app.inject({ url: `/api/areas/${areaId}/verifiers`, headers: editorB })).statusCode).toBe(
      404,
    );

    const url = `/api/areas/${areaId}/verifiers/${d.verifier}`;
    const foreign = await write({ method: "DELETE", url, headers: { ...editorB, ...CLIENT } });
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect((await write({ method: "DELETE", url, headers: { ...regulator, ...CLIENT } })).statusCode).toBe(
      403,
    );
    expect((await write({ method: "DELETE", url, headers: { ...verifier, ...CLIENT } })).statusCode).toBe(
      403,
    );
    const un = await write({ method: "DELETE", url, headers: { ...editorA, ...CLIENT } });
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json().verifierOrganisationIds).toEqual([]);
    expect((await t.app.inject({ url: `/api/areas/${areaId}/verifiers` })).json()).toEqual([]);
    // The body no longer reads the area.
    expect((await t.app.inject({ url: `/api/areas/${areaId}`, headers: verifier })).statusCode).toBe(404);
    const events = (await t.app.inject({ url: `/api/audit/resource/area/${areaId}`, headers: admin })).json();
    expect(JSON.stringify(events)).toContain(d.verifier);
  });

  it("sign-ins of an enterprise's user lie in its organisation's region: that province's regulator reads them, another's does not", async () => {
    const url = `/api/audit?action=auth.login&userId=${t.directory.editorA}&limit=100`;
    const mine = (await t.app.inject({ url, headers: regulator })).json().events as {
      resource: { kind: string; organisationId: string; regionCode: string | null };
    }[];
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine)
      expect(e.resource).toMatchObject({
        kind: "user",
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
      });
    expect((await t.app.inject({ url, headers: otherRegulator })).json().events).toEqual([]);
  });

  it("audit: the administrator reads the whole trail, a regulator its jurisdiction's, filtered and paged; others are refused", async () => {
    const all = await t.app.inject({ url: "/api/audit?limit=1000", headers: admin });
    expect(all.statusCode, all.body).toBe(200);
    const events = all.json().events as {
      seq: number;
      action: string;
      resource: { regionCode: string | null };
    }[];
    expect(events.length).toBeGreaterThan(10);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => b - a));
    const shanxi = (await t.app.inject({ url: "/api/audit?limit=1000", headers: regulator })).json()
      .events as typeof events;
    expect(shanxi.length).toBeGreaterThan(0);
    for (const e of shanxi) expect(e.resource.regionCode ?? "").toMatch(/^14/);
    const nm = (await t.app.inject({ url: "/api/audit?limit=1000", headers: otherRegulator })).json()
      .events as typeof events;
    for (const e of nm) expect(e.resource.regionCode ?? "").toMatch(/^15/);
    expect((await t.app.inject({ url: "/api/audit", headers: editorA })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/audit", headers: ANONYMOUS })).statusCode).toBe(401);
    // Keyset pages: two of 3 follow each other without overlap.
    const p1 = (await t.app.inject({ url: "/api/audit?limit=3", headers: admin })).json();
    const p2 = (await t.app.inject({ url: `/api/audit?limit=3&cursor=${p1.next}`, headers: admin })).json();
    expect(p2.events[0].seq).toBe(p1.events[2].seq - 1);
    const users = (
      await t.app.inject({ url: "/api/audit?action=user.manage&limit=1000", headers: admin })
    ).json().events as typeof events;
    expect(users.length).toBeGreaterThan(3);
    expect(new Set(users.map((e) => e.action))).toEqual(new Set(["user.manage"]));
    // A record's timeline, oldest first.
    const org = t.directory.enterpriseB;
    const tl = (await t.app.inject({ url: `/api/audit/resource/organisation/${org}`, headers: admin })).json()
      .events as typeof events;
    expect(tl.length).toBeGreaterThanOrEqual(2);
    expect(tl.map((e) => e.seq)).toEqual([...tl.map((e) => e.seq)].sort((a, b) => a - b));
    expect(
      (await t.app.inject({ url: `/api/audit/resource/organisation/${org}`, headers: otherRegulator })).json()
        .events,
    ).toEqual([]);
    expect((await t.app.inject({ url: "/api/audit?since=yesterday", headers: admin })).statusCode).toBe(400);
  });

  it("leaves an audit trail that verifies", async () => {
    const report = await asSystem(() => verifyAuditChain(t.ctx.store.db));
    expect(report.ok, JSON.stringify(report.firstBroken)).toBe(true);
  });
});
