import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const cacheParent = join(root, "node_modules", ".cache");

describe("bin/minecarbon.mjs", () => {
  it("removes the build folders of killed bundling runs, not those of running ones", () => {
    // The pid of a process that has ended, and of one that runs (this test's own process).
    const deadPid = Number(
      spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" })
        .stdout,
    );
    const dead = join(cacheParent, `minecarbon.${deadPid}`);
    const live = join(cacheParent, `minecarbon.${process.pid}`);
    for (const d of [dead, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "main.mjs"), "// half a bundle");
    }
    try {
      spawnSync(process.execPath, [join(root, "bin", "minecarbon.mjs"), "--version"], { cwd: root });
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      for (const d of [dead, live]) rmSync(d, { recursive: true, force: true });
    }
  });
});
