import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, testApp } from "./test-app.ts";

describe.each(STORE_KINDS)("HTTP API in process on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let app: Awaited<ReturnType<typeof testApp>>["app"];
  beforeAll(async () => {
    t = await testApp(kind);
    app = t.app;
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("creates, reads, changes, lists and deletes a mining area", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "Pingshuo", nameZh: "平朔", crs: "EPSG:4546", legend: { preset: "seed001" } },
    });
    expect(created.statusCode).toBe(201);
    const area = created.json();
    expect(area).toMatchObject({ name: "Pingshuo", nameZh: "平朔", legend: { preset: "seed001" } });
    expect((await app.inject({ url: `/api/areas/${area.id}` })).json().crs).toBe("EPSG:4546");
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/areas/${area.id}`,
      payload: { name: "Pingshuo field" },
    });
    expect(patched.json().name).toBe("Pingshuo field");
    expect((await app.inject({ url: "/api/areas" })).json().map((a: { id: string }) => a.id)).toContain(
      area.id,
    );
    expect(
      (await app.inject({ method: "DELETE", url: `/api/areas/${area.id}`, headers: CLIENT })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: `/api/areas/${area.id}` })).statusCode).toBe(404);
  });

  it("answers bad input with 400 and the path of every problem", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "", legend: { classes: [{ code: -1, name: "x", colour: "green" }] }, extra: 1 },
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe("bad-input");
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["name", "legend.classes[0].code", "legend.classes[0].colour"]),
    );
    expect(
      body.error.details.some((d: { message: string }) => /extra/.test(d.message) || d.message.length > 0),
    ).toBe(true);
    const notJson = await app.inject({
      method: "POST",
      url: "/api/areas",
      payload: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe("bad-json");
    expect((await app.inject({ url: "/api/areas/abc" })).json().error).toMatchObject({ code: "not-found" });
    expect((await app.inject({ url: "/nowhere" })).statusCode).toBe(404);
  });

  it("describes itself in OpenAPI 3.1 from the same schemas", async () => {
    const doc = (await app.inject({ url: "/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const post = doc.paths["/api/areas"].post;
    expect(post.requestBody.content["application/json"].schema.required).toEqual(["name", "legend"]);
    // Errors answer the one error body, declared once as a component.
    expect(post.responses["400"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/ErrorBody",
    );
    expect(doc.components.schemas.ErrorBody.properties.error).toBeDefined();
    // Every write says that the request guard may refuse it, and how to send one that passes.
    expect(post.responses["403"].description).toMatch(/X-MineCarbon-Client/);
    expect(doc.paths["/api/areas/{id}"].delete.responses["403"]).toBeDefined();
    expect(doc.paths["/api/areas"].get.responses["403"]).toBeUndefined();
  });
});

describe("minecarbon serve", () => {
  it("starts on PGlite in a data folder and answers over HTTP", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mc-serve-"));
    // A port that was free a moment ago (a fixed or random one may be taken on a shared machine).
    const probe = createServer();
    await new Promise<void>((r) => probe.listen({ port: 0, host: "127.0.0.1" }, r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, "..", "..", "bin", "minecarbon.mjs"),
        "serve",
        "--port",
        String(port),
        "--data",
        join(dir, "data"),
        "--no-demo",
      ],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /running: open (\S+?)\/ /.exec(out);
          if (m) resolve(m[1]!);
        });
        // No timer: on a busy machine starting takes what it takes (the test's timeout bounds it).
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(((await (await fetch(`${url}/health`)).json()) as { store: string }).store).toBe("pglite");
      const r = await fetch(`${url}/api/areas`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Over HTTP", legend: { preset: "clcd" } }),
      });
      // Nobody is signed in, and a store without users says how to make the first one.
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("not-signed-in");
      expect(err).toMatch(/no users yet: create an administrator with `minecarbon users add/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  }, 180_000);
});
