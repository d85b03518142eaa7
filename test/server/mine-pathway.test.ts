import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewYear } from "../../src/domain/pathway/review-year.ts";
import { scenarioSchema } from "../../src/domain/pathway/scenario-spec.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { reportContent } from "../fixtures/annual-report/content.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, signIn } from "./actors.ts";
import { testApp } from "./test-app.ts";

const example = (file: string) =>
  readInputFile(join(PROJECT_ROOT, "examples", file)) as Record<string, unknown>;

/*
 * A mine's pathway plan (issue 13, seed 002's evaluate-and-adjust): the enterprise stores the
 * Yongning pathway scenario with its baseline inventory for its mine (checked as the CLI checks
 * it; bad input named by field; audited; each change kept), and an approved report's adjustment
 * then reviews its year against that plan with the same numbers reviewYear gives for the same
 * inputs — `minecarbon pathway <scenario> --actual <inventory>`'s review.
 */
for (const kind of STORE_KINDS)
  describe(`a mine's pathway plan and the year's review (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let mineId = "";
    let bareMineId = "";
    const h: Record<string, Record<string, string>> = {};
    const write = (o: Parameters<typeof auditedWrite>[2]) => auditedWrite(t.app, t.ctx.store, o);
    const scenario = example("yongning-pathway.yaml");
    const baseline = example("yongning.yaml");

    beforeAll(async () => {
      t = await testApp(kind);
      for (const u of ["editor-a", "editor-b", "regulator", "verifier"]) h[u] = await signIn(t.app, u);
      const add = (name: string) =>
        asSystem(() =>
          t.ctx.mines.add({
            organisationId: t.directory.enterpriseA,
            regionCode: "140603",
            name,
            stage: "production",
          }),
        );
      mineId = (await add("Yongning of A")).id;
      bareMineId = (await add("A mine without a plan")).id;
    }, 120_000);
    afterAll(async () => t.close(), 60_000);

    const approvedReport = async (mine: string, year: number) => {
      const open = await write({
        method: "POST",
        url: `/api/mines/${mine}/annual-reports`,
        payload: { year },
      });
      expect(open.statusCode, open.body).toBe(201);
      const id = open.json().id as string;
      const put = await write({
        method: "PUT",
        url: `/api/annual-reports/${id}/draft`,
        payload: reportContent(year, { coalScale: 1.1 }),
      });
      expect(put.statusCode, put.body).toBe(200);
      for (const [who, payload] of [
        ["editor-a", { type: "submit" }],
        ["regulator", { type: "send-to-verification", verifierOrganisationId: t.directory.verifier }],
        [
          "verifier",
          { type: "conclude-verification", conclusion: { conforms: true, statement: "Conforms." } },
        ],
        ["regulator", { type: "approve" }],
      ] as const) {
        const r = await write({
          method: "POST",
          url: `/api/annual-reports/${id}/events`,
          payload,
          headers: h[who],
        });
        expect(r.statusCode, `${payload.type}: ${r.body}`).toBe(200);
      }
      return id;
    };

    it("has no plan at first (404), and the enterprise stores one; others may not", async () => {
      expect((await t.app.inject({ url: `/api/mines/${mineId}/pathway` })).statusCode).toBe(404);
      const put = (headers?: Record<string, string>, payload: object = { scenario, baseline }) =>
        write({
          method: "PUT",
          url: `/api/mines/${mineId}/pathway`,
          payload,
          ...(headers ? { headers } : {}),
        });
      expect((await put(h["editor-b"])).statusCode).toBe(404);
      expect((await put(h.regulator)).statusCode).toBe(403);
      const first = await put(h["editor-a"]);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ mineId, earlierPlans: 0, scenario: { name: scenario.name } });
      const second = await put(); // the API token of editor-a
      expect(second.statusCode, second.body).toBe(200);
      const got = await t.app.inject({ url: `/api/mines/${mineId}/pathway`, headers: h.regulator });
      expect(got.statusCode, got.body).toBe(200);
      expect(got.json()).toMatchObject({ id: second.json().id, earlierPlans: 1 });
      expect(got.json().baseline).toEqual(baseline);
      expect(
        (await t.app.inject({ url: `/api/mines/${mineId}/pathway`, headers: h["editor-b"] })).statusCode,
      ).toBe(404);
      // Both plans are kept, the newest in force.
      const history = await asSystem(() => t.ctx.minePathways.history(mineId));
      expect(history.map((p) => p.id)).toEqual([first.json().id, second.json().id]);
    });

    it("refuses a bad scenario or baseline naming the field, storing nothing", async () => {
      const cases: [object, string][] = [
        [{ scenario: { ...scenario, endYear: "soon" }, baseline }, "scenario.endYear"],
        [
          { scenario: { ...scenario, baseline: { ...(scenario.baseline as object), year: 2019 } }, baseline },
          "scenario.baseline.year",
        ],
        [{ scenario, baseline: { ...baseline, years: "none" } }, "baseline.years"],
        [{ scenario }, "baseline"],
      ];
      for (const [payload, path] of cases) {
        const r = await write({ method: "PUT", url: `/api/mines/${mineId}/pathway`, payload });
        expect(r.statusCode, r.body).toBe(400);
        expect(
          r.json().error.details.map((d: { path: string }) => d.path),
          r.body,
        ).toContain(path);
      }
      expect(await asSystem(() => t.ctx.minePathways.history(mineId))).toHaveLength(2);
    });

    it("reviews an approved year against the plan in force, as reviewYear does for the same inputs", async () => {
      const id = await approvedReport(mineId, 2026);
      const adj = await t.app.inject({ url: `/api/annual-reports/${id}/adjustment` });
      expect(adj.statusCode, adj.body).toBe(200);
      const body = adj.json();
      expect(body.missing).toEqual([]);
      const table = factorTable();
      const expected = reviewYear(
        scenarioSchema.parse(scenario),
        baseline,
        reportContent(2026, { coalScale: 1.1 }).inventory,
        2026,
        2060,
        table,
        "test",
      );
      expect(body.review).toEqual(JSON.parse(JSON.stringify(expected)));
      // By hand: the gap is actual − planned net, and the net is the sum of the parts (sinks, CCS
      // and offsets negative), so the parts' shortfalls add up to the gap.
      const r = body.review;
      expect(r.gapTCO2e).toBeCloseTo(r.actualNetTCO2e - r.plannedNetTCO2e, 6);
      const behind = r.parts.reduce((a: number, p: { behindByTCO2e: number }) => a + p.behindByTCO2e, 0);
      expect(behind).toBeCloseTo(r.gapTCO2e, 3);
      expect(r.parts.map((p: { part: string }) => p.part)).toEqual([
        "energy",
        "methane",
        "other",
        "sinks",
        "ccs",
        "offsets",
      ]);
    });

    it("says what is missing when the mine has no plan (review null)", async () => {
      const id = await approvedReport(bareMineId, 2026);
      const adj = await t.app.inject({ url: `/api/annual-reports/${id}/adjustment` });
      expect(adj.statusCode, adj.body).toBe(200);
      expect(adj.json().review).toBeNull();
      expect(adj.json().missing).toHaveLength(1);
      expect(adj.json().missing[0]).toContain(`PUT /api/mines/${bareMineId}/pathway`);
    });
  });
