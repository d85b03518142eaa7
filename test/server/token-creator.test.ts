import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

describe("an API token acts for the user who made it", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("makes no tokens itself (a leaked one could outlive its own revocation)", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "child", roles: ["enterprise-editor"], actions: ["area.read"] },
    });
    expect(r.statusCode, r.body).toBe(403);
    expect(r.json().error.message).toMatch(/API token cannot create tokens/);
  });

  it("loses the roles taken from its creator, and stops when the creator is disabled", async () => {
    expect((await t.app.inject({ url: "/api/areas" })).statusCode).toBe(200);
    await t.ctx.users.setRoles(t.directory.editorA, ["enterprise-submitter"]);
    const create = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "after demotion", legend: { preset: "seed001" } },
    });
    expect(create.statusCode, create.body).toBe(403);
    await t.ctx.users.setDisabled(t.directory.editorA, true);
    expect((await t.app.inject({ url: "/api/areas" })).statusCode).toBe(401);
  });
});
