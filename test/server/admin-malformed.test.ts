import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditedWrite, signIn } from "./actors.ts";
import { CLIENT, createArea, testApp } from "./test-app.ts";

/**
 * Malformed requests to the mines, administration, audit and public routes: each is refused with a
 * 4xx naming the field (never a 500), and leaves no audit event.
 */
describe("malformed requests to the administration routes", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: { cookie: string; origin: string };
  let regulator: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp("pglite");
    admin = await signIn(t.app, "admin");
    regulator = await signIn(t.app, "regulator");
    // Mine 1 and area 1 are enterprise A's, so that the checks of their bodies are reached.
    const m = await t.ctx.mines.add({
      organisationId: t.directory.enterpriseA,
      regionCode: "140603",
      name: "Mine A",
      stage: "production",
    });
    expect(m.id).toBe("1");
    expect(await createArea(t.app, "Area A")).toBe("1");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const long = "x".repeat(100_000);
  const cases: [string, string, "admin" | "regulator" | "token", unknown][] = [
    [
      "POST",
      "/api/mines",
      "regulator",
      { organisationId: "1", regionCode: "1406031", name: "m", stage: "production" },
    ],
    [
      "POST",
      "/api/mines",
      "regulator",
      { organisationId: "abc", regionCode: "140603", name: long, stage: "mined-out" },
    ],
    [
      "POST",
      "/api/mines",
      "regulator",
      { organisationId: "1", regionCode: "140603", name: "a\u0000b", stage: "production" },
    ],
    ["POST", "/api/mines", "regulator", []],
    [
      "PATCH",
      "/api/mines/1",
      "token",
      {
        productionArea: {
          type: "Polygon",
          coordinates: [
            [
              [0, 0],
              [Number.MAX_VALUE, 0],
            ],
          ],
        },
      },
    ],
    ["PATCH", "/api/mines/1", "token", { livingArea: "not geojson" }],
    ["POST", "/api/regions", "admin", { code: "000000", name: "" }],
    ["POST", "/api/organisations", "admin", { kind: "department", name: "D", regionCode: "140000" }],
    [
      "POST",
      "/api/organisations",
      "admin",
      { kind: "bank", name: "D", regionCode: "140000", parentId: "-1" },
    ],
    ["PATCH", "/api/organisations/1", "admin", { disabled: "yes" }],
    ["POST", "/api/users", "admin", { username: "UPPER CASE", organisationId: "1", roles: [], password: "" }],
    [
      "POST",
      "/api/users",
      "admin",
      { username: "abc", organisationId: "999999999999999999999", roles: ["public"], password: long },
    ],
    ["PATCH", "/api/users/1", "admin", { roles: ["king"] }],
    ["POST", "/api/users/1/reset-password", "admin", { password: 42 }],
    ["POST", "/api/me/password", "admin", { current: null, new: long }],
    [
      "POST",
      "/api/tokens",
      "token",
      { name: "t", roles: ["enterprise-editor"], actions: ["fly"], expiresAt: "tomorrow" },
    ],
    [
      "POST",
      "/api/tokens",
      "token",
      { name: "t", roles: ["enterprise-editor"], actions: ["area.read"], expiresAt: "2001-01-01T00:00:00Z" },
    ],
    ["POST", "/api/areas/1/publish", "token", { published: "true" }],
    ["POST", "/api/areas/1/transfer", "admin", { organisationId: "1", regionCode: "14" }],
    ["POST", "/api/areas/1/verifiers", "token", {}],
    ["POST", "/api/public/feedback", "token", { message: 42, areaId: "1; drop table feedback" }],
  ];

  it.each(cases)(
    "%s %s (%s) is refused with a 4xx naming the problem, unaudited",
    async (method, url, who, payload) => {
      const headers = who === "admin" ? admin : who === "regulator" ? regulator : {};
      const r = await auditedWrite(t.app, t.ctx.store, {
        method: method as "POST",
        url,
        headers,
        payload: payload as object,
      });
      expect(r.statusCode, r.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
      expect(r.body).not.toContain(long);
      // Refused for what the body says, not because the record was not found.
      expect(r.statusCode, r.body.slice(0, 300)).not.toBe(404);
    },
  );

  it.each([
    "/api/audit?limit=0",
    "/api/audit?limit=1001",
    "/api/audit?cursor=-1",
    "/api/audit?action=area.fly",
    "/api/audit?resourceKind=planet",
    "/api/audit?until=2026-13-01",
    "/api/audit/resource/planet/1",
    "/api/feedback?limit=100000",
    "/api/feedback?before=abc",
  ])("GET %s is refused with 400", async (url) => {
    const r = await t.app.inject({ url, headers: admin });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.code).toBe("bad-input");
  });

  it("answers 404 for ids of no record, whatever their form", async () => {
    for (const url of ["/api/tokens/abc", "/api/tokens/99999999999999999999", "/api/sessions/xyz"])
      expect(
        (await t.app.inject({ method: "DELETE", url, headers: { ...admin, ...CLIENT } })).statusCode,
        url,
      ).toBe(404);
    for (const url of ["/api/mines/-1", "/api/mines/1e3/areas"])
      expect((await t.app.inject({ url, headers: admin })).statusCode, url).toBe(404);
  });
});
