import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cliInProcess } from "./helpers/run-cli-in-process.ts";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/project-root.ts";

const cli = cliInProcess;

describe("minecarbon specs and --help read the specs' own metadata (issue 11 item 3)", () => {
  it("docs/model-specs.md is what `minecarbon specs --lang en` prints", async () => {
    const r = await cli("specs", "--lang", "en");
    expect(r.code).toBe(0);
    const page = readFileSync(join(PROJECT_ROOT, "docs", "model-specs.md"), "utf8");
    // Regenerate with: MINECARBON_NO_BUNDLE=1 node bin/minecarbon.mjs specs --lang en > docs/model-specs.md
    expect(page).toBe(r.out);
  });

  it("prints one model's fields with unit, labels and range", async () => {
    const r = await cli("specs", "inventory", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /\| `years\[\]\.coalOutputT` \*\*required\*\* \| raw coal output \| 原煤产量 \| number \| t \| 0 – 100,000,000,000 \|/,
    );
    const zh = await cli("specs", "pathway-scenario", "--lang", "zh");
    expect(zh.out).toMatch(/\| `endYear` \| 终止年份 \| integer \| 公历年 \| 1900 – 2200 \| `2060` \|/);
    const json = JSON.parse((await cli("specs", "optimize", "--json")).out);
    expect(json["landuse-structure"]).toContainEqual(
      expect.objectContaining({
        path: "classes[].currentHa",
        unit: "ha",
        label: { en: "current area", zh: "现状面积" },
      }),
    );
  });

  it("refuses an unknown model with exit 2", async () => {
    const r = await cli("specs", "nope");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/must be one of mine-inventory, pathway-scenario/);
  });

  it("--help lists the file's fields in the language asked, and spec options take the field's label", async () => {
    const en = (await cli("inventory", "--help", "--lang", "en")).out;
    expect(en).toMatch(/years\[\]\.coalOutputT\s+raw coal output \[t\]/);
    expect(en).toMatch(/minecarbon specs mine-inventory --lang en/);
    expect(en).toMatch(/--gwp <set>\s+GWP-100 set, overriding the file's/);
    const zh = (await cli("inventory", "--help", "--lang", "zh")).out;
    expect(zh).toMatch(/years\[\]\.coalOutputT\s+原煤产量 \[吨\]/);
    expect(zh).toMatch(/--draws <n>\s+每年蒙特卡洛模拟次数（IPCC 方法 2），1 至 1,000,000/);
    const budget = (await cli("budget", "--help", "--lang", "zh")).out;
    expect(budget).toMatch(/文件字段（land-use-budget）/);
    expect(budget).toMatch(/文件字段（stock-change）/);
    expect((await cli("optimize", "--help")).out).toMatch(/classes\[\]\.currentHa\s+/);
    expect((await cli("pathway", "--help", "--lang", "en")).out).toMatch(
      /measures\s+measures \(kinds: clean-electricity, energy-saving, methane-use/,
    );
  });
});
