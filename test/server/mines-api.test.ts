import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { verifyAuditChain } from "../../src/storage/audit-log.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, signIn } from "./actors.ts";
import { ANONYMOUS, createArea, testApp } from "./test-app.ts";

const SQUARE = {
  type: "Polygon",
  coordinates: [
    [
      [112.3, 39.4],
      [112.4, 39.4],
      [112.4, 39.5],
      [112.3, 39.4],
    ],
  ],
};

describe.each(STORE_KINDS)("the mines API, as each actor, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let mineA: string;
  let mineB: string;
  let regulator: { cookie: string; origin: string };
  let otherRegulator: { cookie: string; origin: string };
  let verifier: { cookie: string; origin: string };
  let editorB: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    mineA = (
      await asSystem(() =>
        t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Mine A",
          stage: "production",
        }),
      )
    ).id;
    mineB = (
      await asSystem(() =>
        t.ctx.mines.add({
          organisationId: d.enterpriseB,
          regionCode: "140603",
          name: "Mine B",
          stage: "development",
        }),
      )
    ).id;
    regulator = await signIn(t.app, "regulator");
    otherRegulator = await signIn(t.app, "regulator-nm");
    verifier = await signIn(t.app, "verifier");
    editorB = await signIn(t.app, "editor-b");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const ids = (r: { json: () => unknown }) => (r.json() as { id: string }[]).map((m) => m.id);

  it("lists the mines each actor may see, and no others (401 for the public)", async () => {
    expect((await t.app.inject({ url: "/api/mines", headers: ANONYMOUS })).statusCode).toBe(401);
    const own = await t.app.inject({ url: "/api/mines" });
    expect(own.statusCode).toBe(200);
    expect(ids(own)).toEqual([mineA]);
    expect(own.body).not.toContain("Mine B");
    expect(ids(await t.app.inject({ url: "/api/mines", headers: editorB }))).toEqual([mineB]);
    expect(ids(await t.app.inject({ url: "/api/mines", headers: regulator }))).toEqual([mineA, mineB]);
    expect(ids(await t.app.inject({ url: "/api/mines", headers: otherRegulator }))).toEqual([]);
    expect(ids(await t.app.inject({ url: "/api/mines", headers: verifier }))).toEqual([]);
  });

  it("answers one mine to whoever may read it and 404 to everyone else", async () => {
    const a = await t.app.inject({ url: `/api/mines/${mineA}` });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      id: mineA,
      name: "Mine A",
      organisationId: t.directory.enterpriseA,
      stage: "production",
    });
    for (const [url, headers] of [
      [`/api/mines/${mineB}`, {}],
      [`/api/mines/${mineA}`, otherRegulator],
      [`/api/mines/${mineA}`, verifier],
      ["/api/mines/999999", regulator],
      ["/api/mines/x", regulator],
    ] as const) {
      const r = await t.app.inject({ url, headers });
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toContain("Mine");
    }
    expect((await t.app.inject({ url: `/api/mines/${mineA}`, headers: ANONYMOUS })).statusCode).toBe(401);
  });

  it("lets a regulator register a mine of an enterprise in its jurisdiction, audited; refuses others", async () => {
    const body = {
      organisationId: t.directory.enterpriseB,
      regionCode: "140603",
      name: "Mine B2",
      stage: "exploration",
      miningRightBoundary: SQUARE,
    };
    const r = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/mines",
      headers: regulator,
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      name: "Mine B2",
      organisationId: t.directory.enterpriseB,
      miningRightBoundary: SQUARE,
    });
    // An enterprise editor does not keep the register.
    const e = await auditedWrite(t.app, t.ctx.store, { method: "POST", url: "/api/mines", payload: body });
    expect(e.statusCode).toBe(403);
    // Another province's regulator: the enterprise is not within its jurisdiction (told as unknown).
    const o = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/mines",
      headers: otherRegulator,
      payload: { ...body, regionCode: "150600" },
    });
    expect(o.statusCode).toBe(400);
    expect(o.json().error.details).toEqual([
      {
        path: "organisationId",
        message: `no enterprise ${t.directory.enterpriseB} within your jurisdiction`,
      },
    ]);
    // A region outside the jurisdiction.
    const out = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/mines",
      headers: regulator,
      payload: { ...body, regionCode: "150600" },
    });
    expect(out.statusCode).toBe(403);
    // A department cannot own a mine; a bad boundary is named.
    const bad = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/mines",
      headers: regulator,
      payload: {
        ...body,
        organisationId: t.directory.shanxi,
        miningRightBoundary: { type: "Point", coordinates: [1, 2] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["organisationId", expect.stringMatching(/^miningRightBoundary/)]),
    );
    expect(
      (await t.app.inject({ method: "POST", url: "/api/mines", headers: ANONYMOUS, payload: body }))
        .statusCode,
    ).toBe(401);
  });

  it("lets the owner and the regulator change a mine, audited; 404 for another enterprise, 403 for a reader", async () => {
    const r = await auditedWrite(t.app, t.ctx.store, {
      method: "PATCH",
      url: `/api/mines/${mineA}`,
      payload: { stage: "reclamation" },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().stage).toBe("reclamation");
    const g = await auditedWrite(t.app, t.ctx.store, {
      method: "PATCH",
      url: `/api/mines/${mineA}`,
      headers: regulator,
      payload: { nameZh: "甲矿" },
    });
    expect(g.json()).toMatchObject({ nameZh: "甲矿", stage: "reclamation" });
    const b = await auditedWrite(t.app, t.ctx.store, {
      method: "PATCH",
      url: `/api/mines/${mineB}`,
      payload: { stage: "production" },
    });
    expect(b.statusCode).toBe(404);
    expect(b.body).not.toContain("Mine B");
    // The owner and region are not changed here.
    const owner = await auditedWrite(t.app, t.ctx.store, {
      method: "PATCH",
      url: `/api/mines/${mineA}`,
      payload: { organisationId: t.directory.enterpriseB },
    });
    expect(owner.statusCode).toBe(400);
  });

  it("shows a verifier the mines of the areas it is assigned to, read-only, and each mine's areas", async () => {
    const areaId = await createArea(t.app, "Area holding mine A");
    await asSystem(() => t.ctx.areas.addMine(areaId, mineA));
    const assign = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: `/api/areas/${areaId}/verifiers`,
      payload: { organisationId: t.directory.verifier },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json().verifierOrganisationIds).toEqual([t.directory.verifier]);
    expect(ids(await t.app.inject({ url: "/api/mines", headers: verifier }))).toEqual([mineA]);
    expect((await t.app.inject({ url: `/api/mines/${mineA}`, headers: verifier })).statusCode).toBe(200);
    const p = await auditedWrite(t.app, t.ctx.store, {
      method: "PATCH",
      url: `/api/mines/${mineA}`,
      headers: verifier,
      payload: { stage: "production" },
    });
    expect(p.statusCode).toBe(403);
    const areas = await t.app.inject({ url: `/api/mines/${mineA}/areas`, headers: verifier });
    expect(areas.json().map((a: { id: string }) => a.id)).toEqual([areaId]);
    expect((await t.app.inject({ url: `/api/mines/${mineA}/areas`, headers: editorB })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/mines/${mineA}/areas`, headers: regulator })).json(),
    ).toHaveLength(1);
  });

  it("leaves an audit trail that verifies", async () => {
    const report = await asSystem(() => verifyAuditChain(t.ctx.store.db));
    expect(report.ok, JSON.stringify(report.firstBroken)).toBe(true);
    expect(report.events).toBeGreaterThanOrEqual(4);
  });
});
