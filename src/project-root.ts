import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root folder (where its package.json is), found by walking up from this module, so
 * that data paths hold both when running the TypeScript sources and the bundled CLI.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "minecarbon")
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("internal: cannot find MineCarbon's package.json above its modules");
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
