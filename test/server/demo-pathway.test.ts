import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../../src/server/serve.ts";

const PASSWORD = "Demo-Pathway-Test-42";

/*
 * The demo's pathway plans (issue 13, seed 002's evaluate-and-adjust): the enterprises store the
 * Yongning measures for the mines whose 2025 report is approved or published, so that those
 * reports' adjustment reviews 2025 against a plan; the others say what is missing. PGlite only:
 * test/server/demo-history.test.ts runs the same demo on PostgreSQL.
 */
describe("the demo's pathway plans and 2025's review", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  let dir: string;
  let cookie = "";
  let base = "";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers checked field by field below
  const get = async (url: string): Promise<any> => {
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    expect(r.status, `${url}: ${await r.clone().text()}`).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mc-demo-pathway-"));
    s = await serve({
      port: 0,
      dataDir: join(dir, "data"),
      demo: true,
      demoPassword: PASSWORD,
      warn: () => {},
    });
    await s.demoHistory;
    base = s.url.replace("localhost", "127.0.0.1");
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ username: "demo-regulator", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  }, 600_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("reviews the approved and the published 2025 report against the mine's plan", async () => {
    const list = (await get("/api/annual-reports?year=2025")) as {
      id: string;
      state: string;
      mine: { id: string };
    }[];
    const done = list.filter((r) => r.state === "approved" || r.state === "published");
    expect(done).toHaveLength(2);
    for (const r of done) {
      const plan = await get(`/api/mines/${r.mine.id}/pathway`);
      expect(plan.scenario.name).toContain("seed 002 measures (DEMO)");
      const adj = await get(`/api/annual-reports/${r.id}/adjustment`);
      expect(adj.missing).toEqual([]);
      expect(adj.review).toMatchObject({ year: 2025, targetYear: 2060 });
      expect(adj.review.parts).toHaveLength(6);
    }
  });
});
