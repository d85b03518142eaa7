import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnalysisJobs } from "../../src/app/analysis-jobs.ts";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { DataFolder } from "../../src/app/data-folder.ts";
import { buildApp } from "../../src/server/app.ts";
import { AppContext } from "../../src/server/context.ts";
import { freshStore } from "../storage/stores.ts";
import { TEST_PASSWORD, testDirectory } from "./test-directory.ts";

/** A login through a TLS proxy, with and without `trustProxy`: the session cookie's Secure flag. */
async function cookieBehindProxy(trustProxy: string | undefined): Promise<string> {
  const { store, drop } = await freshStore("pglite");
  const dir = mkdtempSync(join(tmpdir(), "mc-proxy-"));
  const folder = new DataFolder(dir);
  const identity = new Identity(store.db, DEFAULT_SESSION_LIFETIMES);
  const app = await buildApp(
    new AppContext(store, folder, new AnalysisJobs(store, folder, { workers: 0 }), identity, 1 << 20),
    { allowedHosts: ["carbon.example.gov.cn"], ...(trustProxy ? { trustProxy } : {}) },
  );
  try {
    await testDirectory(store.db, identity);
    const r = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      // inject comes from 127.0.0.1: the proxy.
      headers: {
        host: "carbon.example.gov.cn",
        "x-forwarded-proto": "https",
        origin: "https://carbon.example.gov.cn",
      },
      payload: { username: "editor-a", password: TEST_PASSWORD },
    });
    expect(r.statusCode, r.body).toBe(200);
    return String([r.headers["set-cookie"]].flat().find((c) => String(c).startsWith("mc_session=")));
  } finally {
    await app.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("serve --trust-proxy", () => {
  it("makes the session cookie Secure when the trusted proxy says the client used https", async () => {
    expect(await cookieBehindProxy("127.0.0.1")).toMatch(/;\s*Secure/i);
  }, 60_000);
});
