import { PROJECT_ROOT } from "../project-root.ts";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Factor, FactorOverride } from "../domain/factor/factor.ts";
import { FactorTable } from "../domain/factor/factor-table.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import type { UncertaintyDefault } from "../domain/factor/uncertainty/uncertainty-default.ts";
import { readFactorFile } from "./read-factor-file.ts";
import { parseUncertaintyDefaults } from "./read-uncertainty-defaults.ts";

/** Where the shipped factor files live. */
export const FACTOR_DATA_DIR = join(PROJECT_ROOT, "src", "factors", "data");

interface LibraryManifest {
  name: string;
  version: string;
  files: string[];
  /** The default uncertainties of activity data and factors without their own range. */
  uncertaintyDefaults?: string;
}

/** The shipped factor library: its factors and its version (release + content hash of the files). */
export interface FactorLibrary {
  readonly version: string;
  readonly factors: readonly Factor[];
  readonly files: readonly string[];
  readonly uncertaintyDefaults: readonly UncertaintyDefault[];
}

let cached: FactorLibrary | undefined;

/**
 * Reads the shipped factor library. The version is the manifest's release number plus the first
 * 12 hex digits of a SHA-256 over the data files, so any edit to a value changes the version.
 */
export function loadFactorLibrary(dir: string = FACTOR_DATA_DIR): FactorLibrary {
  if (cached && dir === FACTOR_DATA_DIR) return cached;
  const manifest = JSON.parse(readFileSync(join(dir, "library.json"), "utf8")) as LibraryManifest;
  const hash = createHash("sha256");
  const factors: Factor[] = [];
  const seen = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const file of manifest.files) {
    const path = join(dir, file);
    hash.update(file).update(readFileSync(path));
    for (const f of readFactorFile(path, `library:${file}`)) {
      const first = seen.get(f.id);
      if (first) issues.push({ path: file, message: `factor id ${f.id} is also defined in ${first}` });
      seen.set(f.id, file);
      factors.push(f);
    }
  }
  if (issues.length) throw new InputError("the factor library", issues);
  let uncertaintyDefaults: UncertaintyDefault[] = [];
  if (manifest.uncertaintyDefaults) {
    const text = readFileSync(join(dir, manifest.uncertaintyDefaults), "utf8");
    hash.update(manifest.uncertaintyDefaults).update(text);
    uncertaintyDefaults = parseUncertaintyDefaults(text, `library:${manifest.uncertaintyDefaults}`);
  }
  const library = {
    version: `${manifest.version}+${hash.digest("hex").slice(0, 12)}`,
    factors,
    files: manifest.files,
    uncertaintyDefaults,
  };
  if (dir === FACTOR_DATA_DIR) cached = library;
  return library;
}

/**
 * The factor table for one computation: the library plus the rows of the user's factor files.
 * A user row with a library id overrides it (and is reported as an override); a new id adds a factor.
 */
export function factorTable(userFiles: readonly string[] = [], library = loadFactorLibrary()): FactorTable {
  const byId = new Map(library.factors.map((f) => [f.id, f]));
  const overrides: FactorOverride[] = [];
  for (const file of userFiles) {
    for (const f of readFactorFile(file)) {
      const prior = byId.get(f.id);
      if (prior) {
        overrides.push({
          id: f.id,
          libraryValue: prior.value,
          libraryUnit: prior.unit,
          value: f.value,
          unit: f.unit,
          origin: f.origin,
        });
      }
      byId.set(f.id, f);
    }
  }
  return new FactorTable(byId.values(), library.version, overrides, library.uncertaintyDefaults);
}
