import { join } from "node:path";
import { FACTOR_DATA_DIR, loadFactorLibrary } from "../../src/factors/load-factor-library.ts";

/**
 * The IPCC soil factors (src/factors/data/ipcc-soil.csv) as extra factor files for tests and CLI
 * runs while the library's manifest (library.json) does not list the file yet; empty once it does.
 */
export const SOIL_FACTOR_FILES: readonly string[] = loadFactorLibrary().files.includes("ipcc-soil.csv")
  ? []
  : [join(FACTOR_DATA_DIR, "ipcc-soil.csv")];
