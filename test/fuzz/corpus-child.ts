// The process that runs corpus cases one after another and reports each to its parent
// (run-corpus.ts) over IPC. It is a process of its own so that a case that crashes, hangs or eats
// memory can be stopped and counted without taking the test run down; the parent starts a new one
// for the cases after it. `root` is the source tree under test (this one, or an older checkout
// for a before/after comparison).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ApiCase, CliCase } from "./corpus-case.ts";
import { hasNonFinite } from "./corpus-case.ts";

interface Start {
  readonly mode: "cli" | "api";
  readonly root: string;
  readonly cases: readonly (CliCase | ApiCase)[];
  /** API mode: the upload files of the seeded area, and headers every request carries. */
  readonly seed?: {
    readonly maps: readonly { year: number; file: string }[];
    readonly legendCsv: string;
    readonly inventory: string;
  };
  readonly headers?: Readonly<Record<string, string>>;
  /** CLI mode: a port that is in use, for `{busy-port}`. */
  readonly busyPort?: number;
}

export interface ChildResult {
  readonly id: string;
  readonly status: number;
  readonly message: string;
  readonly nonFinite: boolean;
  /** The answer is a failed job's error (the request itself was accepted with 202). */
  readonly fromJob?: boolean;
  readonly ms: number;
}

/**
 * Whether the current case made JSON of a number that is not finite: JSON.stringify writes NaN and
 * ±∞ as null, so the output alone cannot tell a missing figure from a broken one. Every
 * JSON.stringify of this process is watched (CLI --json output, API bodies, rows stored as jsonb).
 */
let serialisedNonFinite = false;
const stringify = JSON.stringify;
JSON.stringify = ((value: unknown, replacer?: unknown, space?: string | number) =>
  stringify(
    value,
    function (this: unknown, key: string, v: unknown) {
      if (typeof v === "number" && !Number.isFinite(v)) serialisedNonFinite = true;
      if (typeof replacer === "function") return replacer.call(this, key, v);
      if (Array.isArray(replacer) && key !== "" && !Array.isArray(this) && !replacer.includes(key))
        return undefined;
      return v;
    },
    space,
  )) as typeof JSON.stringify;

const send = (m: unknown) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
const load = (root: string, path: string) => import(pathToFileURL(join(root, path)).href);

async function runCli(start: Start): Promise<void> {
  const { main } = (await load(start.root, "src/cli/main.ts")) as {
    main: (argv: string[], write: (s: string) => void) => Promise<number>;
  };
  for (const c of start.cases as CliCase[]) {
    await send({ start: c.id });
    serialisedNonFinite = false;
    const argv = c.argv.map((a) => a.replace("{busy-port}", String(start.busyPort ?? 1)));
    let out = "";
    let err = "";
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    }) as typeof process.stderr.write;
    const t0 = performance.now();
    let status: number;
    try {
      status = await main(["node", "minecarbon", ...argv], (s) => {
        out += s;
      });
    } catch (e) {
      // main() reports every error itself; one escaping it is a crash of the command.
      err += `escaped main(): ${(e as Error)?.stack ?? String(e)}`;
      status = 1;
    } finally {
      process.stderr.write = writeErr;
    }
    await send({
      result: {
        id: c.id,
        status,
        message: err.slice(0, 2000),
        nonFinite: status === 0 && (serialisedNonFinite || hasNonFinite(out)),
        ms: performance.now() - t0,
      } satisfies ChildResult,
    });
  }
}

