import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/app/auth/passwords.ts";
import { APP_PAGES } from "../../src/server/routes/web-routes.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";
import { TEST_PASSWORD } from "./test-directory.ts";

describe("what a visitor sees before signing in", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("says whether the server runs the demo, naming its accounts and never a password", async () => {
    const none = await t.app.inject({ url: "/api/public/info", headers: ANONYMOUS });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ demo: null });
    await t.ctx.users.add({
      username: "demo-verifier",
      organisationId: t.directory.verifier,
      roles: ["verifier"],
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    const demo = await t.app.inject({ url: "/api/public/info", headers: ANONYMOUS });
    expect(demo.json()).toEqual({ demo: { accounts: ["demo-verifier"] } });
    expect(demo.body).not.toContain(TEST_PASSWORD);
  });

  it("answers every page of the web app with the app, so that a reload or a bookmark works", async () => {
    for (const page of APP_PAGES) {
      const url = page.replace("*", "1/overview");
      const r = await t.app.inject({ url, headers: ANONYMOUS });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["content-type"], url).toMatch(/text\/html/);
    }
  }, 120_000);
});
