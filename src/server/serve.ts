import { AnalysisJobs } from "../app/analysis-jobs.ts";
import { DataFolder } from "../app/data-folder.ts";
import { loadDemoAreas } from "../app/demo-areas.ts";
import { openStore } from "../storage/open-database.ts";
import { buildApp } from "./app.ts";
import { AppContext } from "./context.ts";
import { webBundle } from "./web-bundle.ts";

/** Largest map upload accepted by default: 1 GiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1 << 30;

export interface ServeOptions {
  readonly port: number;
  readonly host?: string;
  /** Files (maps, analyses, reports), and the PGlite database when no databaseUrl is given. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** Load the demo areas into an empty store (default true). */
  readonly demo?: boolean;
  readonly workers?: number;
  readonly maxUploadBytes?: number;
}

/**
 * `minecarbon serve`: the API and web app on PGlite in `dataDir` (no database server to install),
 * or on the PostgreSQL server of `databaseUrl`. Migrations run on open; unfinished jobs resume;
 * an empty store gets the demo. Returns the URL and a stop function.
 */
export async function serve(o: ServeOptions) {
  const store = await openStore(
    o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: `${o.dataDir}/db` },
  );
  const folder = new DataFolder(o.dataDir);
  const jobs = new AnalysisJobs(store, folder, o.workers !== undefined ? { workers: o.workers } : {});
  const ctx = new AppContext(store, folder, jobs, o.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const app = await buildApp(ctx);
  try {
    await webBundle();
    const resumed = await jobs.resume();
    const demo = o.demo === false ? [] : await loadDemoAreas(store, folder, jobs);
    const address = await app.listen({ port: o.port, host: o.host ?? "127.0.0.1" });
    return {
      url: address,
      store,
      ctx,
      resumed,
      demo,
      stop: async () => {
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
