import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

describe("where a new area lies, and so who supervises it", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const create = (regionCode?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "placed", legend: { preset: "seed001" }, ...(regionCode ? { regionCode } : {}) },
    });

  it("puts an enterprise's area in its own region unless told a city or county of its province", async () => {
    const own = await create();
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ organisationId: t.directory.enterpriseA, regionCode: "140603" });
    expect((await create("140600")).json().regionCode).toBe("140600");
  });

  it("refuses a region outside the enterprise's province, the province itself and the nation", async () => {
    for (const code of ["150600", "140000", "100000"]) {
      const r = await create(code);
      expect(r.statusCode, code).toBe(400);
      expect(r.json().error.details[0]).toMatchObject({
        path: "regionCode",
        message: expect.stringMatching(/city or county of your organisation's province \(140000\)/),
      });
    }
  });
});
