import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Where the real test data of ../shared/data are (São Lourenço, Willamette; see their SOURCE.md):
 * $MINECARBON_SHARED_DATA, else ../shared/data next to the repository, else /work/shared/data.
 * They are not copied into the repository (third-party data under their own terms).
 */
const candidates = [
  process.env.MINECARBON_SHARED_DATA,
  resolve(import.meta.dirname, "..", "..", "..", "shared", "data"),
  "/work/shared/data",
].filter((p): p is string => Boolean(p));

export const SHARED_DATA = candidates.find((p) => existsSync(join(p, "sao-lourenco", "legend.csv")));

if (!SHARED_DATA)
  console.warn(
    `WARNING: the real test data were not found (looked in ${candidates.join(", ")}); the tests on them are skipped. Set MINECARBON_SHARED_DATA.`,
  );

/** A path in the shared data (only call when SHARED_DATA is set). */
export const shared = (...parts: string[]) => join(SHARED_DATA ?? "/nonexistent", ...parts);
