import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { createArea, testApp } from "../server/test-app.ts";

const example = (f: string) => readInputFile(join(PROJECT_ROOT, "examples", f)) as Record<string, unknown>;
const SQUARE = [
  [111, 37],
  [111.1, 37],
  [111.1, 37.1],
  [111, 37.1],
  [111, 37],
];
type Detail = { path: string; message: string };

describe.each(STORE_KINDS)("bounded and finite input through the API on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  let inventoryId: string;
  beforeAll(async () => {
    t = await testApp(kind);
    areaId = await createArea(t.app, "Bounds");
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/inventories`,
      payload: example("yongning.yaml"),
    });
    expect(r.statusCode).toBe(201);
    inventoryId = r.json()[0].id;
  }, 120_000);
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });
  const details = (r: { json: () => unknown }) =>
    (r.json() as { error: { details: Detail[] } }).error.details;

  it("refuses energy[0].amount 1e308 (it was stored with null totals, shown as 0) and stores nothing", async () => {
    const doc = example("yongning.yaml") as { years: { year: number; energy: { amount: number }[] }[] };
    doc.years[0]!.year = 2025;
    doc.years[0]!.energy[0]!.amount = 1e308;
    const r = await post(`/api/areas/${areaId}/inventories`, doc);
    expect(r.statusCode).toBe(400);
    expect(details(r)).toEqual([
      {
        path: "years[0].energy[0].amount",
        message: expect.stringMatching(/^must be ≤ 1e15 in the carrier's unit \(.*\); got 1e\+308$/),
      },
    ]);
    const list = (await t.app.inject({ url: `/api/areas/${areaId}/inventories` })).json();
    expect(list.map((i: { year: number }) => i.year)).toEqual([2024]);
  });

  it("shows a stored figure that is not finite as missing with why, never as 0", async () => {
    const other = await createArea(t.app, "Stored before the bounds");
    // What the API stored before inputs were bounded: ∞ in the result, kept by JSON as null.
    const good = (await t.app.inject({ url: `/api/inventories/${inventoryId}` })).json();
    const result = structuredClone(good.result);
    result.years[0].totals.grossEmissionTCO2ePerYr = null;
    result.years[0].totals.gapTCO2ePerYr = null;
    // Written as the system, past the API (on PostgreSQL, row-level security refuses a write in no scope).
    await asSystem(() =>
      t.ctx.inventories.save({ areaId: other, mine: "Old", year: 2024, input: good.input, result }),
    );
    const o = (await t.app.inject({ url: `/api/areas/${other}/overview` })).json();
    const fig = (id: string) => o.figures.find((f: { id: string }) => f.id === id);
    for (const id of ["inventory-total", "neutrality-gap", "coal-intensity"]) {
      expect(fig(id).value, id).toBeNull();
      expect(fig(id).source).toMatch(/inventory Old 2024 .* holds no finite figure here .*save it again/);
    }
  });

  it("refuses NUL in an area's name, a legend class and a boundary property (PostgreSQL answered 500)", async () => {
    const area = (patch: Record<string, unknown>) =>
      post("/api/areas", { name: "NUL test", legend: { preset: "seed001" }, ...patch });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Ping\u0000shuo" }, "name"],
      [{ legend: { classes: [{ code: 1, name: "arable\u0000" }] } }, "legend.classes[0].name"],
      [{ legend: { classes: [{ code: 1, name: "half \ud800 pair" }] } }, "legend.classes[0].name"],
      [
        {
          boundary: {
            type: "Feature",
            properties: { name: "field\u0000 1" },
            geometry: { type: "Polygon", coordinates: [SQUARE] },
          },
        },
        "boundary.properties.name",
      ],
    ];
    for (const [patch, path] of cases) {
      const r = await area(patch);
      expect(r.statusCode, JSON.stringify(patch)).toBe(400);
      expect(details(r).map((d) => d.path)).toEqual([path]);
    }
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: { nameZh: "平朔\u0000" },
    });
    expect(patched.statusCode).toBe(400);
    expect(details(patched)).toEqual([
      { path: "nameZh", message: expect.stringMatching(/^must not contain the NUL character/) },
    ]);
  });

  it("validates a boundary whole on arrival, naming the place (Banana was 201, 1e999 and 'a' failed inside jobs)", async () => {
    const poly = (coordinates: unknown) => ({ type: "Polygon", coordinates });
    const withPoint = (i: number, p: unknown) => {
      const ring: unknown[] = structuredClone(SQUARE);
      ring[i] = p;
      return poly([ring]);
    };
    const cases: [unknown, Detail][] = [
      [
        { type: "Banana" },
        {
          path: "boundary.type",
          message: expect.stringMatching(/^must be a FeatureCollection, Feature, Polygon or MultiPolygon/),
        },
      ],
      [
        withPoint(3, [111, "a"]),
        { path: "boundary.coordinates[0][3][1]", message: 'must be a number; got "a"' },
      ],
      [
        withPoint(2, [111.1]),
        { path: "boundary.coordinates[0][2]", message: expect.stringMatching(/^must be a position/) },
      ],
      [
        poly([SQUARE.slice(0, 4)]),
        { path: "boundary.coordinates[0][3]", message: expect.stringMatching(/^must close the ring/) },
      ],
      [
        poly([SQUARE.slice(0, 3)]),
        {
          path: "boundary.coordinates[0]",
          message: expect.stringMatching(/^must be a ring of at least 4 positions/),
        },
      ],
      [
        {
          type: "FeatureCollection",
          features: [
            { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [111, 37] } },
          ],
        },
        {
          path: "boundary.features[0].geometry.type",
          message: expect.stringMatching(/^must be Polygon or MultiPolygon/),
        },
      ],
      [
        withPoint(1, [500, 37]),
        {
          path: "boundary.coordinates[0][1]",
          message: expect.stringMatching(/^must be longitude, latitude/),
        },
      ],
    ];
    for (const [boundary, detail] of cases) {
      const r = await post("/api/areas", { name: "GeoJSON test", legend: { preset: "seed001" }, boundary });
      expect(r.statusCode, JSON.stringify(boundary)).toBe(400);
      expect(details(r)).toEqual([detail]);
    }
    // 1e999 is Infinity once parsed: only raw JSON text can carry it.
    const raw = `{"boundary": {"type": "Polygon", "coordinates": [[[111, 37], [111.1, 37], [111.1, 37.1], [111, 1e999], [111, 37]]]}}`;
    const inf = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      headers: { "content-type": "application/json" },
      payload: raw,
    });
    expect(inf.statusCode).toBe(400);
    expect(details(inf)).toEqual([
      { path: "boundary.coordinates[0][3][1]", message: expect.stringMatching(/^must be a finite number/) },
    ]);
    // A good boundary is still taken.
    const ok = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: {
        boundary: {
          type: "FeatureCollection",
          features: [{ type: "Feature", properties: { name: "field 1" }, geometry: poly([SQUARE]) }],
        },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().boundary.features[0].properties.name).toBe("field 1");
  });

  it("refuses a boundary nested 200,000 deep at once, and the server stays up", async () => {
    const depth = 200_000;
    const payload = `{"name": "deep", "legend": {"preset": "seed001"}, "boundary": {"type": "MultiPolygon", "coordinates": ${"[".repeat(depth)}0${"]".repeat(depth)}}}`;
    const r = await post("/api/areas", payload);
    expect(r.statusCode).toBe(400);
    expect(details(r)).toEqual([
      {
        path: "boundary.coordinates[0][0][0][0][0][0][0]",
        message: expect.stringMatching(/^nests deeper than 32 levels/),
      },
    ]);
    expect((await t.app.inject({ url: "/health" })).statusCode).toBe(200);
  });

  it("refuses a pathway reclaiming 1e308 ha a year and absurd draws, naming the field", async () => {
    const scenario = example("yongning-pathway.yaml") as Record<string, unknown> & {
      measures: Record<string, unknown>[];
      baseline: Record<string, unknown>;
    };
    scenario.baseline = { inventoryId };
    scenario.measures[4]!.hectaresPerYear = 1e308;
    scenario.uncertainty = { draws: 100_000_000 };
    const r = await post("/api/pathways", { scenarios: [scenario] });
    expect(r.statusCode).toBe(400);
    expect(details(r)).toEqual([
      {
        path: "scenarios[0].measures[4].hectaresPerYear",
        message: expect.stringMatching(/^must be ≤ 960,000,000 ha \(the land area of China/),
      },
      { path: "scenarios[0].uncertainty.draws", message: expect.stringMatching(/^must be ≤ 50,000 draws/) },
    ]);
    // Within the 50,000 draws, but more work than a pathway may take: refused before it runs. Yongning with
    // 600 more energy rows (625 rows × 37 years) takes at most (4e6 / 23,125 − 8) × 250 = 41,243 draws.
    const wide = example("yongning.yaml") as { years: { energy: unknown[] }[] };
    for (let i = 0; i < 600; i++) wide.years[0]!.energy.push({ carrier: "diesel", amount: 1, unit: "t" });
    const stored = await post(`/api/areas/${await createArea(t.app, "Bounds, wide")}/inventories`, wide);
    expect(stored.statusCode).toBe(201);
    const large = {
      ...example("yongning-pathway.yaml"),
      baseline: { inventoryId: stored.json()[0].id },
      uncertainty: { draws: 50_000 },
    };
    const tooLarge = await post("/api/pathways", { scenarios: [large] });
    expect(tooLarge.statusCode).toBe(400);
    expect(details(tooLarge)).toEqual([
      {
        path: "scenarios[0].uncertainty.draws",
        message: expect.stringMatching(/^\(or --draws\) must be ≤ 41,243 for this pathway: 625 rows/),
      },
    ]);
    const many = await post("/api/pathways", { scenarios: Array.from({ length: 9 }, () => ({})) });
    expect(many.statusCode).toBe(400);
    expect(details(many)[0]).toEqual({
      path: "scenarios",
      message: expect.stringMatching(/^must have at most 8 items/),
    });
  });

  it("answers any JSON value anywhere in a body with 2xx or 4xx, never 5xx", async () => {
    type Key = string | number;
    const leaves = (doc: unknown, path: Key[] = []): Key[][] =>
      doc === null || typeof doc !== "object"
        ? [path]
        : (Array.isArray(doc) ? doc.map((v, i) => [i, v] as [Key, unknown]) : Object.entries(doc)).flatMap(
            ([k, v]) => leaves(v, [...path, k]),
          );
    const scenario = { ...example("yongning-pathway.yaml"), baseline: { inventoryId } };
    const bodies: [string, string, unknown][] = [
      ["POST", `/api/areas/${areaId}/inventories`, example("yongning.yaml")],
      ["POST", "/api/pathways", { scenarios: [scenario] }],
      ["POST", "/api/optimize", example("pingshuo-structure.yaml")],
      [
        "POST",
        "/api/areas",
        {
          name: "fuzz",
          legend: { classes: [{ code: 1, name: "arable", key: "arable" }] },
          boundary: {
            type: "Feature",
            properties: { name: "f" },
            geometry: { type: "Polygon", coordinates: [SQUARE] },
          },
        },
      ],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bodies.length - 1 }),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("a\u0000b", "\ud800", 1e308, -1, "")),
        async (b, leaf, value) => {
          const [method, url, body] = bodies[b]!;
          const doc = structuredClone(body);
          const paths = leaves(doc);
          const path = paths[leaf % paths.length]!;
          let o = doc as Record<Key, unknown>;
          for (const k of path.slice(0, -1)) o = o[k] as Record<Key, unknown>;
          if (path.length) o[path[path.length - 1]!] = value;
          const r = await t.app.inject({ method: method as "POST", url, payload: doc as object });
          expect(
            r.statusCode,
            `${url} ${JSON.stringify(path)} = ${JSON.stringify(value)}: ${r.body}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("refuses an optimization with currentHa 1e308 at the field", async () => {
    const problem = example("pingshuo-structure.yaml") as { classes: Record<string, unknown>[] };
    problem.classes[0]!.currentHa = 1e308;
    const r = await post("/api/optimize", problem);
    expect(r.statusCode).toBe(400);
    expect(details(r)).toEqual([
      { path: "classes[0].currentHa", message: expect.stringMatching(/^must be ≤ 960,000,000 ha/) },
    ]);
  });
});
