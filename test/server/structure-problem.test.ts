import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const W = 20;
const H = 10;
const files = mkdtempSync(join(tmpdir(), "mc-structure-"));
/** 2000: arable (1) with a first row of forest (2). 2010: columns 0–4 open pit (7), 5–6 dump (9). */
{
  const a = new Uint8Array(W * H).fill(1);
  a.fill(2, 0, W);
  const b = a.slice();
  for (let y = 0; y < H; y++) {
    b.fill(7, y * W, y * W + 5);
    b.fill(9, y * W + 5, y * W + 7);
  }
  writeCodeRaster(join(files, "2000.tif"), a, W, H);
  writeCodeRaster(join(files, "2010.tif"), b, W, H);
}
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe("GET /api/areas/{id}/structure-problem", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  beforeAll(async () => {
    t = await testApp("pglite");
    areaId = await createArea(t.app, "Small field");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("answers 409 (not-finished) while the area has no finished analysis, then the problem of its own last map, which optimizes", async () => {
    const none = await t.app.inject({ url: `/api/areas/${areaId}/structure-problem` });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({
      code: "not-finished",
      message: expect.stringMatching(/no finished land-use analysis/),
    });
    for (const year of ["2000", "2010"])
      expect(
        (
          await t.app.inject({
            method: "POST",
            url: `/api/areas/${areaId}/maps`,
            ...multipart({ year }, { name: `${year}.tif`, bytes: readFileSync(join(files, `${year}.tif`)) }),
          })
        ).statusCode,
      ).toBe(201);
    const job = (
      await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/analyses`,
        payload: { densitySet: "seed001-yang2019" },
      })
    ).json();
    expect((await waitForJob(t.app, job.id)).state).toBe("done");
    const bad = await t.app.inject({ url: `/api/areas/${areaId}/structure-problem?coalOutputT=lots` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("coalOutputT");
    const r = await t.app.inject({ url: `/api/areas/${areaId}/structure-problem?coalOutputT=1000` });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({
      analysisId: job.id,
      year: 2010,
      coefficientSet: "seed000-zhao2013",
      densitySet: "seed001-yang2019",
      coalOutput: { tPerYr: 1000, source: "the request" },
    });
    // 0.09 ha pixels: 2010 has 13 × 9 arable, 13 forest, 5 × 10 open pit, 2 × 10 dump pixels.
    const current = Object.fromEntries(
      b.problem.classes.map((c: { key: string; currentHa: number }) => [c.key, c.currentHa]),
    );
    expect(current).toMatchObject({ arable: 10.53, forest: 1.17, "open-pit": 4.5, dump: 1.8 });
    expect(b.problem.coalLand).toMatchObject({
      coalOutputT: 1000,
      excavation: ["open-pit", "stripping"],
      dump: ["dump"],
    });
    // Water has no area now: its cap (a share of its current area) is a 0 ha row, not an unbounded class.
    expect(b.problem.constraints).toContainEqual(
      expect.objectContaining({ classes: ["water"], sense: "<=", rhsHa: 0 }),
    );
    const o = await t.app.inject({ method: "POST", url: "/api/optimize", payload: b.problem });
    expect(o.statusCode).toBe(200);
    expect(o.json().status).toBe("optimal");
    expect(o.json().classes.map((c: { key: string }) => c.key)).toEqual(Object.keys(current));
  }, 120_000);
});
