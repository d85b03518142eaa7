import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawSample } from "../../src/app/manage/spot-check-draw.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, signIn } from "./actors.ts";
import { testApp } from "./test-app.ts";

/**
 * Supervision, notices, spot checks, the inbox and evaluation through the API, on a hand-worked
 * mine: plot 1's cropland became mining land (2 ha, against "no conversion of cropland"), plot 2's
 * stayed cropland; no report of 2024 was submitted (due 31 March 2025, China Standard Time).
 */
describe.each(STORE_KINDS)("supervision on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let mineA: string;
  let mineB: string;
  let plotBroken: string;
  let regulator: { cookie: string; origin: string };
  let otherRegulator: { cookie: string; origin: string };
  let editorB: { cookie: string; origin: string };
  let editorA: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    const db = t.ctx.db;
    await asSystem(async () => {
      mineA = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Mine A",
          stage: "production",
        })
      ).id;
      mineB = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseB,
          regionCode: "140603",
          name: "Mine B",
          stage: "production",
        })
      ).id;
      const rule = await db
        .insertInto("control_rules")
        .values({
          organisation_id: d.shanxi,
          region_code: "140000",
          name: "no cropland to mining",
          rule: JSON.stringify({
            kind: "no-conversion",
            fromRoles: ["cropland"],
            toRoles: ["mining", "construction"],
            toleranceHa: 0.1,
          }),
          basis: "test",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const square = {
        type: "Polygon",
        coordinates: [
          [
            [112.3, 39.4],
            [112.31, 39.4],
            [112.31, 39.41],
            [112.3, 39.4],
          ],
        ],
      };
      const plot = async (name: string, transitionsHa: unknown[], roleAreaHa: Record<string, number>) =>
        String(
          (
            await db
              .insertInto("plots")
              .values({
                mine_id: mineA,
                name,
                geometry: JSON.stringify(square),
                area_ha: 10,
                stage: "mining",
                rule_id: String(rule.id),
                observed: JSON.stringify({ fromYear: 2020, toYear: 2024, roleAreaHa, transitionsHa }),
              })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id,
        );
      plotBroken = await plot(
        "P1",
        [
          { fromRole: "cropland", toRole: "mining", areaHa: 2 },
          { fromRole: "cropland", toRole: "cropland", areaHa: 8 },
        ],
        { cropland: 8, mining: 2 },
      );
      await plot("P2", [{ fromRole: "cropland", toRole: "cropland", areaHa: 10 }], { cropland: 10 });
    });
    regulator = await signIn(t.app, "regulator");
    otherRegulator = await signIn(t.app, "regulator-nm");
    editorB = await signIn(t.app, "editor-b");
    editorA = await signIn(t.app, "editor-a");
  }, 300_000);
  afterAll(async () => t.close(), 120_000);

  const run = (headers: Record<string, string>, year = 2024) =>
    auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/supervision/run",
      payload: { year },
      headers,
    });
  const flags = async (headers: Record<string, string>, q = "") =>
    (await t.app.inject({ url: `/api/flags${q}`, headers })).json() as {
      id: string;
      kind: string;
      mineId: string;
      subject: { id: string };
      status: string;
    }[];

  it("flags the plot whose land use broke its rule, not the one that kept it, and the overdue report; twice gives one flag", async () => {
    const first = await run(regulator);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ year: 2024, mines: 2, reportDue: "03-31" });
    const raised = await flags(regulator, `?mineId=${mineA}`);
    const broken = raised.filter((f) => f.kind === "control-rule-broken");
    expect(broken.map((f) => f.subject.id)).toEqual([plotBroken]);
    expect(raised.filter((f) => f.kind === "report-overdue")).toHaveLength(1);
    const again = await run(regulator);
    expect(again.json().created).toEqual([]);
    expect(await flags(regulator, `?mineId=${mineA}`)).toHaveLength(raised.length);
    // Not yet due: 2026's report is due on 31 March 2027.
    await run(regulator, 2026);
    expect((await flags(regulator, "?year=2026&kind=report-overdue")).length).toBe(0);
  });

  it("runs only for a regulator, over its own jurisdiction", async () => {
    expect((await run({})).statusCode).toBe(403); // enterprise A's token
    expect((await run(editorB)).statusCode).toBe(403);
    const nm = await run(otherRegulator);
    expect(nm.statusCode).toBe(200);
    expect(nm.json().mines).toBe(0);
    expect(await flags(otherRegulator)).toEqual([]);
    expect((await flags(editorB)).every((f) => f.mineId === mineB)).toBe(true);
    const outside = await t.app.inject({
      method: "POST",
      url: "/api/supervision/run",
      payload: { year: 2024, regionCode: "150000" },
      headers: regulator,
    });
    expect(outside.statusCode).toBe(403);
  });

  it("dismisses a flag only with a reason", async () => {
    const f = (await flags(regulator, `?mineId=${mineB}&kind=report-overdue`))[0]!;
    const noReason = await t.app.inject({
      method: "POST",
      url: `/api/flags/${f.id}/dismiss`,
      payload: { reason: " " },
      headers: regulator,
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/flags/${f.id}/dismiss`,
          payload: { reason: "x" },
          headers: editorB,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: `/api/flags/${f.id}/dismiss`,
      payload: { reason: "report sent on paper" },
      headers: regulator,
    });
    expect(ok.json()).toMatchObject({ status: "dismissed", statusReason: "report sent on paper" });
    await run(regulator);
    expect((await t.app.inject({ url: `/api/flags/${f.id}`, headers: regulator })).json().status).toBe(
      "dismissed",
    );
  });

  it("takes a notice through its states: issue, respond, escalate, respond, close; a closed notice takes no step", async () => {
    const f = (await flags(regulator, `?mineId=${mineA}&kind=control-rule-broken`))[0]!;
    const issued = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: `/api/mines/${mineA}/notices`,
      payload: { text: "restore the cropland", deadline: "2099-06-30", flagId: f.id },
      headers: regulator,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const n = issued.json();
    expect(n).toMatchObject({
      state: "open",
      deadline: "2099-06-30",
      flagId: f.id,
      events: [{ seq: 1, type: "issue" }],
    });
    expect((await t.app.inject({ url: `/api/flags/${f.id}`, headers: regulator })).json().status).toBe(
      "notice-issued",
    );
    // Enterprise A's editor is told.
    const inbox = (await t.app.inject({ url: "/api/inbox", headers: editorA })).json();
    expect(inbox.items.some((m: { subject: { id: string } }) => m.subject.id === n.id)).toBe(true);
    const step = (s: string, headers: Record<string, string>, payload: object = { text: `${s} text` }) =>
      t.app.inject({ method: "POST", url: `/api/notices/${n.id}/${s}`, payload, headers });
    expect((await step("respond", regulator)).statusCode).toBe(403);
    expect((await step("close", {})).statusCode).toBe(403);
    expect((await step("respond", editorB)).statusCode).toBe(404);
    const sha = "a".repeat(64);
    const r1 = await step(
      "respond",
      {},
      { text: "replanted", evidence: [{ name: "photo.jpg", bytes: 1000, sha256: sha }] },
    );
    expect(r1.json()).toMatchObject({ state: "responded" });
    // The issuing department's regulator is told of the response.
    const regInbox = (await t.app.inject({ url: "/api/inbox?unread=true", headers: regulator })).json();
    expect(regInbox.items.some((m: { text: { key: string } }) => m.text.key === "inbox.notice-state")).toBe(
      true,
    );
    expect((await step("escalate", regulator)).json()).toMatchObject({ state: "escalated" });
    expect((await step("escalate", regulator)).statusCode).toBe(409);
    expect((await step("respond", editorA)).json()).toMatchObject({ state: "responded" });
    const closed = (await step("close", regulator)).json();
    expect(closed.state).toBe("closed");
    expect(closed.events.map((e: { type: string }) => e.type)).toEqual([
      "issue",
      "respond",
      "escalate",
      "respond",
      "close",
    ]);
    expect(closed.events[1].evidence).toEqual([{ name: "photo.jpg", bytes: 1000, sha256: sha }]);
    expect((await t.app.inject({ url: `/api/flags/${f.id}`, headers: regulator })).json().status).toBe(
      "resolved",
    );
    for (const s of ["respond", "close", "escalate"])
      expect((await step(s, s === "respond" ? editorA : regulator)).statusCode).toBe(409);
    expect(
      (await t.app.inject({ url: `/api/notices?mineId=${mineA}&state=closed`, headers: editorA })).json(),
    ).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/notices/${n.id}`, headers: otherRegulator })).statusCode).toBe(
      404,
    );
    // A resolved flag the rules raise again is open once more.
    const again = await run(regulator);
    expect(again.json().reopened).toEqual([f.id]);
  });

  it("sends a notice's deadline reminder once", async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const n = (
      await t.app.inject({
        method: "POST",
        url: `/api/mines/${mineB}/notices`,
        payload: { text: "send the report", deadline: soon },
        headers: regulator,
      })
    ).json();
    expect((await run(regulator)).json().reminders).toBe(1);
    await run(regulator);
    const mine = (await t.app.inject({ url: "/api/inbox", headers: editorB })).json();
    expect(
      mine.items.filter(
        (m: { kind: string; subject: { id: string } }) => m.kind === "deadline" && m.subject.id === n.id,
      ),
    ).toHaveLength(1);
  });

  it("draws a spot check anyone can redraw from its seed and population, and records results of drawn mines only", async () => {
    const r = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/spot-checks",
      payload: { year: 2024, sampleSize: 1, seed: "2025 annual check" },
      headers: regulator,
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c.population).toEqual([mineA, mineB]);
    expect(drawSample(c.population, 1, c.seed)).toEqual(c.drawn);
    const notDrawn = c.drawn[0] === mineA ? mineB : mineA;
    const put = (mineId: string, headers: Record<string, string> = regulator) =>
      t.app.inject({
        method: "PUT",
        url: `/api/spot-checks/${c.id}/results/${mineId}`,
        payload: { outcome: "minor-issues", finding: "fence missing" },
        headers,
      });
    expect((await put(notDrawn)).statusCode).toBe(404);
    expect((await put(c.drawn[0], otherRegulator)).statusCode).toBe(404);
    const ok = await put(c.drawn[0]);
    expect(ok.json().results).toMatchObject([{ mineId: c.drawn[0], outcome: "minor-issues" }]);
    expect((await t.app.inject({ url: "/api/spot-checks", headers: otherRegulator })).json()).toEqual([]);
    expect((await t.app.inject({ url: `/api/spot-checks/${c.id}`, headers: regulator })).json().id).toBe(
      c.id,
    );
    const share = await t.app.inject({
      method: "POST",
      url: "/api/spot-checks",
      payload: { year: 2024, sampleShare: 0.5 },
      headers: regulator,
    });
    expect(share.json().drawn).toHaveLength(1);
    const both = await t.app.inject({
      method: "POST",
      url: "/api/spot-checks",
      payload: { year: 2024, sampleShare: 0.5, sampleSize: 1 },
      headers: regulator,
    });
    expect(both.statusCode).toBe(400);
  });

  it("keeps each user's inbox their own; a token has none", async () => {
    expect((await t.app.inject({ url: "/api/inbox" })).statusCode).toBe(403);
    const mine = (await t.app.inject({ url: "/api/inbox", headers: editorB })).json();
    expect(mine.unread).toBeGreaterThan(0);
    const marked = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: "/api/inbox/read",
      payload: {},
      headers: editorB,
    });
    expect(marked.json().marked).toBe(mine.unread);
    expect((await t.app.inject({ url: "/api/inbox", headers: editorB })).json().unread).toBe(0);
    expect((await t.app.inject({ url: "/api/inbox", headers: regulator })).json().unread).toBeGreaterThan(0);
  });

  it("evaluates a mine without approved reports as not judged, naming the weights", async () => {
    const e = await t.app.inject({ url: `/api/mines/${mineA}/evaluation?year=2024`, headers: regulator });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({ evaluation: { score: null }, weights: { status: "assumed" } });
    expect(
      (await t.app.inject({ url: `/api/mines/${mineA}/evaluation?year=2024`, headers: editorB })).statusCode,
    ).toBe(404);
    const rank = await t.app.inject({ url: "/api/evaluation?year=2024", headers: regulator });
    expect(rank.json().ranking.map((r: { rank: number }) => r.rank)).toEqual([0, 0]);
    expect((await t.app.inject({ url: "/api/evaluation?year=2024" })).statusCode).toBe(403);
  });
});
