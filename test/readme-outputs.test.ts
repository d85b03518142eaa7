import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Every path a README command writes to: the value of --out and --data in its shell examples. */
function readmeOutputs(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => [...b.matchAll(/--(?:out|data)[ =]([^\s\\]+)/g)].map((m) => m[1]!));
}

describe("the README's examples", () => {
  it("write only outside the clone or into folders git and the linters ignore", () => {
    const outputs = readmeOutputs();
    expect(outputs.length).toBeGreaterThan(5);
    for (const out of outputs) {
      if (out.startsWith("$") || isAbsolute(out) || relative(root, join(root, out)).startsWith(".."))
        continue;
      // git check-ignore answers 0 when the path is ignored; prettier reads .gitignore too. A file
      // inside is asked for, since a rule like `out/` matches only what git knows is a folder.
      const r = spawnSync("git", ["check-ignore", "-q", "--no-index", `${out}/x`], { cwd: root });
      expect(r.status, `${out} is written inside the clone but not ignored by .gitignore`).toBe(0);
    }
  });
});
