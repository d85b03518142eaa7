import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer, type Server } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { defaultAllowedHosts, isLoopback, serve } from "../../src/server/serve.ts";

const dir = mkdtempSync(join(tmpdir(), "mc-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GET with a chosen Host header (fetch may not set one). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serve on a port in use", () => {
  let other: Server;
  let port: number;
  beforeAll(async () => {
    other = createServer();
    await new Promise<void>((r) => other.listen({ port: 0, host: "127.0.0.1" }, r));
    port = (other.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => other.close(r)));

  it("is bad input that says so and what to do, before it opens the store", async () => {
    const data = join(dir, "busy");
    const e = await serve({ port, dataDir: data, demo: false }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "bad-input" });
    expect((e as Error).message).toContain(`port ${port} is in use; choose another with --port`);
    expect(existsSync(join(data, "db"))).toBe(false);
  });

  it("makes `minecarbon serve` exit 2 with that message, not an internal error", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const code = await main(
        ["node", "minecarbon", "serve", "--port", String(port), "--data", join(dir, "busy-cli"), "--no-demo"],
        () => undefined,
      );
      const text = err.mock.calls.map((c) => String(c[0])).join("");
      expect(code).toBe(2);
      expect(text).toContain(`port ${port} is in use; choose another with --port`);
      expect(text).not.toMatch(/internal error|a bug/);
    } finally {
      err.mockRestore();
    }
  });
});

describe("serve's host names and warnings", () => {
  it("tells loopback addresses from the others", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "example.org"])
      expect(isLoopback(h), h).toBe(false);
  });

  it("answers to the listen address and loopback names, or to every address of the machine on 0.0.0.0", () => {
    expect(defaultAllowedHosts("10.0.0.5", ["carbon.example.gov.cn"]).sort()).toEqual(
      ["10.0.0.5", "127.0.0.1", "[::1]", "carbon.example.gov.cn", "localhost"].sort(),
    );
    expect(defaultAllowedHosts("::1")).toContain("[::1]");
    const all = defaultAllowedHosts("0.0.0.0");
    expect(all).toContain(hostname());
    expect(all).not.toContain("0.0.0.0");
  });

  it("warns when it serves plain HTTP beyond this machine, and not on loopback", async () => {
    const warnings: string[] = [];
    // A store without users also says how to make the first one; that is not about HTTP.
    const warn = (s: string) => void (/^no users yet/.test(s) || warnings.push(s));
    const local = await serve({ port: 0, dataDir: join(dir, "loopback"), demo: false, warn });
    await local.stop();
    expect(warnings).toEqual([]);
    const wide = await serve({ port: 0, host: "0.0.0.0", dataDir: join(dir, "wide"), demo: false, warn });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/serving on 0\.0\.0\.0 over plain HTTP.*TLS/);
      const url = wide.url.replace("0.0.0.0", "127.0.0.1");
      expect(await getWithHost(`${url}/health`, hostname())).toBe(200);
      expect(await getWithHost(`${url}/health`, "rebound.evil.example")).toBe(403);
    } finally {
      await wide.stop();
    }
  }, 120_000);
});
