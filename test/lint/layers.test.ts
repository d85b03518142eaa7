import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/project-root.ts";

// Runs the project's own ESLint configuration on small snippets placed at virtual paths under src/:
// each layer rule of issue 11 (item 10) must refuse the import it is about. The expectations are
// written out here, not read from the configuration, so that loosening a rule makes this test fail.

/** The top-level folders (and files) of src/, as the layer table names them: "src/domain", "src/project-root.ts". */
const SRC_ENTRIES = readdirSync(join(PROJECT_ROOT, "src"), { withFileTypes: true })
  .filter((e) => (e.isDirectory() ? hasSource(join(PROJECT_ROOT, "src", e.name)) : /\.tsx?$/.test(e.name)))
  .map((e) => `src/${e.name}`);
const FOLDERS = SRC_ENTRIES.filter((e) => !/\.tsx?$/.test(e));

function hasSource(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (e) => e.isFile() && /\.(tsx?|js|mjs|html|css)$/.test(e.name),
  );
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: PROJECT_ROOT });
});

/** The messages of a snippet linted as if it were the file at `filePath` (relative to the repository). */
async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(PROJECT_ROOT, filePath) });
  return result!.messages;
}

/** The import of `target` ("src/server/app.ts", "node:fs", "zod") from a file `src/<layer>/probe.ts`. */
function importOf(target: string): string {
  const spec = target.startsWith("src/")
    ? `../${target.slice(4)}${/\.tsx?$/.test(target) ? "" : "/probe-target.ts"}`
    : target;
  return `import { value } from "${spec}";\nexport const probe = value;\n`;
}

/** The layer errors (severity 2) of importing `target` from a new file in `layer`. */
async function layerErrors(layer: string, target: string) {
  const file = layer.endsWith(".ts") ? layer : `${layer}/probe.ts`;
  return (await lint(file, importOf(target))).filter(
    (m) => m.ruleId === "minecarbon/layers" && m.severity === 2,
  );
}

const except = (all: readonly string[], ...allowed: string[]) => all.filter((f) => !allowed.includes(f));

/** What each layer must refuse (issue 11 item 10 and the brief's list), and what it must allow. */
const REFUSED: Record<string, { refuses: () => string[]; allows: string[] }> = {
  "src/units": {
    refuses: () => [...except(SRC_ENTRIES, "src/units"), "node:fs", "fs", "zod"],
    allows: ["src/units"],
  },
  "src/domain": {
    refuses: () => [...except(SRC_ENTRIES, "src/units", "src/domain"), "node:fs", "path", "pg", "fastify"],
    allows: ["src/units", "src/domain", "zod"],
  },
  "src/contract": {
    refuses: () => [...except(SRC_ENTRIES, "src/units", "src/domain", "src/contract"), "node:fs", "fastify"],
    allows: ["src/units", "src/domain", "zod"],
  },
  "src/web": {
    refuses: () => [
      "node:fs",
      "node:path",
      "src/server",
      "src/storage",
      "src/app",
      "src/cli",
      "src/io",
      "src/raster",
      "src/engine",
      "src/landuse-analysis",
      "src/solver",
      "src/factors",
      "fastify",
      "pg",
    ],
    allows: [
      "src/contract",
      "src/domain",
      "src/units",
      "src/presentation",
      "csv-parse/browser/esm/sync",
      "antd",
    ],
  },
  "src/presentation": {
    refuses: () => ["node:fs", "src/server", "src/app", "src/storage", "src/cli", "src/web"],
    allows: ["src/domain", "src/units", "echarts", "i18next"],
  },
  "src/server": { refuses: () => ["src/web"], allows: ["src/app", "src/storage", "node:fs"] },
  "src/app": { refuses: () => ["src/web"], allows: ["src/storage", "src/landuse-analysis", "node:fs"] },
  "src/storage": { refuses: () => ["src/server", "src/web", "src/cli"], allows: ["src/contract", "node:fs"] },
  "src/cli": {
    refuses: () => ["src/server/app.ts", "src/server/routes", "src/web"],
    allows: ["src/server/serve.ts", "src/app", "node:fs"],
  },
};

