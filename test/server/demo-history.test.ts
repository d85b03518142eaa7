import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAG_KINDS } from "../../src/domain/manage/supervision.ts";
import { serve } from "../../src/server/serve.ts";
import { freshDatabase, STORE_KINDS } from "../storage/stores.ts";

const PASSWORD = "Demo-History-Test-42";

/*
 * The demo province's three years of management history (issue 13), made at start by the demo's
 * accounts through the API: targets for each mine, plots under control rules (one broken by the
 * latest map, one reclamation overdue), reports in every state (draft, returned with comments,
 * approved, published), flags of each kind, an open rectification and a ranking. On PostgreSQL the
 * server runs as the application role, so every step also passed row-level security.
 */
for (const kind of STORE_KINDS)
  describe(`the demo's management history (${kind})`, () => {
    let s: Awaited<ReturnType<typeof serve>>;
    let dir: string;
    let drop = async () => {};
    const warnings: string[] = [];
    let cookie = "";
    let base = "";
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers checked field by field below
    const get = async (url: string): Promise<any> => {
      const r = await fetch(`${base}${url}`, { headers: { cookie } });
      expect(r.status, `${url}: ${await r.clone().text()}`).toBe(200);
      return r.json();
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "mc-demo-history-"));
      const database = kind === "postgres" ? await freshDatabase() : null;
      if (database) drop = database.drop;
      s = await serve({
        port: 0,
        dataDir: join(dir, "data"),
        ...(database ? { databaseUrl: database.appUrl, migrationUrl: database.ownerUrl } : {}),
        demo: true,
        demoPassword: PASSWORD,
        warn: (w) => warnings.push(w),
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
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }, 120_000);

    it("completes without a warning", () => {
      expect(warnings.filter((w) => !w.startsWith("DEMO data loaded"))).toEqual([]);
    });

    it("has every 2023 and 2024 report published, and 2025's in each state", async () => {
      for (const year of [2023, 2024]) {
        const list = (await get(`/api/annual-reports?year=${year}`)) as { state: string }[];
        expect(list.map((r) => r.state)).toEqual(["published", "published", "published", "published"]);
      }
      const o = await get("/api/management/overview?year=2025");
      expect(o.figures.reportsByState).toEqual({ published: 1, draft: 1, returned: 1, approved: 1 });
      const returned = o.mines.find((m: { report: { state: string } }) => m.report.state === "returned");
      const report = await get(`/api/annual-reports/${returned.report.id}`);
      const back = report.events.find((e: { type: string }) => e.type === "return");
      expect(back.body.fieldComments.map((c: { path: string }) => c.path)).toContain(
        "inventory.years[0].coalOutputT",
      );
    });

    it("raises a flag of each kind, the broken rule and the overdue reclamation on the maps' plots", async () => {
      const flags = (await get("/api/flags")) as { kind: string; subject: { kind: string } }[];
      expect([...new Set(flags.map((f) => f.kind))].sort()).toEqual([...FLAG_KINDS].sort());
      for (const k of ["control-rule-broken", "reclamation-overdue"])
        expect(flags.find((f) => f.kind === k)?.subject.kind).toBe("plot");
    });

    it("has an open rectification notice, targets for each mine and a ranking", async () => {
      const notices = (await get("/api/notices")) as { state: string }[];
      expect(notices.map((n) => n.state)).toEqual(["open"]);
      const o = await get("/api/management/overview?year=2025");
      for (const m of o.mines as { id: string }[])
        expect(((await get(`/api/mines/${m.id}/targets`)) as unknown[]).length).toBeGreaterThanOrEqual(3);
      const e = await get("/api/evaluation?year=2025");
      expect(
        e.ranking.filter((r: { score: number | null }) => r.score !== null).length,
      ).toBeGreaterThanOrEqual(2);
    });

    it("gives each mine one timeline of its targets, plots, reports, flags and notices", async () => {
      const notice = ((await get("/api/notices")) as { mineId: string }[])[0]!;
      const events = (await get(`/api/audit/resource/mine/${notice.mineId}?limit=500`)).events as {
        resource: { kind: string };
      }[];
      const kinds = new Set(events.map((e) => e.resource.kind));
      // (Flags raised by a run are events of the run; a flag has its own once dismissed or resolved.)
      for (const k of ["target", "annual-report", "notice"]) expect(kinds, k).toContain(k);
      // Only this mine's: no event of another mine's notice or report slips in.
      const other = ((await get("/api/management/overview?year=2025")).mines as { id: string }[]).find(
        (m) => m.id !== notice.mineId,
      )!;
      const otherReports = (await get(`/api/annual-reports?mineId=${other.id}`)) as { id: string }[];
      expect(otherReports.length).toBeGreaterThan(0);
      const ids = new Set(events.map((e) => `${e.resource.kind} ${(e.resource as { id?: string }).id}`));
      for (const r of otherReports) expect(ids.has(`annual-report ${r.id}`)).toBe(false);
    });

    it("shows the public the published reports", async () => {
      const pub = (await (await fetch(`${base}/api/public/annual-reports`)).json()) as unknown[];
      expect(pub.length).toBe(9);
      // A visitor's feedback with its point, answered in public by the regulator.
      const feedback = (await (await fetch(`${base}/api/public/feedback`)).json()) as {
        category: string;
        point: { lon: number; lat: number } | null;
        reply: string | null;
        status: string;
      }[];
      expect(feedback).toHaveLength(1);
      expect(feedback[0]).toMatchObject({ category: "land-use", status: "in-progress" });
      expect(feedback[0]!.reply).toMatch(/rectification notice/);
      expect(feedback[0]!.point).not.toBeNull();
    });
  });
