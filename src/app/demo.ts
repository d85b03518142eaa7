import { SYSTEM_SCOPE } from "../domain/access/policy.ts";
import { MiningAreaRepository } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import type { AnalysisJobs } from "./analysis-jobs.ts";
import type { DataFolder } from "./data-folder.ts";
import { loadDemoAreas } from "./demo-areas.ts";
import { DEMO_ACCOUNTS, loadDemoDirectory, type DemoDirectory } from "./demo-directory.ts";

/**
 * Loads the whole demo into an empty store — its directory (organisations, mines, one account per
 * role) and its areas — and says how to sign in. Does nothing when any area or user exists, so a
 * restart never duplicates it and a store in use never gets demo accounts. Returns the area ids and
 * the directory (null when nothing was loaded); the server then gives the demo its management
 * history through the API (src/server/demo/demo-history.ts).
 */
export async function loadDemo(
  store: Store,
  folder: DataFolder,
  jobs: AnalysisJobs,
  password: string | undefined,
  say: (text: string) => void,
): Promise<{ areas: string[]; directory: DemoDirectory | null }> {
  const none = { areas: [], directory: null };
  const areas = new MiningAreaRepository(store.db);
  if ((await areas.list(SYSTEM_SCOPE)).length > 0) return none;
  if (await hasUsers(store)) return none;
  const directory = await loadDemoDirectory(store.db, password);
  say(
    `DEMO data loaded (synthetic, not real organisations). Sign in as ${DEMO_ACCOUNTS.join(", ")} with ` +
      (directory.passwordGenerated
        ? `the password ${directory.password} (shown once; set MINECARBON_DEMO_PASSWORD to choose it)`
        : "the password in MINECARBON_DEMO_PASSWORD"),
  );
  return { areas: await loadDemoAreas(store, folder, jobs, directory), directory };
}

/** Whether any user account exists (a server without one says how to create the administrator). */
export async function hasUsers(store: Store): Promise<boolean> {
  return (await store.db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}
