import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./actors.ts";
import { testApp } from "./test-app.ts";

describe("an administrator's duties stay separate", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp("pglite");
    admin = await signIn(t.app, "admin");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("gives itself no role", async () => {
    const r = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${t.directory.admin}`,
      headers: admin,
      payload: { roles: ["administrator", "regulator"] },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details[0]).toMatchObject({ path: "roles" });
  });

  it("cannot let a user keep a password it chose", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "new-editor",
        organisationId: t.directory.enterpriseA,
        roles: ["enterprise-editor"],
        password: "Chosen-By-Admin-42",
        mustChangePassword: false,
      },
    });
    expect(r.statusCode, r.body).toBe(400);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "new-editor",
        organisationId: t.directory.enterpriseA,
        roles: ["enterprise-editor"],
        password: "Chosen-By-Admin-42",
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mustChangePassword).toBe(true);
  });
});
