import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { reportContent } from "../fixtures/annual-report/content.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { freshAddress, signIn } from "./actors.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";

const BOUNDARY = {
  type: "Polygon",
  coordinates: [
    [
      [112.3, 39.4],
      [112.4, 39.4],
      [112.4, 39.5],
      [112.3, 39.5],
      [112.3, 39.4],
    ],
  ],
};
const CONTACT = "neighbour@example.org";

/**
 * The public portal's mines: a mine with published reports is public (its summary: boundary,
 * published years' figures, targets judged on the published years, public feedback); its approved
 * but unpublished year, its draft, its withdrawn target, the hidden feedback and every name and
 * contact stay out; a mine without a published report is not found.
 */
describe.each(STORE_KINDS)("public mines on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let regulator: { cookie: string; origin: string };
  let verifier: { cookie: string; origin: string };
  let editor: { cookie: string; origin: string };
  const ids = { mine: "", privateMine: "", cap: "", tinyCap: "", intensity: "", withdrawn: "" };
  const reports: Record<number, string> = {};

  const ok = async (o: InjectOptions, status = 200) => {
    const r = await t.app.inject(o);
    expect(r.statusCode, `${o.method} ${o.url} ${r.body.slice(0, 300)}`).toBe(status);
    return r.json();
  };

  /** A report of `year` taken through the workflow up to `until`. */
  const report = async (year: number, until: "draft" | "approved" | "published", coalScale = 1) => {
    const id = (
      await ok({ method: "POST", url: `/api/mines/${ids.mine}/annual-reports`, payload: { year } }, 201)
    ).id as string;
    await ok({
      method: "PUT",
      url: `/api/annual-reports/${id}/draft`,
      payload: reportContent(year, { coalScale }),
    });
    reports[year] = id;
    if (until === "draft") return;
    const fire = (headers: Record<string, string>, payload: object) =>
      ok({ method: "POST", url: `/api/annual-reports/${id}/events`, payload, headers });
    await fire(editor, { type: "submit" });
    await fire(regulator, { type: "send-to-verification", verifierOrganisationId: t.directory.verifier });
    await fire(verifier, {
      type: "conclude-verification",
      conclusion: { conforms: true, statement: "Conforms." },
    });
    await fire(regulator, { type: "approve" });
    if (until === "published") await fire(regulator, { type: "publish" });
  };

  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    regulator = await signIn(t.app, "regulator");
    verifier = await signIn(t.app, "verifier");
    editor = await signIn(t.app, "editor-a");
    await asSystem(async () => {
      ids.mine = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Open pit P",
          nameZh: "露天矿P",
          stage: "production",
          miningRightBoundary: BOUNDARY,
        })
      ).id;
      ids.privateMine = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Private pit",
          stage: "production",
        })
      ).id;
      const add = (target: object) =>
        t.ctx.targets
          .add({
            mineId: ids.mine,
            setBy: "regulator",
            setByOrganisationId: d.shanxi,
            target: target as never,
          })
          .then((x) => x.id);
      ids.cap = await add({ kind: "emission-cap", baseYear: 2023, targetYear: 2025, capTCO2ePerYr: 1e12 });
      ids.tinyCap = await add({ kind: "emission-cap", baseYear: 2024, targetYear: 2025, capTCO2ePerYr: 1 });
      ids.intensity = await add({
        kind: "intensity-reduction",
        baseYear: 2023,
        targetYear: 2025,
        reductionFraction: 0.1,
        horizon: "short",
      });
      ids.withdrawn = await add({ kind: "emission-cap", baseYear: 2023, targetYear: 2025, capTCO2ePerYr: 5 });
      await t.ctx.targets.withdraw(ids.withdrawn);
    });
    await report(2023, "published");
    await report(2024, "published", 1.25);
    await report(2025, "approved");
    await report(2022, "draft");
    // Feedback: one the regulator answers in public, one left hidden.
    const send = (payload: object) =>
      ok(
        {
          method: "POST",
          url: "/api/public/feedback",
          payload,
          headers: ANONYMOUS,
          remoteAddress: freshAddress(),
        },
        201,
      );
    const answered = (
      await send({
        mineId: ids.mine,
        category: "reclamation",
        point: { lon: 112.35, lat: 39.45 },
        contact: CONTACT,
        name: "A neighbour",
        message: "The dump by the road is still bare.",
      })
    ).id;
    await send({ mineId: ids.mine, category: "other", message: "Hidden message." });
    await ok({
      method: "POST",
      url: `/api/feedback/${answered}/reply`,
      payload: { reply: "Planting starts in spring.", status: "in-progress", public: true },
      headers: regulator,
    });
  }, 600_000);
  afterAll(async () => t?.close(), 120_000);

  const get = (url: string) => t.app.inject({ url, headers: ANONYMOUS });

  it("lists the public mines with their enterprise and latest published year, and no other mine", async () => {
    const r = await get("/api/public/mines");
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as { id: string }[];
    expect(list.map((m) => m.id)).toEqual([ids.mine]);
    const figures = await asSystem(() => t.ctx.annualReports.submittedFigures([reports[2024]!]));
    const f = figures.get(reports[2024]!)!;
    expect(list[0]).toEqual({
      id: ids.mine,
      name: "Open pit P",
      nameZh: "露天矿P",
      region: expect.objectContaining({ code: "140603" }),
      enterprise: { name: expect.any(String), nameZh: null },
      bbox: [112.3, 39.4, 112.4, 39.5],
      latest: {
        reportId: reports[2024],
        year: 2024,
        emissionsTCO2ePerYr: f.emissionsTCO2ePerYr,
        coalOutputT: f.coalOutputT,
        intensityTCO2ePerT: f.emissionsTCO2ePerYr / f.coalOutputT,
      },
      publishedYears: [2023, 2024],
    });
  });

  it("answers a public mine's summary: boundary, published years only, targets judged on them, public feedback", async () => {
    const r = await get(`/api/public/mines/${ids.mine}`);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.boundary).toEqual(BOUNDARY);
    expect(s.trend.map((y: { year: number }) => y.year)).toEqual([2023, 2024]);
    expect(s.trend.every((y: { emissionsTCO2ePerYr: number }) => y.emissionsTCO2ePerYr > 0)).toBe(true);
    // The withdrawn target is not shown; each target is judged in the published years from its base year.
    expect(s.targets.map((x: { id: string }) => x.id)).toEqual([ids.cap, ids.tinyCap, ids.intensity]);
    const byId = Object.fromEntries(s.targets.map((x: { id: string }) => [x.id, x]));
    expect(byId[ids.cap].years.map((y: { year: number; met: boolean }) => [y.year, y.met])).toEqual([
      [2023, true],
      [2024, true],
    ]);
    // A cap of 1 t: not met, its degree the share the cap is of the actual (evaluation.ts).
    const tiny = byId[ids.tinyCap].years;
    expect(tiny).toHaveLength(1);
    expect(tiny[0]).toMatchObject({ year: 2024, expected: 1, met: false });
    expect(tiny[0].degree).toBeCloseTo(1 / tiny[0].actual, 12);
    expect(tiny[0].actual).toBeCloseTo(s.trend[1].emissionsTCO2ePerYr, 6);
    // Intensity: nothing is due in the base year (not judged); in 2024 half the reduction is due.
    const [base, next] = byId[ids.intensity].years;
    expect(base).toMatchObject({ year: 2023, met: null, degree: null });
    expect(next.expected).toBeCloseTo(0.05, 12);
    const i = s.trend.map((y: { intensityTCO2ePerT: number }) => y.intensityTCO2ePerT);
    expect(next.actual).toBeCloseTo(1 - i[1] / i[0], 6);
    expect(next.met).toBe(next.actual >= 0.05);
    // Only the public message, with its reply; never the sender's name or contact, nor the declaration.
    expect(s.feedback).toEqual([
      expect.objectContaining({
        category: "reclamation",
        point: { lon: 112.35, lat: 39.45 },
        status: "in-progress",
        reply: "Planting starts in spring.",
      }),
    ]);
    for (const secret of [CONTACT, "A neighbour", "Hidden message", "Li Ming"])
      expect(r.body).not.toContain(secret);
  });

  it("does not find a mine without a published report, nor a malformed id", async () => {
    const r = await get(`/api/public/mines/${ids.privateMine}`);
    expect(r.statusCode, r.body).toBe(404);
    expect(r.body).not.toContain("Private pit");
    expect((await get("/api/public/mines/12345678")).statusCode).toBe(404);
    expect([400, 404]).toContain((await get("/api/public/mines/abc")).statusCode);
  });
});
