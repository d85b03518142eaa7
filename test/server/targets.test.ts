import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { signIn } from "./actors.ts";
import { CLIENT, testApp } from "./test-app.ts";

/*
 * Targets per role (issue 13): the regulator sets a mine's targets (target.set), the enterprise adds
 * its own sub-targets (target.propose) — which kind a new target is follows the action the actor
 * holds — and neither changes nor withdraws the other's. Withdrawn targets stay, flagged.
 */
for (const kind of STORE_KINDS)
  describe(`targets by role (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let mineId = "";
    const as: Record<string, Record<string, string>> = {};
    const cap = { kind: "emission-cap", baseYear: 2020, targetYear: 2025, capTCO2ePerYr: 1.2e6 };
    const post = (who: string | null, payload: unknown) =>
      t.app.inject({
        method: "POST",
        url: `/api/mines/${mineId}/targets`,
        payload: payload as object,
        ...(who ? { headers: as[who] } : {}),
      });

    beforeAll(async () => {
      t = await testApp(kind);
      for (const u of ["regulator", "regulator-nm", "editor-b", "verifier"]) as[u] = await signIn(t.app, u);
      mineId = (
        await asSystem(() =>
          t.ctx.mines.add({
            organisationId: t.directory.enterpriseA,
            regionCode: "140603",
            name: "Mine A",
            stage: "production",
          }),
        )
      ).id;
    }, 120_000);
    afterAll(() => t.close());

    it("a regulator's new target is the regulator's; the enterprise's is its sub-target", async () => {
      const reg = await post("regulator", { target: cap, note: "provincial emission standard" });
      expect(reg.statusCode, reg.body).toBe(201);
      expect([reg.json().setBy, reg.json().setByOrganisationId]).toEqual(["regulator", t.directory.shanxi]);
      const sub = await post(null, {
        target: {
          kind: "intensity-reduction",
          baseYear: 2020,
          targetYear: 2025,
          reductionFraction: 0.18,
          horizon: "short",
        },
      });
      expect(sub.statusCode, sub.body).toBe(201);
      expect([sub.json().setBy, sub.json().setByOrganisationId]).toEqual([
        "enterprise",
        t.directory.enterpriseA,
      ]);
    });

    it("refuses who may not: another province's regulator and another enterprise do not find the mine; a verifier may not", async () => {
      expect((await post("regulator-nm", { target: cap })).statusCode).toBe(404);
      expect((await post("editor-b", { target: cap })).statusCode).toBe(404);
      expect([403, 404]).toContain((await post("verifier", { target: cap })).statusCode);
    });

    it("checks the measure at its field (targetProblems), units in the names", async () => {
      const r = await post("regulator", {
        target: { kind: "reclamation-rate", baseYear: 2020, targetYear: 2019, rate: 1.5 },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        "target.targetYear",
        "target.rate",
      ]);
      const role = await post("regulator", {
        target: { kind: "land-use-cap", baseYear: 2020, targetYear: 2030, role: "moon", capHa: 10 },
      });
      expect(role.json().error.details[0].path).toBe("target.role");
    });

    it("each side changes and withdraws only its own kind; withdrawn targets stay, flagged", async () => {
      const list = (await t.app.inject({ url: `/api/mines/${mineId}/targets` })).json();
      const reg = list.find((x: { setBy: string }) => x.setBy === "regulator");
      const sub = list.find((x: { setBy: string }) => x.setBy === "enterprise");
      // The enterprise may not touch the regulator's target, nor the regulator the enterprise's.
      expect(
        (await t.app.inject({ method: "PATCH", url: `/api/targets/${reg.id}`, payload: { note: "x" } }))
          .statusCode,
      ).toBe(403);
      expect(
        (await t.app.inject({ method: "POST", url: `/api/targets/${reg.id}/withdraw`, headers: CLIENT }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await t.app.inject({
            method: "PATCH",
            url: `/api/targets/${sub.id}`,
            headers: as.regulator,
            payload: { note: "x" },
          })
        ).statusCode,
      ).toBe(403);
      const changed = await t.app.inject({
        method: "PATCH",
        url: `/api/targets/${reg.id}`,
        headers: as.regulator,
        payload: { target: { ...cap, capTCO2ePerYr: 1.1e6 } },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().target.capTCO2ePerYr).toBe(1.1e6);
      const w = await t.app.inject({
        method: "POST",
        url: `/api/targets/${sub.id}/withdraw`,
        headers: CLIENT,
      });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json().withdrawn).toBe(true);
      const after = (
        await t.app.inject({ url: `/api/mines/${mineId}/targets`, headers: as.regulator })
      ).json();
      expect(after.map((x: { id: string; withdrawn: boolean }) => [x.id, x.withdrawn])).toEqual([
        [reg.id, false],
        [sub.id, true],
      ]);
      const again = await t.app.inject({
        method: "PATCH",
        url: `/api/targets/${sub.id}`,
        payload: { note: "late" },
      });
      expect(again.statusCode).toBe(409);
    });
  });
