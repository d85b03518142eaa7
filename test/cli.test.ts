import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../src/cli/exit-code.ts";
import { InputError } from "../src/domain/validation/input-issue.ts";

const bin = join(import.meta.dirname, "..", "bin", "minecarbon.mjs");
const tmp = mkdtempSync(join(tmpdir(), "minecarbon-cli-"));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: join(import.meta.dirname, ".."),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("minecarbon CLI", () => {
  it("has --help on every command", () => {
    for (const cmd of [
      [],
      ["budget"],
      ["inventory"],
      ["factors"],
      ["factors", "list"],
      ["factors", "show"],
      ["demo"],
      ["landuse"],
      ["landuse", "analyze"],
      ["landuse", "demo-data"],
      ["specs"],
      ["pathway"],
      ["optimize"],
    ]) {
      const r = run(...cmd, "--help");
      expect(r.code, cmd.join(" ")).toBe(0);
      expect(r.out).toMatch(/Usage: minecarbon/);
    }
  });

  it("inventory --json returns the Yongning numbers and factor provenance", () => {
    const r = run("inventory", "examples/yongning.yaml", "--json");
    expect(r.code).toBe(0);
    const inv = JSON.parse(r.out);
    expect(inv.years[0].totals.undergroundTCO2ePerYr).toBeCloseTo(15_810.076, 6);
    expect(inv.factors.libraryVersion).toMatch(/\+[0-9a-f]{12}$/);
    expect(inv.sinkReading.id).toBe("ipcc-tier1");
    expect(inv.years[0].totals.gapTCO2ePerYr).toBeCloseTo(20_646.36, 1);
  });

  it("reports a --factors override in the result", () => {
    const f = join(tmp, "grid.csv");
    writeFileSync(
      f,
      "id,quantity,value,unit,source,status\ncn.grid.nbs.2022.prov.shanxi,supplier factor,0.5,kg CO2/kWh,contract,primary\n",
    );
    const r = run("inventory", "examples/yongning.yaml", "--json", "--factors", f);
    expect(r.code).toBe(0);
    const inv = JSON.parse(r.out);
    expect(inv.factors.overrides).toEqual([
      expect.objectContaining({ id: "cn.grid.nbs.2022.prov.shanxi", value: 0.5, libraryValue: 0.7096 }),
    ]);
    expect(
      inv.years[0].sources.find((s: { label: string }) => s.label.startsWith("electricity")).tCO2ePerYr,
    ).toBeCloseTo(1_038_060 * 0.5e-3, 6);
  });

  it("exits 2 with the file and every problem named for bad input, and prints nothing on stdout", () => {
    const bad = join(tmp, "bad.yaml");
    writeFileSync(
      bad,
      "kind: mine-inventory\nmine: X\ngwp: SAR\nsinkReading: annual-increment\ncombustionMethod: carbon-per-tce\nyears:\n  - year: 2024\n    boundaryAreaHa: 10\n    coalOutputT: 1\n    energy:\n      - { carrier: diesel, amount: -5, unit: t }\n      - { carrier: diesel, amount: 1, unit: litres }\n",
    );
    const r = run("inventory", bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(bad);
    expect(r.err).toContain("years[0].energy[0].amount: must be ≥ 0; got -5");
  });

  it("exits 2 for a missing file, an unknown kind, an unknown option and a bad --gwp", () => {
    expect(run("inventory", "nope.yaml").err).toMatch(/nope.yaml .*cannot be read: no such file/s);
    expect(run("inventory", "nope.yaml").code).toBe(2);
    const other = join(tmp, "other.yaml");
    writeFileSync(other, "kind: something\n");
    expect(run("budget", other)).toMatchObject({ code: 2 });
    expect(run("budget", other).err).toMatch(
      /kind: must be one of land-use-budget, stock-change; got "something"/,
    );
    expect(run("budget", "examples/pingshuo-2018-budget.yaml", "--frobnicate").code).toBe(2);
    expect(run("inventory", "examples/yongning.yaml", "--gwp", "AR9").code).toBe(2);
  });

  it("demo runs every example", () => {
    const r = run("demo", "--json", "--out", join(tmp, "demo"));
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as { file: string; command: string }[];
    expect(results.map((x) => x.file.split("/").pop())).toEqual([
      "yongning.yaml",
      "pingshuo-stock-loss.yaml",
      "pingshuo-2018-budget.yaml",
      "",
    ]);
    expect(results[3]!.command).toMatch(/^landuse analyze --map 1986=/);
  });

  it("maps bad input to exit code 2 and anything else to 1", () => {
    expect(exitCodeOf(new InputError("x", [{ path: "a", message: "b" }]))).toBe(2);
    expect(exitCodeOf(new TypeError("boom"))).toBe(1);
  });
});
