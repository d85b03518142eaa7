import { openStore } from "../storage/open-database.ts";
import { buildApp } from "./app.ts";

/**
 * `minecarbon serve`: the API on PGlite in `dataDir` (no database server to install), or on the
 * PostgreSQL server of `databaseUrl`. Returns the URL and a stop function.
 */
export async function serve(o: { port: number; host?: string; dataDir: string; databaseUrl?: string }) {
  const store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.dataDir });
  const app = buildApp(store);
  const address = await app.listen({ port: o.port, host: o.host ?? "127.0.0.1" });
  return {
    url: address,
    store,
    stop: async () => {
      await app.close();
      await store.close();
    },
  };
}
