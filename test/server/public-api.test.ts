import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { asSystem } from "../../src/storage/row-scope.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, verifyAuditChain } from "../../src/storage/audit-log.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, freshAddress, signIn } from "./actors.ts";
import { ANONYMOUS, createArea, multipart, testApp, waitForJob } from "./test-app.ts";

const W = 40;
const H = 30;
const files = mkdtempSync(join(tmpdir(), "mc-public-"));
const a = new Uint8Array(W * H).fill(1);
a.fill(2, 0, W);
const b = a.slice();
for (let y = 0; y < H; y++) b.fill(7, y * W, y * W + 10);
writeCodeRaster(join(files, "2000.tif"), a, W, H);
writeCodeRaster(join(files, "2010.tif"), b, W, H);
afterAll(() => rmSync(files, { recursive: true, force: true }));

const SECRET_BOUNDARY_NAME = "SECRET-BOUNDARY-FEATURE";

describe.each(STORE_KINDS)("the public portal and feedback, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  let unpublished: string;
  let regulator: { cookie: string; origin: string };
  let otherRegulator: { cookie: string; origin: string };
  let admin: { cookie: string; origin: string };
  const anonymous = (url: string) => t.app.inject({ url, headers: ANONYMOUS });
  beforeAll(async () => {
    t = await testApp(kind);
    areaId = await createArea(t.app, "Published area of A");
    for (const year of ["2000", "2010"]) {
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/maps`,
        ...multipart({ year }, { name: `${year}.tif`, bytes: readFileSync(join(files, `${year}.tif`)) }),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const job = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/analyses`,
      payload: { densitySet: "seed001-yang2019" },
    });
    expect(job.statusCode, job.body).toBe(202);
    expect((await waitForJob(t.app, job.json().id)).state).toBe("done");
    // A boundary given after the analysis (it marks it stale); the portal must not show it.
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: {
        boundary: {
          type: "Feature",
          properties: { name: SECRET_BOUNDARY_NAME },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [112.3, 39.4],
                [112.4, 39.4],
                [112.4, 39.5],
                [112.3, 39.4],
              ],
            ],
          },
        },
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const mine = await asSystem(() =>
      t.ctx.mines.add({
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
        name: "Mine A",
        stage: "production",
      }),
    );
    await asSystem(() => t.ctx.areas.addMine(areaId, mine.id));
    unpublished = await createArea(t.app, "Unpublished area of A");
    regulator = await signIn(t.app, "regulator");
    otherRegulator = await signIn(t.app, "regulator-nm");
    admin = await signIn(t.app, "admin");
  }, 300_000);
  afterAll(async () => t.close(), 120_000);

  it("shows nothing of an area before it is published", async () => {
    expect((await anonymous("/api/public/areas")).json()).toEqual([]);
    expect((await anonymous(`/api/public/areas/${areaId}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/public/areas/${areaId}/maps/2010/layer.png`)).statusCode).toBe(404);
    // Signed in makes no difference here: the portal shows what is published.
    expect((await t.app.inject({ url: `/api/public/areas/${areaId}` })).statusCode).toBe(404);
  });

  it("lists a published area with its region, mines and key figures, and its page with series and the latest map", async () => {
    const pub = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: `/api/areas/${areaId}/publish`,
      payload: { published: true },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const list = await anonymous("/api/public/areas");
    expect(list.statusCode).toBe(200);
    const [summary, ...rest] = list.json();
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({
      id: areaId,
      name: "Published area of A",
      region: { code: "140603", name: "Pinglu" },
      mines: [{ name: "Mine A" }],
    });
    expect(summary.figures.find((f: { id: string }) => f.id === "area").value).toBeGreaterThan(0);
    const page = await anonymous(`/api/public/areas/${areaId}?lang=zh`);
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json();
    expect(p.series.map((s: { year: number }) => s.year)).toEqual([2000, 2010]);
    expect(p.map.layer.url).toMatch(new RegExp(`^/api/public/areas/${areaId}/maps/2010/layer\\.png\\?v=`));
    expect(p.map.layer.extent).toHaveLength(4);
    // No inputs: not the area's legend document, its boundary or stored paths (the layer's colour key only).
    for (const hidden of [
      SECRET_BOUNDARY_NAME,
      `"boundary"`,
      "112.3",
      `"path"`,
      "sha256",
      `"classes":[`,
      `"key":`,
    ])
      expect(page.body).not.toContain(hidden);
    const png = await anonymous(p.map.layer.url);
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    // The area's own routes stay closed to the public.
    expect((await anonymous(`/api/areas/${areaId}/maps/2010/layer.png`)).statusCode).toBe(401);
    expect((await anonymous(`/api/public/areas/${unpublished}`)).statusCode).toBe(404);
  });

  it("takes feedback from anyone about a published area or the portal, audited, and limits each address", async () => {
    const address = freshAddress();
    const send = (payload: object, remoteAddress = address) =>
      auditedWrite(t.app, t.ctx.store, {
        method: "POST",
        url: "/api/public/feedback",
        headers: ANONYMOUS,
        payload,
        remoteAddress,
      });
    const r = await send({
      areaId,
      name: "A neighbour",
      contact: "n@example.org",
      message: "Dust from the dump on windy days.",
    });
    expect(r.statusCode, r.body).toBe(201);
    const e = (
      await asSystem(() =>
        listAuditEvents(t.ctx.store.db, { kind: "everything" }, { action: "feedback.send" }),
      )
    ).events[0]!;
    expect(e).toMatchObject({
      who: { userId: null, tokenId: null, roles: [] },
      // The message is its own record, in the area's owner and region (who may read the event).
      resource: {
        kind: "feedback",
        id: r.json().id,
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
      },
      address,
    });
    expect((await send({ message: "The portal is useful." })).statusCode).toBe(201);
    for (const [payload, status] of [
      [{ areaId: unpublished, message: "x" }, 404],
      [{ message: "   " }, 400],
      [{ message: "a\u0000b" }, 400],
      [{ message: "x".repeat(4001) }, 400],
      [{ message: "x", extra: 1 }, 400],
    ] as const)
      expect((await send(payload, freshAddress())).statusCode, JSON.stringify(payload).slice(0, 40)).toBe(
        status,
      );
    // Five a quarter hour from one address; the sixth is refused; another address is not held up.
    const busy = freshAddress();
    for (let i = 0; i < 5; i++) expect((await send({ message: `again ${i}` }, busy)).statusCode).toBe(201);
    const last = await send({ message: "once more" }, busy);
    expect(last.statusCode, last.body).toBe(429);
    expect(last.json().error.code).toBe("rate-limited");
    expect((await send({ message: "from elsewhere" }, freshAddress())).statusCode).toBe(201);
  });

  it("lets regulators read the feedback of their jurisdiction, administrators all; others are refused", async () => {
    const messages = async (h: Record<string, string>) =>
      (await t.app.inject({ url: "/api/feedback", headers: h }))
        .json()
        .items.map((f: { message: string }) => f.message);
    expect(await messages(regulator)).toEqual(["Dust from the dump on windy days."]);
    expect(await messages(otherRegulator)).toEqual([]);
    expect(await messages(admin)).toEqual(
      expect.arrayContaining([
        "Dust from the dump on windy days.",
        "The portal is useful.",
        "from elsewhere",
      ]),
    );
    expect((await t.app.inject({ url: "/api/feedback" })).statusCode).toBe(403);
    expect((await anonymous("/api/feedback")).statusCode).toBe(401);
    const page = (await t.app.inject({ url: "/api/feedback?limit=1", headers: admin })).json();
    expect(page.items).toHaveLength(1);
    const next = (
      await t.app.inject({ url: `/api/feedback?limit=1&before=${page.next}`, headers: admin })
    ).json();
    expect(Number(next.items[0].id)).toBeLessThan(Number(page.items[0].id));
  });

  it("leaves an audit trail that verifies", async () => {
    const report = await asSystem(() => verifyAuditChain(t.ctx.store.db));
    expect(report.ok, JSON.stringify(report.firstBroken)).toBe(true);
  });
});
