import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { AnalysisJobs } from "../../src/app/analysis-jobs.ts";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { DataFolder } from "../../src/app/data-folder.ts";
import { buildApp } from "../../src/server/app.ts";
import { AppContext } from "../../src/server/context.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { freshStore } from "../storage/stores.ts";
import { testDirectory } from "./test-directory.ts";

/**
 * An app on a fresh store of `kind` with its own data folder and the test directory's organisations
 * and accounts; `close` removes everything. Its `inject` acts as enterprise A's editor (an API
 * token) unless a request carries its own `authorization` or `cookie` header — send
 * `ANONYMOUS` to ask as the public.
 */
export async function testApp(kind: string, o: { maxUploadBytes?: number; maxMapPixels?: number } = {}) {
  // As the server connects: on PostgreSQL, a role under row-level security.
  const { store, drop, ownerUrl } = await freshStore(kind, { as: "application" });
  const dir = mkdtempSync(join(tmpdir(), "mc-api-"));
  const folder = new DataFolder(dir);
  const jobs = new AnalysisJobs(store, folder, { workers: 0 });
  const identity = new Identity(store.db, DEFAULT_SESSION_LIFETIMES);
  const ctx = new AppContext(store, folder, jobs, identity, o.maxUploadBytes ?? 64 << 20, o.maxMapPixels);
  const app: FastifyInstance = await buildApp(ctx);
  // The test's organisations and accounts are set up the way the administrator's command line would.
  const directory = await asSystem(() => testDirectory(store.db, identity));
  const auth = { authorization: `Bearer ${directory.tokenA}` };
  actAs(app, auth.authorization);
  return {
    app,
    /** The header of enterprise A's editor, for requests that do not go through `inject`. */
    auth,
    ctx,
    jobs,
    dir,
    directory,
    /** On PostgreSQL, the tables' owner's URL (the app connects as an application role). */
    ownerUrl,
    close: async () => {
      await app.close();
      await jobs.whenIdle();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headers of a request from the public (no credential; the test app's default is not added). */
export const ANONYMOUS = { authorization: "" } as const;

/** Makes `app.inject` send `authorization` unless a request names its own credential. */
function actAs(app: FastifyInstance, authorization: string): void {
  const inject = app.inject.bind(app) as (o: unknown) => unknown;
  (app as { inject: unknown }).inject = (o: unknown) => {
    if (o === undefined) return inject(o);
    const opts = (typeof o === "string" ? { url: o } : o) as { headers?: Record<string, unknown> };
    const headers = Object.fromEntries(
      Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    if (!("authorization" in headers) && !("cookie" in headers)) headers.authorization = authorization;
    return inject({ ...opts, headers });
  };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; field?: string },
) {
  const boundary = `----mc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\nContent-Type: image/tiff\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    // A form post from another site could not add the client header; the server refuses it without.
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...CLIENT },
  };
}

/** The header the web app sends with writes that are not JSON (uploads, DELETE). */
export const CLIENT = { "x-minecarbon-client": "test" } as const;

/**
 * Polls a job through the API until it ends, however long that takes on a busy machine (the
 * test's own timeout bounds it).
 */
export async function waitForJob(app: FastifyInstance, id: string) {
  for (;;) {
    const j = (await app.inject({ url: `/api/jobs/${id}` })).json();
    if (j.state === "done" || j.state === "failed") return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Creates a mining area with seed 001's legend through the API and returns its id. */
export async function createArea(app: FastifyInstance, name: string): Promise<string> {
  const r = await app.inject({
    method: "POST",
    url: "/api/areas",
    payload: { name, legend: { preset: "seed001" } },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json().id;
}
