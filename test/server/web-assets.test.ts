import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

describe("the web app's files", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp("pglite");
  });
  afterAll(() => t.close());

  it("answers 404, not 500, for a name that is not one file of the bundle", async () => {
    for (const name of [".hidden", "..%2F..%2Fpackage.json"]) {
      const r = await t.app.inject({ method: "GET", url: `/assets/${name}` });
      expect(r.statusCode, name).toBe(404);
      expect(r.json().error.code, name).toBe("not-found");
    }
    // "." and ".." as an HTTP client that does not resolve dot segments sends them (inject resolves them).
    const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    for (const name of ["..", "."]) {
      const status = await new Promise<number | undefined>((resolve, reject) =>
        get(`${base}/assets/${name}`, { path: `/assets/${name}` }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on("error", reject),
      );
      expect(status, name).toBe(404);
    }
  });

  it("serves the CJK font uncompressed with a validator; asked again it answers 304", async () => {
    const url = "/assets/fonts/noto-sans-sc.ttf";
    const first = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.headers["cache-control"]).toMatch(/max-age=\d+/);
    expect(first.headers["last-modified"]).toBeTruthy();
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await t.app.inject({ method: "GET", url, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const since = first.headers["last-modified"] as string;
    const bySince = await t.app.inject({ method: "GET", url, headers: { "if-modified-since": since } });
    expect(bySince.statusCode).toBe(304);
    const other = await t.app.inject({ method: "GET", url, headers: { "if-none-match": 'W/"0-0"' } });
    expect(other.statusCode).toBe(200);
  });
});