describe("the layer table of eslint.config.js", () => {
  it("has an entry for every folder and file of src/, which refuses an entry point", async () => {
    expect(SRC_ENTRIES.length).toBeGreaterThan(10);
    const uncovered = [];
    for (const entry of SRC_ENTRIES) {
      const errors = await layerErrors(entry, entry === "src/cli" ? "src/web" : "src/cli");
      if (errors.length !== 1 || !errors[0]!.message.startsWith(`${entry} may not import`))
        uncovered.push(entry);
    }
    expect(uncovered).toEqual([]);
  });

  it("refuses a source file in a folder that has no entry", async () => {
    const messages = await lint("src/brand-new-folder/x.ts", "export const x = 1;\n");
    expect(messages).toContainEqual(
      expect.objectContaining({
        ruleId: "minecarbon/layers",
        severity: 2,
        message: expect.stringMatching(/has no layer/),
      }),
    );
  });

  it("refuses, in every folder, imports of the entry points src/web and src/cli", async () => {
    for (const folder of except(FOLDERS, "src/web", "src/cli")) {
      for (const target of ["src/web", "src/cli"]) {
        expect((await layerErrors(folder, target)).length, `${folder} → ${target}`).toBe(1);
      }
    }
  });
});

describe.each(Object.entries(REFUSED))("layer %s", (layer, { refuses, allows }) => {
  it("refuses what it must, with a message that says why", async () => {
    const refused = refuses();
    expect(refused.length).toBeGreaterThan(0);
    for (const target of refused) {
      const errors = await layerErrors(layer, target);
      expect(errors.length, `${layer} → ${target} must be refused`).toBe(1);
      expect(errors[0]!.message).toMatch(new RegExp(`^${layer} may not import .+: .{40,}`));
    }
  });

  it("allows what it may import", async () => {
    for (const target of allows) expect(await layerErrors(layer, target), `${layer} → ${target}`).toEqual([]);
  });
});

describe("units in the code", () => {
  const product = (from: string) =>
    `import { CO2_PER_C } from "${from}";\nexport const f = (x: number) => x * CO2_PER_C;\n`;

  it("refuses CO2_PER_C and CO2_PER_CH4_BURNED outside src/units, by name or with the whole module", async () => {
    for (const [file, code] of [
      ["src/domain/budget/probe.ts", product("../../units/carbon.ts")],
      ["src/cli/format/probe.ts", product("../../units/index.ts")],
      [
        "src/app/probe.ts",
        `import * as units from "../units/index.ts";\nexport const k = units.CO2_PER_C;\n`,
      ],
      [
        "src/domain/mine/probe.ts",
        `import { CO2_PER_CH4_BURNED } from "../../units/gas.ts";\nexport const k = CO2_PER_CH4_BURNED;\n`,
      ],
    ] as const) {
      const errors = (await lint(file, code)).filter((m) => m.ruleId === "no-restricted-imports");
      expect(errors, file).toEqual([
        expect.objectContaining({ severity: 2, message: expect.stringMatching(/carbonToCO2e/) }),
      ]);
    }
  });

  it("allows CO2_PER_C inside src/units, and the converters anywhere", async () => {
    expect(await lint("src/units/probe.ts", product("./carbon.ts"))).toEqual([]);
    const converted = `import { carbonToCO2e, tC } from "../../units/carbon.ts";\nexport const f = (x: number) => carbonToCO2e(tC(x));\n`;
    expect(await lint("src/domain/budget/probe.ts", converted)).toEqual([]);
  });

  it("refuses a unit, measure or basis parameter with a default, anywhere", async () => {
    for (const [file, param] of [
      ["src/domain/landuse/probe.ts", `measure: "pixels" | "areaHa" = "areaHa"`],
      ["src/raster/probe.ts", `unit = "ha"`],
      ["src/web/probe.ts", `{ gasBasis = "ipcc-20C" }: { gasBasis?: string }`],
    ] as const) {
      const messages = await lint(
        file,
        `export function f(x: number, ${param}) {\n  return [x, ${JSON.stringify(param)}];\n}\n`,
      );
      expect(
        messages.filter((m) => m.ruleId === "no-restricted-syntax"),
        file,
      ).toEqual([
        expect.objectContaining({ severity: 2, message: expect.stringMatching(/No default unit/) }),
      ]);
    }
    const required = `export function f(x: number, measure: "pixels" | "areaHa") {\n  return [x, measure];\n}\n`;
    expect(await lint("src/domain/landuse/probe.ts", required)).toEqual([]);
  });
});
