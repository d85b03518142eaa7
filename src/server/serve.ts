import { hostname, networkInterfaces } from "node:os";
import { createServer, isIP } from "node:net";
import { AnalysisJobs } from "../app/analysis-jobs.ts";
import { DataFolder } from "../app/data-folder.ts";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../app/auth/identity.ts";
import { hasUsers, loadDemo } from "../app/demo.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { openStore } from "../storage/open-database.ts";
import { loadDemoHistory } from "./demo/demo-history.ts";
import { rowSecurityProblems } from "../storage/row-security.ts";
import { asSystem } from "../storage/row-scope.ts";
import { buildApp } from "./app.ts";
import { AppContext, DEFAULT_MAX_MAP_PIXELS } from "./context.ts";
import { LOOPBACK_HOSTS } from "./request-guard.ts";
import { webBundle } from "./web-bundle.ts";

/** Largest map upload accepted by default: 1 GiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1 << 30;

export interface ServeOptions {
  readonly port: number;
  readonly host?: string;
  /** Files (maps, analyses, reports), and the PGlite database when no databaseUrl is given. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /**
   * postgres://… of the tables' owner, who runs the migrations and grants the role of databaseUrl
   * what it needs ($MINECARBON_MIGRATION_URL). The server itself must not connect as a role that
   * could bypass row-level security: it refuses to start on one.
   */
  readonly migrationUrl?: string;
  /**
   * Load the demo (organisations, accounts with a shared password, areas) into an empty store. By
   * default only on the embedded store served on a loopback address: a server others can reach, or
   * a PostgreSQL database, never gets demo accounts unless asked.
   */
  readonly demo?: boolean;
  /**
   * The demo accounts' password (MINECARBON_DEMO_PASSWORD); when omitted a random one is made and
   * printed once through `warn`.
   */
  readonly demoPassword?: string;
  readonly workers?: number;
  readonly maxUploadBytes?: number;
  /** Largest map accepted, pixels (default DEFAULT_MAX_MAP_PIXELS). */
  readonly maxMapPixels?: number;
  /**
   * More host names the server answers to (the Host header; `--allowed-host`), e.g. the DNS name of
   * a proxy in front of it. The loopback names and the listen address are always allowed.
   */
  readonly allowedHosts?: readonly string[];
  /** The addresses of a TLS proxy in front of the server (`--trust-proxy`); see AppOptions. */
  readonly trustProxy?: string;
  /** Where warnings go (default stderr). */
  readonly warn?: (text: string) => void;
}

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", ""]);

/** Whether a listen address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The Host header names a server on `listenHost` answers to by default, plus `extra`. */
export function defaultAllowedHosts(listenHost: string, extra: readonly string[] = []): string[] {
  const names = new Set([...LOOPBACK_HOSTS, ...extra]);
  const bracket = (a: string) => (isIP(a) === 6 ? `[${a}]` : a);
  if (WILDCARDS.has(listenHost)) {
    // Every address of this machine, and its name: what clients on the network will type.
    names.add(hostname());
    for (const list of Object.values(networkInterfaces()))
      for (const i of list ?? []) names.add(bracket(i.address.replace(/%.*$/, "")));
  } else names.add(bracket(listenHost.replace(/^\[|\]$/g, "")));
  return [...names];
}

/** A listen error that is the operator's to fix, said in the terms of the `serve` options. */
function listenProblem(e: unknown, host: string, port: number): InputError | undefined {
  const code = (e as NodeJS.ErrnoException).code;
  const message =
    code === "EADDRINUSE"
      ? `port ${port} is in use; choose another with --port`
      : code === "EACCES"
        ? `port ${port} needs privileges this user lacks; choose one above 1023 with --port`
        : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? `address ${host} is not one of this machine's; choose another with --host (127.0.0.1 for this machine only, 0.0.0.0 for all)`
          : undefined;
  return message
    ? new InputError("serve", [
        { path: code === "EADDRINUSE" || code === "EACCES" ? "--port" : "--host", message },
      ])
    : undefined;
}

