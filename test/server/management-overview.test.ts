import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { signIn } from "./actors.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";

/*
 * The management overview (issue 13): each actor sees the mines it may read with the status the
 * domain gives them, the key figures add up to those mines, and the queue holds exactly the reports
 * the actor may act on now. The records are written as the system (their own routes are tested in
 * their own files); the year is 2024, whose reports were due by 31 March 2025 — long past.
 */
const BOX = (w: number, s: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [w + 0.1, s],
      [w + 0.1, s + 0.05],
      [w, s],
    ],
  ],
});

describe.each(STORE_KINDS)("the management overview on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const mines = {} as Record<"late" | "flagged" | "notice" | "review" | "done" | "b" | "nm", string>;
  let reviewReport = "";
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    await asSystem(async () => {
      await t.ctx.regions.add({ code: "150602", name: "Dongsheng" });
      const add = (organisationId: string, regionCode: string, name: string, w: number) =>
        t.ctx.mines
          .add({ organisationId, regionCode, name, stage: "production", miningRightBoundary: BOX(w, 39.4) })
          .then((m) => m.id);
      mines.late = await add(d.enterpriseA, "140603", "A late", 112.1);
      mines.flagged = await add(d.enterpriseA, "140603", "A flagged", 112.2);
      mines.notice = await add(d.enterpriseA, "140603", "A notice", 112.3);
      mines.review = await add(d.enterpriseA, "140603", "A in review", 112.4);
      mines.done = await add(d.enterpriseA, "140603", "A published", 112.5);
      mines.b = await add(d.enterpriseB, "140603", "B late", 112.6);
      const db = t.ctx.store.db;
      const report = (mine: string, state: string, org = d.enterpriseA, region = "140603") =>
        db
          .insertInto("annual_reports")
          .values({
            mine_id: mine,
            year: 2024,
            organisation_id: org,
            region_code: region,
            state: state as "draft",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
          .then((r) => String(r.id));
      await report(mines.late, "draft");
      reviewReport = await report(mines.review, "submitted");
      await report(mines.done, "published");
      await db
        .insertInto("flags")
        .values({
          mine_id: mines.flagged,
          kind: "control-rule-broken",
          year: 2024,
          key: "control-rule-broken:2024:plot:1",
          subject_kind: "plot",
          subject_id: "1",
          evidence: "2.0 ha of cropland became mining land between the 2023 and 2024 maps",
          numbers: JSON.stringify({ areaHa: 2 }),
        })
        .execute();
      await db
        .insertInto("notices")
        .values({
          mine_id: mines.notice,
          issued_by_organisation_id: d.shanxi,
          text: "Reclaim plot 3 to forest",
          deadline: "2025-06-30",
        })
        .execute();
    });
    for (const u of ["regulator", "regulator-nm", "editor-b", "verifier", "admin"])
      as[u] = await signIn(t.app, u);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const overview = async (headers: Record<string, string> = {}) => {
    const r = await t.app.inject({ url: "/api/management/overview?year=2024", headers });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it("gives the regulator its jurisdiction's mines, each with the status the domain gives it", async () => {
    const o = await overview(as.regulator);
    const status = Object.fromEntries(o.mines.map((m: { id: string; status: string }) => [m.id, m.status]));
    expect(status).toEqual({
      [mines.late]: "report-overdue",
      [mines.flagged]: "flagged",
      // The notice's deadline (30 June 2025) has passed.
      [mines.notice]: "rectification-overdue",
      [mines.review]: "in-progress",
      [mines.done]: "in-order",
      [mines.b]: "report-overdue",
    });
    expect(o.figures.mines).toBe(6);
    expect(Object.values(o.figures.byStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(6);
    expect(o.figures.reportsByState).toEqual({ draft: 1, submitted: 1, published: 1, none: 3 });
    expect(o.figures.flagsByKind).toEqual({ "control-rule-broken": 1 });
    expect(o.figures.rectificationOverdueMines).toBe(1);
    expect(o.figures.feedbackAwaiting).toBe(0);
    expect(o.reportDue).toBe("2025-03-31T15:59:59.000Z");
    const late = o.mines.find((m: { id: string }) => m.id === mines.late);
    expect(late.bbox.map((x: number) => Number(x.toFixed(9)))).toEqual([112.1, 39.4, 112.2, 39.45]);
    // The submitted report waits for the regulator to send it to verification.
    expect(o.queue.map((q: { id: string; events: string[] }) => [q.id, q.events])).toEqual([
      [reviewReport, ["send-to-verification"]],
    ]);
  });

  it("gives an enterprise only its own mines, and its drafts in its queue", async () => {
    const a = await overview(); // enterprise A's editor (an API token with editor and submitter actions)
    expect(a.mines.map((m: { id: string }) => m.id).sort()).toEqual(
      [mines.late, mines.flagged, mines.notice, mines.review, mines.done].sort(),
    );
    expect(a.queue.map((q: { state: string; events: string[] }) => [q.state, q.events])).toEqual([
      ["draft", ["submit"]],
    ]);
    expect(a.figures.feedbackAwaiting).toBeNull();
    const b = await overview(as["editor-b"]);
    expect(b.mines.map((m: { id: string }) => m.id)).toEqual([mines.b]);
    expect(b.queue).toEqual([]);
  });

  it("gives another province's regulator and an unassigned verifier nothing of these mines", async () => {
    expect((await overview(as["regulator-nm"])).mines).toEqual([]);
    const v = await overview(as.verifier);
    expect(v.mines).toEqual([]);
    expect(v.queue).toEqual([]);
  });

  it("lets the administrator read every mine and act on no report", async () => {
    const o = await overview(as.admin);
    expect(o.figures.mines).toBe(6);
    expect(o.queue).toEqual([]);
  });

  it("refuses the public (401) and an impossible year (400 naming it)", async () => {
    expect((await t.app.inject({ url: "/api/management/overview", headers: ANONYMOUS })).statusCode).toBe(
      401,
    );
    const r = await t.app.inject({ url: "/api/management/overview?year=1200" });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain("year");
  });

  it("keeps the regulator's queue whole however many drafts it may read but not act on", async () => {
    // 1,110 drafts of enterprise A, all older than the submitted report: more than the queue reads.
    await asSystem(async () => {
      const db = t.ctx.store.db;
      const extra = [];
      for (let i = 0; i < 10; i++)
        extra.push(
          (
            await t.ctx.mines.add({
              organisationId: t.directory.enterpriseA,
              regionCode: "140603",
              name: `A old ${i}`,
              stage: "production",
            })
          ).id,
        );
      const rows = extra.flatMap((mine) =>
        Array.from({ length: 111 }, (_, k) => ({
          mine_id: mine,
          year: 1990 + k,
          organisation_id: t.directory.enterpriseA,
          region_code: "140603",
          updated_at: new Date(Date.UTC(2000, 0, 1)),
        })),
      );
      for (let i = 0; i < rows.length; i += 300)
        await db
          .insertInto("annual_reports")
          .values(rows.slice(i, i + 300))
          .execute();
    });
    const o = await overview(as.regulator);
    expect(o.queue.map((q: { id: string }) => q.id)).toEqual([reviewReport]);
    const a = await overview(); // the enterprise's queue is cut at 200, its oldest drafts first
    expect(a.queue).toHaveLength(200);
  });
});
