import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/contract/error-codes.ts";
import { CLIENT, multipart, testApp } from "./test-app.ts";

/**
 * Fastify's own refusals of a malformed request (no route, a method the route does not take, a
 * content type not taken, bad JSON, a body or file over its limit) answer with a code of the error
 * table, its status, and details naming the part of the request at fault.
 */
describe("fastify's own 4xx refusals answer by the error table", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  beforeAll(async () => {
    t = await testApp("pglite", { maxUploadBytes: 500 });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "Refusals", legend: { preset: "seed001" } },
    });
    areaId = r.json().id;
  });
  afterAll(() => t.close());

  /** The answer's status, error body and Allow header; the status must be the table's for the code. */
  const answer = (r: Awaited<ReturnType<typeof t.app.inject>>) => {
    const { error } = r.json();
    expect(ERROR_CODES[error.code as keyof typeof ERROR_CODES]?.status, error.code).toBe(r.statusCode);
    return { status: r.statusCode, allow: r.headers.allow, ...error };
  };

  it("an unknown route: 404 unknown-route naming method and path (not the query)", async () => {
    const r = await t.app.inject({ url: "/api/nothing-here?secret=1" });
    expect(answer(r)).toMatchObject({
      status: 404,
      code: "unknown-route",
      message: "no route GET /api/nothing-here",
      details: [{ path: "url" }],
    });
    // A stored thing that does not exist stays "not-found".
    expect(answer(await t.app.inject({ url: "/api/areas/999999" })).code).toBe("not-found");
  });

  it("a method the route does not take: 405 method-not-allowed with the Allow header", async () => {
    const r = await t.app.inject({ method: "DELETE", url: "/api/areas", headers: CLIENT });
    expect(answer(r)).toMatchObject({
      status: 405,
      code: "method-not-allowed",
      allow: "GET, HEAD, POST",
      details: [{ path: "method", message: "must be one of GET, HEAD, POST; got DELETE" }],
    });
    const put = await t.app.inject({ method: "PUT", url: `/api/areas/${areaId}/maps`, headers: CLIENT });
    expect(answer(put)).toMatchObject({ status: 405, allow: "GET, HEAD, POST" });
  });

  it("a content type not taken: 415 unsupported-media-type naming the type", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      headers: { ...CLIENT, "content-type": "application/xml" },
      payload: "<area/>",
    });
    expect(answer(r)).toMatchObject({
      status: 415,
      code: "unsupported-media-type",
      details: [
        {
          path: "content-type",
          message: expect.stringMatching(/^must be application\/json .*got application\/xml$/),
        },
      ],
    });
  });

  it("bad or empty JSON: 400 bad-json at the body", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      headers: { "content-type": "application/json" },
      payload: '{"name": "x",',
    });
    expect(answer(bad)).toMatchObject({ status: 400, code: "bad-json", details: [{ path: "body" }] });
    const empty = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      headers: { "content-type": "application/json" },
      payload: "",
    });
    expect(answer(empty)).toMatchObject({ status: 400, code: "bad-json", details: [{ path: "body" }] });
  });

  it("a body over the limit: 413 too-large naming the body and its limit (JSON 4 MiB, CSV 1 MiB)", async () => {
    const json = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ name: "x".repeat(5 << 20) }),
    });
    expect(answer(json)).toMatchObject({
      status: 413,
      code: "too-large",
      message: "the body is larger than the limit of 4,194,304 bytes",
      details: [{ path: "body", message: "must be at most 4194304 bytes" }],
    });
    const csv = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/legend/csv`,
      headers: { ...CLIENT, "content-type": "text/csv" },
      payload: "code,name\n".padEnd((1 << 20) + 10, "x"),
    });
    expect(answer(csv)).toMatchObject({
      status: 413,
      code: "too-large",
      details: [{ path: "body", message: "must be at most 1048576 bytes" }],
    });
  });

  it("an uploaded file over the limit: 413 too-large naming the file field and the limit", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/maps`,
      ...multipart({ year: "2000" }, { name: "2000.tif", bytes: Buffer.alloc(5000, 1) }),
    });
    expect(answer(r)).toMatchObject({
      status: 413,
      code: "too-large",
      message: "the file is larger than the limit of 500 bytes",
      details: [{ path: "file", message: expect.stringMatching(/^must be at most 500 bytes; /) }],
    });
  });
});
