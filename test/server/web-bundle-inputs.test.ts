import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { bundleInputs } from "../../src/server/web-bundle.ts";
import { TEXT_SOURCES } from "../../src/server/ui-font.ts";

describe("the web bundle's inputs", () => {
  it("include what the font subset is cut from and the code that cuts it", () => {
    const inputs = bundleInputs();
    for (const dir of TEXT_SOURCES) expect(inputs).toContain(dir);
    expect(inputs).toContain(join(PROJECT_ROOT, "src", "app"));
    expect(inputs).toContain(join(PROJECT_ROOT, "src", "server", "ui-font.ts"));
    expect(inputs).toContain(join(PROJECT_ROOT, "src", "report", "font-subset.ts"));
    expect(new Set(inputs).size).toBe(inputs.length);
  });
});
