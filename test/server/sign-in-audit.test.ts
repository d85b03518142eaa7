import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../src/storage/audit-log.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { signIn, SAME_ORIGIN } from "./actors.ts";
import { ANONYMOUS, CLIENT, testApp } from "./test-app.ts";

describe("signing in and out is in the audit trail", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("records a sign-in, a refused one with the name as typed, and a sign-out", async () => {
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: ANONYMOUS,
      payload: { username: "editor-b\u0007", password: "wrong-password-1A" },
    });
    expect(refused.statusCode).toBe(401);
    const session = await signIn(t.app, "editor-b");
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...session, ...SAME_ORIGIN, ...CLIENT },
    });
    expect(out.statusCode, out.body).toBe(204);
    const events = (
      await listAuditEvents(t.ctx.store.db, SYSTEM_SCOPE, { order: "oldest-first" })
    ).events.filter((e) => e.action.startsWith("auth."));
    expect(events.map((e) => [e.action, e.outcome, e.who.username])).toEqual([
      ["auth.login-failed", "refused", "editor-b?"],
      ["auth.login", "done", "editor-b"],
      ["auth.logout", "done", "editor-b"],
    ]);
    expect(events[1]!.resource).toMatchObject({ kind: "user", id: t.directory.editorB });
  });
});