/** Binds the address once and lets go, so that a port in use stops serve before it opens the store. */
async function checkListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen({ port, host, exclusive: true }, resolve);
    });
  } catch (e) {
    throw listenProblem(e, host, port) ?? e;
  } finally {
    await new Promise((r) => probe.close(r));
  }
}

/**
 * `minecarbon serve`: the API and web app on PGlite in `dataDir` (no database server to install),
 * or on the PostgreSQL server of `databaseUrl`. What killed processes left in the data folder's tmp
 * is removed; migrations run on open; unfinished jobs resume; an empty store gets the demo. A port
 * in use or an address not of this machine is bad input (exit 2). Returns the URL and a stop function.
 */
export async function serve(o: ServeOptions) {
  const host = o.host ?? "127.0.0.1";
  const warn = o.warn ?? ((text: string) => process.stderr.write(`${text}\n`));
  await checkListen(host, o.port);
  const folder = new DataFolder(o.dataDir);
  const leftovers = folder.removeLeftovers();
  const store = await openStore(
    o.databaseUrl
      ? { databaseUrl: o.databaseUrl, ...(o.migrationUrl ? { migrationUrl: o.migrationUrl } : {}) }
      : { dataDir: `${o.dataDir}/db` },
  );
  if (store.kind === "postgres") {
    const problems = await rowSecurityProblems(store.db);
    if (problems.length) {
      await store.close();
      throw new InputError("DATABASE_URL", [
        {
          path: "",
          message: `must connect as a role for which row-level security holds (the second line of tenant isolation); the server does not start: ${problems.join("; ")}`,
        },
      ]);
    }
  }
  const jobs = new AnalysisJobs(store, folder, o.workers !== undefined ? { workers: o.workers } : {});
  const ctx = new AppContext(
    store,
    folder,
    jobs,
    new Identity(store.db, DEFAULT_SESSION_LIFETIMES),
    o.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    o.maxMapPixels ?? DEFAULT_MAX_MAP_PIXELS,
  );
  const app = await buildApp(ctx, {
    allowedHosts: defaultAllowedHosts(host, o.allowedHosts),
    ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
  });
  try {
    await webBundle();
    let address: string;
    try {
      // The port may have been taken since checkListen.
      address = await app.listen({ port: o.port, host });
    } catch (e) {
      throw listenProblem(e, host, o.port) ?? e;
    }
    if (!isLoopback(host))
      warn(
        `warning: serving on ${host} over plain HTTP: anyone on the network can read the data and, ` +
          "from a page of this server, change it. Put a TLS proxy (HTTPS) in front of it and name it with --allowed-host.",
      );
    const resumed = await jobs.resume();
    const wantDemo = o.demo ?? (!o.databaseUrl && isLoopback(host));
    // Loading the demo is the system's work (row-scope.ts), as the administrator's command line is.
    const loaded = !wantDemo
      ? { areas: [], directory: null }
      : await asSystem(() => loadDemo(store, folder, jobs, o.demoPassword, warn));
    const demo = loaded.areas;
    // The demo's management history is made by its accounts through the API, as users would; what
    // needs the land-use analysis runs once it is done, in the background. A failure is said, not fatal.
    const history = loaded.directory
      ? loadDemoHistory({ app, base: address, directory: loaded.directory, jobs }).then((h) => h.later)
      : Promise.resolve();
    const demoHistory = history.catch((e: unknown) =>
      warn(`the demo's history could not be completed: ${e instanceof Error ? e.message : String(e)}`),
    );
    if (!(await asSystem(() => hasUsers(store))))
      warn(
        "no users yet: create an administrator with `minecarbon users add <name> --org 1 --role administrator` (password from stdin)",
      );
    return {
      url: address,
      store,
      ctx,
      resumed,
      demo,
      /** Settles when the demo's history is complete (what needs the land-use analysis included). */
      demoHistory,
      /** Names removed from the data folder's tmp (left by processes that died). */
      leftovers,
      stop: async () => {
        // The demo's history talks to the app: let it finish (it waits for the jobs, as stop does).
        await demoHistory;
        await app.close();
        await jobs.whenIdle();
        await store.close();
      },
    };
  } catch (e) {
    await app.close();
    await jobs.whenIdle();
    await store.close();
    throw e;
  }
}
