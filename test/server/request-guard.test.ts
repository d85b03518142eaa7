import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisJobs } from "../../src/app/analysis-jobs.ts";
import { DataFolder } from "../../src/app/data-folder.ts";
import { buildApp } from "../../src/server/app.ts";
import { AppContext } from "../../src/server/context.ts";
import { hostName } from "../../src/server/request-guard.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/server/security-headers.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { freshStore } from "../storage/stores.ts";
import { CLIENT, createArea, multipart, testApp } from "./test-app.ts";

const files = mkdtempSync(join(tmpdir(), "mc-guard-"));
writeCodeRaster(join(files, "2000.tif"), new Uint8Array(20 * 20).fill(1), 20, 20);
writeCodeRaster(join(files, "other.tif"), new Uint8Array(20 * 20).fill(2), 20, 20);
afterAll(() => rmSync(files, { recursive: true, force: true }));

const JSON_TYPE = { "content-type": "application/json" };

describe("hostName(authority)", () => {
  it("drops the port and lower-cases, keeping IPv6 brackets", () => {
    expect(hostName("LocalHost:8080")).toBe("localhost");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
    expect(hostName("[::1]:80")).toBe("[::1]");
    expect(hostName("evil.example")).toBe("evil.example");
  });
});

describe("the request guard (in process)", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  beforeAll(async () => {
    t = await testApp("pglite");
    areaId = await createArea(t.app, "Guarded");
    const first = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/maps`,
      ...multipart({ year: "2000" }, { name: "2000.tif", bytes: readFileSync(join(files, "2000.tif")) }),
    });
    expect(first.statusCode, first.body).toBe(201);
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  const inject = (o: InjectOptions) => t.app.inject(o);
  const refused = async (o: InjectOptions, path: string) => {
    const r = await inject(o);
    expect(r.statusCode, r.body).toBe(403);
    const e = r.json().error;
    expect(e.code).toBe("forbidden");
    expect(e.details.map((d: { path: string }) => d.path)).toEqual([path]);
    return e as { message: string; details: { path: string; message: string }[] };
  };
  const mapSha = async () => (await inject({ url: `/api/areas/${areaId}/maps` })).json()[0].sha256 as string;

  it("sends the security headers with pages, API answers, files and errors", async () => {
    for (const url of ["/", "/docs", "/api/areas", "/nowhere", `/api/areas/${areaId}/maps/2000`]) {
      const r = await inject({ url });
      expect(r.headers["content-security-policy"], url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers["x-content-type-options"], url).toBe("nosniff");
      expect(r.headers["referrer-policy"], url).toBe("no-referrer");
      expect(r.headers["x-frame-options"], url).toBe("DENY");
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    const refusal = await inject({ url: "/api/areas", headers: { host: "evil.example" } });
    expect(refusal.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("answers only to its own host names (DNS rebinding)", async () => {
    for (const host of ["localhost", "localhost:8080", "127.0.0.1:9", "[::1]:8080", "LOCALHOST"])
      expect((await inject({ url: "/api/areas", headers: { host } })).statusCode, host).toBe(200);
    const e = await refused({ url: "/api/areas", headers: { host: "evil.example:8080" } }, "headers.host");
    expect(e.message).toMatch(/does not answer to the host name "evil.example"/);
    expect(e.details[0]!.message).toMatch(/--allowed-host/);
    await refused({ url: "/", headers: { host: "127.0.0.1.evil.example" } }, "headers.host");
  });

  it("answers to the host names it was given, and to no others", async () => {
    const { store, drop } = await freshStore("pglite");
    const dir = mkdtempSync(join(tmpdir(), "mc-guard-hosts-"));
    const folder = new DataFolder(dir);
    const jobs = new AnalysisJobs(store, folder, { workers: 0 });
    const app = await buildApp(
      new AppContext(store, folder, jobs, new Identity(store.db, DEFAULT_SESSION_LIFETIMES), 1 << 20),
      {
        allowedHosts: ["carbon.example.gov.cn", "10.0.0.5"],
      },
    );
    try {
      for (const host of ["carbon.example.gov.cn", "Carbon.Example.gov.cn:443", "10.0.0.5:8080"])
        expect((await app.inject({ url: "/health", headers: { host } })).statusCode, host).toBe(200);
      for (const host of ["localhost", "evil.example", "example.gov.cn"])
        expect((await app.inject({ url: "/health", headers: { host } })).statusCode, host).toBe(403);
    } finally {
      await app.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses writes from another origin, and takes them from its own", async () => {
    const body = { name: "From a page", legend: { preset: "seed001" } };
    const post = (headers: Record<string, string>) => ({
      method: "POST" as const,
      url: "/api/areas",
      payload: body,
      headers: { ...JSON_TYPE, host: "localhost:8080", ...headers },
    });
    const e = await refused(post({ origin: "https://evil.example" }), "headers.origin");
    expect(e.details[0]!.message).toMatch(/got "https:\/\/evil.example"/);
    await refused(post({ origin: "http://localhost:9999" }), "headers.origin");
    await refused(post({ origin: "null" }), "headers.origin");
    await refused(post({ "sec-fetch-site": "cross-site" }), "headers.sec-fetch-site");
    await refused(post({ "sec-fetch-site": "same-site" }), "headers.sec-fetch-site");
    expect((await inject(post({ origin: "http://localhost:8080" }))).statusCode).toBe(201);
    expect((await inject(post({ "sec-fetch-site": "same-origin" }))).statusCode).toBe(201);
    expect((await inject(post({ "sec-fetch-site": "none" }))).statusCode).toBe(201);
    expect((await inject(post({}))).statusCode).toBe(201); // a script or curl: no Origin at all
    // A default port may be in the Host and not in the Origin (browsers leave it out).
    expect((await inject(post({ host: "localhost:80", origin: "http://localhost" }))).statusCode).toBe(201);
    expect((await inject(post({ host: "localhost", origin: "https://localhost" }))).statusCode).toBe(201);
    await refused(post({ host: "localhost:8081", origin: "http://localhost" }), "headers.origin");
    await refused(post({ host: "localhost", origin: "http://localhost:8080" }), "headers.origin");
    // Reading is not refused: the browser keeps another origin from seeing the answer.
    expect(
      (await inject({ url: "/api/areas", headers: { origin: "https://evil.example" } })).statusCode,
    ).toBe(200);
  });

  it("refuses the no-cors multipart upload that replaced a map, and takes the app's own", async () => {
    const before = await mapSha();
    const upload = (headers: Record<string, string>) => {
      const m = multipart(
        { year: "2000", replace: "true" },
        { name: "x.tif", bytes: readFileSync(join(files, "other.tif")) },
      );
      return {
        method: "POST" as const,
        url: `/api/areas/${areaId}/maps`,
        payload: m.payload,
        headers: { "content-type": m.headers["content-type"], ...headers },
      };
    };
    // What a foreign page's fetch(…, {mode: "no-cors", body: formData}) sends, with and without the
    // browser's Fetch metadata (older browsers send none).
    await refused(
      upload({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      "headers.sec-fetch-site",
    );
    const e = await refused(upload({}), "headers.content-type");
    expect(e.message).toMatch(/X-MineCarbon-Client/);
    expect(await mapSha()).toBe(before);
    expect((await inject(upload(CLIENT))).statusCode).toBe(200);
    expect(await mapSha()).not.toBe(before);
  });

  it("refuses writes a form could send (no body type, text/plain, urlencoded) without the client header", async () => {
    const doomed = await createArea(t.app, "Not deleted from afar");
    await refused({ method: "DELETE", url: `/api/areas/${doomed}` }, "headers.content-type");
    await refused(
      {
        method: "POST",
        url: "/api/areas",
        payload: JSON.stringify({ name: "x", legend: { preset: "seed001" } }),
        headers: { "content-type": "text/plain" },
      },
      "headers.content-type",
    );
    await refused(
      {
        method: "POST",
        url: "/api/areas",
        payload: "name=x",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      },
      "headers.content-type",
    );
    await refused({ method: "POST", url: `/api/areas/${doomed}/analyses` }, "headers.content-type");
    expect((await inject({ url: `/api/areas/${doomed}` })).statusCode).toBe(200);
    expect(
      (await inject({ method: "DELETE", url: `/api/areas/${doomed}`, headers: CLIENT })).statusCode,
    ).toBe(204);
    // JSON needs no header: a page on another origin cannot send it without asking first.
    const patched = await inject({
      method: "PATCH",
      url: `/api/areas/${areaId}`,
      payload: { name: "Guarded, renamed" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(patched.statusCode).toBe(200);
  });
});
