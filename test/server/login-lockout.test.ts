import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshAddress } from "./actors.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";

describe("the per-account login limit holds under concurrency", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("checks at most 5 passwords of one account however many are sent at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: ANONYMOUS,
          remoteAddress: freshAddress(),
          payload: { username: "editor-a", password: "Wrong-Password-42" },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  }, 120_000);
});
