import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

describe("the uncertainty engine's imports", () => {
  it("take nothing from the budget (the percentile lives in domain/common, shared by budget, engine and pathway)", () => {
    const offending = readdirSync(here)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) =>
        [...readFileSync(join(here, f), "utf8").matchAll(/from\s+"([^"]+)"/g)]
          .map((m) => m[1]!)
          .filter((p) => /(^|\/)budget\//.test(p))
          .map((p) => `${f} imports ${p}`),
      );
    expect(offending).toEqual([]);
  });
});
