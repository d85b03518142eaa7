import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./actors.ts";
import { testApp } from "./test-app.ts";

describe("a password an administrator set must be changed first", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let cookie: string;
  beforeAll(async () => {
    t = await testApp("pglite");
    await t.ctx.store.db
      .updateTable("users")
      .set({ must_change_password: true })
      .where("username", "=", "editor-b")
      .execute();
    ({ cookie } = await signIn(t.app, "editor-b"));
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("lets the session say who it is and nothing else until then", async () => {
    const me = await t.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    const areas = await t.app.inject({ url: "/api/areas", headers: { cookie } });
    expect(areas.statusCode).toBe(403);
    expect(areas.json().error.message).toMatch(/change the password/);
  });
});