async function runApi(start: Start): Promise<void> {
  const { testApp, multipart } = await load(start.root, "test/server/test-app.ts");
  const t = await testApp("pglite", { maxUploadBytes: 64 << 20 });
  const headers = start.headers ?? {};
  // A header given as "" in a case is left out (e.g. a request without the web app's header).
  const inject = (o: Record<string, unknown>) =>
    t.app.inject({
      ...o,
      headers: Object.fromEntries(
        Object.entries({ ...headers, ...((o.headers as object) ?? {}) }).filter(([, v]) => v !== ""),
      ),
    });
  const seed = start.seed!;
  const legend = seed.legendCsv
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => {
      const [code, name, key] = l.split(",");
      return { code: Number(code), name, key };
    });
  const newArea = async (name: string) => {
    const r = await inject({
      method: "POST",
      url: "/api/areas",
      payload: { name, legend: { classes: legend } },
    });
    if (r.statusCode !== 201) throw new Error(`seeding an area failed: ${r.body}`);
    return r.json().id as string;
  };
  const area = await newArea("fuzz");
  for (const m of seed.maps) {
    const body = multipart({ year: String(m.year) }, { name: `${m.year}.tif`, bytes: readFileSync(m.file) });
    const r = await inject({
      method: "POST",
      url: `/api/areas/${area}/maps`,
      payload: body.payload,
      headers: body.headers,
    });
    if (r.statusCode !== 201) throw new Error(`seeding a map failed: ${r.body}`);
  }
  const inv = await inject({
    method: "POST",
    url: `/api/areas/${area}/inventories`,
    payload: JSON.parse(seed.inventory),
  });
  if (inv.statusCode !== 201) throw new Error(`seeding an inventory failed: ${inv.body}`);
  const inventory = inv.json()[0].id as string;

  for (const c of start.cases as ApiCase[]) {
    await send({ start: c.id });
    serialisedNonFinite = false;
    const t0 = performance.now();
    const fill = (s: string) => s.replaceAll("{area}", area).replaceAll("{inventory}", inventory);
    let url = fill(c.url);
    if (url.includes("{fresh}")) url = url.replace("{fresh}", await newArea(`fresh ${c.id}`));
    const req: Record<string, unknown> = { method: c.method, url, headers: c.headers ?? {} };
    if (c.body && "json" in c.body) req.payload = JSON.parse(fill(JSON.stringify(c.body.json)));
    else if (c.body && "raw" in c.body) {
      req.payload = fill(c.body.raw);
      req.headers = { "content-type": "application/json", ...(c.headers ?? {}) };
    } else if (c.body && "upload" in c.body) {
      const u = c.body.upload;
      const body = multipart(
        u.year === undefined ? {} : { year: u.year },
        u.file === undefined ? undefined : { name: "map.tif", bytes: readFileSync(u.file) },
      );
      req.payload = body.payload;
      req.headers = { ...body.headers, ...(c.headers ?? {}) };
    }
    let r = await inject(req);
    let status = r.statusCode;
    let text = r.body;
    let fromJob = false;
    // An accepted job is followed to its end: a job that fails is the request's real answer.
    const job = r.headers.location;
    if (status === 202 && job) {
      for (;;) {
        r = await inject({ url: String(job) });
        const j = r.json();
        if (j.state === "done" || j.state === "failed") {
          if (j.state === "failed") {
            const code = j.error?.code ?? "internal";
            status = code === "internal" ? 500 : 422;
            fromJob = true;
            text = JSON.stringify(j.error);
          }
          break;
        }
        await new Promise((res) => setTimeout(res, 25));
      }
    }
    let message = text;
    try {
      const e = JSON.parse(text).error;
      if (e)
        message = [
          e.message,
          ...(e.details ?? []).map((d: { path: string; message: string }) => `${d.path}: ${d.message}`),
        ].join("\n");
    } catch {
      // not JSON: keep the text
    }
    await send({
      result: {
        id: c.id,
        status,
        message: message.slice(0, 2000),
        nonFinite: status < 300 && (serialisedNonFinite || hasNonFinite(text)),
        fromJob,
        ms: performance.now() - t0,
      } satisfies ChildResult,
    });
  }
  await t.close();
}

process.once("message", (start: Start) => {
  void (start.mode === "cli" ? runCli(start) : runApi(start))
    .then(() => send({ done: true }))
    .then(() => process.exit(0))
    .catch(async (e) => {
      // On stderr too: the parent may see the exit before the message.
      process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
      await send({ fatal: (e as Error)?.stack ?? String(e) });
      process.exit(3);
    });
});
