import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryInDataFolder } from "./test-directory.ts";
import { multipart } from "./test-app.ts";

const root = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "mc-serve-options-"));
let server: ChildProcess;
let url: string;

/** A request with a chosen Host header (fetch sets its own). */
function send(
  path: string,
  o: { method?: string; host?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { method: o.method ?? "GET", headers: { ...(o.host ? { host: o.host } : {}), ...o.headers } },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", reject);
    req.end(o.body);
  });
}

// `minecarbon serve` as an operator starts it: the options reach the server.
describe("minecarbon serve --allowed-host --max-map-pixels", () => {
  let auth: { authorization: string };
  beforeAll(async () => {
    auth = await directoryInDataFolder(join(dir, "data"));
    server = spawn(
      process.execPath,
      [
        join(root, "bin", "minecarbon.mjs"),
        "serve",
        "--port",
        "0",
        "--no-demo",
        "--data",
        join(dir, "data"),
        "--allowed-host",
        "carbon.example.org",
        "--max-map-pixels",
        "1000",
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (d) => {
        out += d;
        const m = /running: open (http:\/\/\S+)\/ in a browser/.exec(out);
        if (m) resolve(m[1]!.replace("localhost", "127.0.0.1"));
      });
      server.on("exit", (code) => reject(new Error(`serve ended (${code}): ${out}`)));
    });
  });
  afterAll(async () => {
    if (server.exitCode === null) {
      const ended = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await ended;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers to an allowed host name and refuses others", async () => {
    expect((await send("/health", { host: "carbon.example.org" })).status).toBe(200);
    expect((await send("/health", { host: "localhost" })).status).toBe(200);
    const other = await send("/health", { host: "evil.example" });
    expect(other.status).toBe(403);
    expect(other.body).toContain("--allowed-host");
  });

  it("refuses a map above the pixel limit from its header (413)", async () => {
    const area = await send("/api/areas", {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ name: "limit", legend: { preset: "seed001" } }),
    });
    expect(area.status, area.body).toBe(201);
    const tif = readFileSync(join(root, "test", "fixtures", "geotiff-variants", "striped-lzw.tif"));
    const body = multipart({ year: "2002" }, { name: "300x300.tif", bytes: tif });
    const r = await send(`/api/areas/${JSON.parse(area.body).id}/maps`, {
      method: "POST",
      headers: { ...body.headers, ...auth },
      body: body.payload,
    });
    expect(r.status, r.body).toBe(413);
    expect(r.body).toMatch(/90,000|1,000/);
  });
});
