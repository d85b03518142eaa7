import type { RegionCode } from "../../../src/domain/access/region-code.ts";
import type { ResourceRef } from "../../../src/domain/access/policy.ts";
import { CLIENT, multipart } from "../test-app.ts";
import type { WalkFixture, WalkPart } from "./walk-part.ts";

/**
 * The walk's part for what is managed on a mine (issue 13): control rules, plots, targets and the
 * reclamation plan. Its setup makes, as the owners would, a rule of the province's department, two
 * plots of enterprise A's mine, a regulator's target and a plan item; the routes under
 * /api/mines/{id} are the walk's own (mine A).
 */
const ids = { rule: "", plot: "", target: "", shanxi: "" };
let shanxiRef: ResourceRef;
let mineRef: ResourceRef;

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const plotsFile = Buffer.from(
  JSON.stringify({
    type: "FeatureCollection",
    features: ["walk plot 1", "walk plot 2"].map((name, i) => ({
      type: "Feature",
      properties: { name },
      geometry: { type: "Polygon", coordinates: square(112.4 + 0.01 * i, 39.3, 0.005) },
    })),
  }),
);

export const mineRecordsPart: WalkPart = {
  name: "plots, control rules, targets, reclamation plans",
  async setup(f: WalkFixture) {
    const ok = (r: { statusCode: number; body: string }, status = 201) => {
      if (r.statusCode !== status) throw new Error(`walk setup (mine records): ${r.statusCode} ${r.body}`);
      return JSON.parse(r.body);
    };
    mineRef = f.mineA.ref;
    ids.shanxi = f.t.directory.shanxi;
    shanxiRef = { kind: "organisation", organisationId: ids.shanxi, regionCode: "140000" as RegionCode };
    ids.rule = ok(
      await f.t.app.inject({
        method: "POST",
        url: "/api/control-rules",
        headers: f.headers.regulator,
        payload: {
          name: "walk: no arable to mining",
          basis: "walk",
          rule: { kind: "no-conversion", fromRoles: ["arable"], toRoles: ["open-pit"] },
        },
      }),
    ).id;
    ids.plot = ok(
      await f.t.app.inject({
        method: "POST",
        url: `/api/mines/${f.mineA.id}/plots/import`,
        ...multipart({}, { name: "plots.geojson", bytes: plotsFile }),
      }),
    ).plots[0].id;
    ids.target = ok(
      await f.t.app.inject({
        method: "POST",
        url: `/api/mines/${f.mineA.id}/targets`,
        headers: f.headers.regulator,
        payload: { target: { kind: "emission-cap", baseYear: 2020, targetYear: 2025, capTCO2ePerYr: 1e6 } },
      }),
    ).id;
  },
  resourceOf(op) {
    if (op.id === "get /api/control-rules" || op.id === "post /api/control-rules") return null;
    // A rule is written through its department: one the actor may not read is not found.
    if (op.path.startsWith("/api/control-rules/{id}")) return { ref: shanxiRef, read: "organisation.read" };
    if (op.path.startsWith("/api/plots/{id}") || op.path.startsWith("/api/targets/{id}"))
      return { ref: mineRef, read: "mine.read" };
    return undefined;
  },
  url(op) {
    if (op.path.startsWith("/api/control-rules/{id}")) return op.path.replace("{id}", ids.rule);
    if (op.path.startsWith("/api/plots/{id}")) return op.path.replace("{id}", ids.plot);
    if (op.path.startsWith("/api/targets/{id}")) return op.path.replace("{id}", ids.target);
    return undefined;
  },
  request(op) {
    const json = (payload: unknown) => ({ payload });
    switch (op.id) {
      case "post /api/control-rules":
        return json({
          name: "walk: construction capped",
          basis: "walk",
          rule: { kind: "cap", role: "urban", capHa: 5 },
        });
      case "patch /api/control-rules/{id}":
        return json({ nameZh: "耕地不得转为采矿用地" });
      case "post /api/mines/{id}/plots/import":
        return multipart({ replace: "true" }, { name: "plots.geojson", bytes: plotsFile });
      case "post /api/mines/{id}/plots/observe":
        return { headers: CLIENT };
      case "patch /api/plots/{id}":
        return json({ stage: "disturbed", declaredRole: "open-pit" });
      case "put /api/plots/{id}/rule":
        return json({ ruleId: ids.rule });
      case "put /api/mines/{id}/reclamation-plan":
        return json({
          items: [{ plotId: ids.plot, targetRole: "forest", startYear: 2021, dueYear: 2028, budgetCny: 5e5 }],
        });
      default:
        return undefined;
    }
  },
  destructive: new Set(["delete /api/plots/{id}", "post /api/control-rules/{id}/retire"]),
  notWalked: {
    "post /api/mines/{id}/targets":
      "declared signed-in: the kind of target follows the action the actor holds (target.set or target.propose); every role is tried in test/server/targets.test.ts",
    "patch /api/targets/{id}":
      "declared signed-in: the action follows the target's kind (target.set or target.propose); every role is tried in test/server/targets.test.ts",
    "post /api/targets/{id}/withdraw":
      "declared signed-in: the action follows the target's kind (target.set or target.propose); every role is tried in test/server/targets.test.ts",
  },
};
