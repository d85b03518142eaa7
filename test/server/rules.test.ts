import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_KINDS } from "../storage/stores.ts";
import { signIn } from "./actors.ts";
import { CLIENT, testApp } from "./test-app.ts";

/*
 * The rule table by department (issue 13): a regulator keeps its own department's rules; another
 * province's regulator does not find them for writing; everyone signed in reads them, by the
 * region where they apply; a rule is retired, not deleted.
 */
for (const kind of STORE_KINDS)
  describe(`control rules by department (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    const as: Record<string, Record<string, string>> = {};
    let ruleId = "";
    beforeAll(async () => {
      t = await testApp(kind);
      for (const u of ["regulator", "regulator-nm"]) as[u] = await signIn(t.app, u);
    }, 120_000);
    afterAll(() => t.close());

    const add = (who: string, payload: unknown) =>
      t.app.inject({
        method: "POST",
        url: "/api/control-rules",
        headers: as[who],
        payload: payload as object,
      });

    it("a regulator adds rules of every kind to its department's table, each checked at its field", async () => {
      const rules = [
        {
          name: "No arable to construction or mining",
          basis: "Land Administration Law art. 30",
          rule: { kind: "no-conversion", fromRoles: ["arable"], toRoles: ["urban", "open-pit", "dump"] },
        },
        {
          name: "Reclaim to forest by 2028",
          basis: "Mine restoration plan 2023",
          rule: { kind: "reclaim-by", deadlineYear: 2028, toRoles: ["forest"] },
        },
        {
          name: "Construction capped",
          basis: "County land-use plan",
          rule: { kind: "cap", role: "urban", capHa: 12.5, toleranceHa: 0.5 },
        },
        {
          name: "Farmland only",
          basis: "Basic farmland protection",
          rule: { kind: "allowed-uses", roles: ["arable"] },
        },
      ];
      for (const r of rules) {
        const res = await add("regulator", r);
        expect(res.statusCode, res.body).toBe(201);
        expect([res.json().organisationId, res.json().regionCode]).toEqual([t.directory.shanxi, "140000"]);
      }
      ruleId = (await t.app.inject({ url: "/api/control-rules" })).json()[0].id;
      const bad = await add("regulator", {
        name: "No arable to construction or mining",
        basis: "x",
        rule: { kind: "no-conversion", fromRoles: [], toRoles: ["moon"] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        "rule.fromRoles",
        "rule.toRoles[0]",
        "name",
      ]);
      const noBasis = await add("regulator", {
        name: "n",
        basis: " ",
        rule: { kind: "allowed-uses", roles: ["arable"] },
      });
      expect(noBasis.statusCode).toBe(400);
      // An enterprise has no rule table.
      expect(
        (await t.app.inject({ method: "POST", url: "/api/control-rules", payload: rules[0] })).statusCode,
      ).toBe(403);
    });

    it("reads by region: Shanxi's rules apply in Pinglu, not in Ordos; everyone signed in reads them", async () => {
      expect((await t.app.inject({ url: "/api/control-rules?regionCode=140603" })).json()).toHaveLength(4);
      expect(
        (
          await t.app.inject({ url: "/api/control-rules?regionCode=150600", headers: as["regulator-nm"] })
        ).json(),
      ).toHaveLength(0);
      expect(
        (await t.app.inject({ url: "/api/control-rules", headers: { authorization: "" } })).statusCode,
      ).toBe(401);
    });

    it("only the department changes and retires its rule; a retired rule stays listed on request", async () => {
      const other = await t.app.inject({
        method: "PATCH",
        url: `/api/control-rules/${ruleId}`,
        headers: as["regulator-nm"],
        payload: { basis: "mine now" },
      });
      expect(other.statusCode).toBe(404);
      const patch = await t.app.inject({
        method: "PATCH",
        url: `/api/control-rules/${ruleId}`,
        headers: as.regulator,
        payload: { nameZh: "耕地不得转为建设或采矿用地" },
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const retired = await t.app.inject({
        method: "POST",
        url: `/api/control-rules/${ruleId}/retire`,
        headers: { ...as.regulator, ...CLIENT },
      });
      expect(retired.statusCode, retired.body).toBe(200);
      expect(retired.json().retiredAt).not.toBeNull();
      expect((await t.app.inject({ url: "/api/control-rules" })).json()).toHaveLength(3);
      expect((await t.app.inject({ url: "/api/control-rules?includeRetired=true" })).json()).toHaveLength(4);
    });
  });
