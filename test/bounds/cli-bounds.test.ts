import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { cliInProcess } from "../helpers/run-cli-in-process.ts";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";

const tmp = mkdtempSync(join(tmpdir(), "mc-cli-bounds-"));
const examples = join(PROJECT_ROOT, "examples");
for (const f of [
  "yongning.yaml",
  "yongning-pathway.yaml",
  "pingshuo-structure.yaml",
  "pingshuo-2018-budget.yaml",
])
  copyFileSync(join(examples, f), join(tmp, f));
/** An example copied with one text replacement (the replaced text must be there). */
const variant = (from: string, name: string, find: string, replace: string) => {
  const text = readFileSync(join(examples, from), "utf8");
  if (!text.includes(find)) throw new Error(`${from} has no ${find}`);
  const p = join(tmp, name);
  writeFileSync(p, text.replace(find, replace));
  return p;
};

const cli = cliInProcess;

describe("minecarbon bounds every count and size at its option, with the range in --help", () => {
  it.each([
    [
      ["budget", join(tmp, "pingshuo-2018-budget.yaml"), "--draws", "1000000000"],
      /--draws must be a whole number 1 to 1,000,000 \(.*\); got "1000000000"/,
    ],
    [
      ["budget", join(tmp, "pingshuo-2018-budget.yaml"), "--draws", "-5"],
      /--draws must be a whole number 1 to 1,000,000/,
    ],
    [["budget", join(tmp, "pingshuo-2018-budget.yaml"), "--draws", "1e3"], /--draws must be a whole number/],
    [
      ["budget", join(tmp, "pingshuo-2018-budget.yaml"), "--seed", "4294967296"],
      /--seed must be a whole number 0 to 4,294,967,295/,
    ],
    [
      ["pathway", join(tmp, "yongning-pathway.yaml"), "--draws", "100000000"],
      /--draws must be a whole number 1 to 50,000/,
    ],
    [
      [
        "pathway",
        join(tmp, "yongning-pathway.yaml"),
        "--year",
        "1800",
        "--actual",
        join(tmp, "yongning.yaml"),
      ],
      /--year must be a whole number 1,900 to 2,200/,
    ],
    [
      ["landuse", "analyze", "--map", "2000=a.tif", "--out", join(tmp, "o"), "--workers", "500"],
      new RegExp(
        `--workers must be a whole number 0 to ${availableParallelism()} \\(at most ${availableParallelism()} on this machine`,
      ),
    ],
    [
      ["landuse", "analyze", "--map", "2000=a.tif", "--out", join(tmp, "o"), "--workers", "-1"],
      /--workers must be a whole number 0 to/,
    ],
    [
      ["landuse", "analyze", "--map", "2000=a.tif", "--out", join(tmp, "o"), "--block-rows", "24"],
      /--block-rows must be a multiple of 16/,
    ],
    [
      ["landuse", "analyze", "--map", "2000=a.tif", "--out", join(tmp, "o"), "--block-rows", "1048576"],
      /--block-rows must be a whole number 16 to 4,096/,
    ],
    [
      ["landuse", "analyze", "--map", "2000=a.tif", "--out", join(tmp, "o"), "--deflate-level", "10"],
      /--deflate-level must be a whole number 1 to 9/,
    ],
    [["serve", "--port", "70000"], /--port must be a whole number 0 to 65,535/],
    [["serve", "--max-upload-mb", "0"], /--max-upload-mb must be a whole number 1 to 65,536/],
    [
      ["report", join(tmp, "yongning.yaml"), "--out", join(tmp, "r.html"), "--title", "t".repeat(100_000)],
      /--title has 1 problem:\n {2}- must be at most 200 characters long .*; got 100,000 characters/,
    ],
    [
      ["report", join(tmp, "yongning.yaml"), "--out", join(tmp, "r.html"), "--title", "a\u0000b"],
      /--title has 1 problem:\n {2}- must not contain the NUL character/,
    ],
  ])("exits 2 before any work: %j", async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.length).toBeLessThan(2000);
    expect(r.out).toBe("");
  });

  it("states each bound in --help", async () => {
    // In English whatever LANG says (spec options read their text from the specs in the asked language).
    const help = async (...args: string[]) => (await cli(...args, "--help", "--lang", "en")).out;
    expect(await help("budget")).toMatch(
      /--draws <n>\s+Monte Carlo draws \(IPCC Approach 2\), 1 to\s+1,000,000/,
    );
    expect(await help("pathway")).toMatch(/at most 8/);
    expect(await help("pathway")).toMatch(/1 to 50,000, and fewer when the\s+pathway\s+is\s+large/);
    expect(await help("landuse", "analyze")).toMatch(
      new RegExp(`worker threads, 0 \\(none\\) to ${availableParallelism()}`),
    );
    expect(await help("serve")).toMatch(/0 \(any free port\) to 65535/);
    expect(await help("report")).toMatch(/report title, at most 200 characters/);
  });
});

describe("minecarbon refuses absurd and non-finite numbers at their field (it printed ∞/NaN with exit 0)", () => {
  it("inventory energy[0].amount 1e308 and YAML .nan / .inf", async () => {
    const big = variant("yongning.yaml", "big.yaml", "amount: 103.8060", "amount: 1e308");
    const r = await cli("inventory", big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /big\.yaml has 1 problem:\n {2}- years\[0\]\.energy\[0\]\.amount: must be ≤ 1e15 in the carrier's unit \(.*\); got 1e\+308/,
    );
    for (const [yaml, shown] of [
      [".nan", ".nan"],
      [".inf", ".inf"],
      ["-.Inf", "-.inf"],
    ] as const) {
      const p = variant("yongning.yaml", `nan${shown}.yaml`, "coalOutputT: 900000", `coalOutputT: ${yaml}`);
      const n = await cli("inventory", p, "--json");
      expect(n.code).toBe(2);
      expect(n.err).toMatch(
        new RegExp(
          `years\\[0\\]\\.coalOutputT: must be a finite number; got ${shown.replace(".", "\\.")}\\n`,
        ),
      );
      expect(n.err).not.toMatch(/got null/);
    }
  });

  it("pathway hectaresPerYear 1e308, a baseline that is the scenario itself", async () => {
    const big = variant(
      "yongning-pathway.yaml",
      "pw-big.yaml",
      "hectaresPerYear: 0.32",
      "hectaresPerYear: 1e308",
    );
    const r = await cli("pathway", big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /measures\[4\]\.hectaresPerYear: must be ≤ 960,000,000 ha \(the land area of China/,
    );
    const self = variant(
      "yongning-pathway.yaml",
      "pw-self.yaml",
      "inventory: yongning.yaml",
      "inventory: pw-self.yaml",
    );
    const s = await cli("pathway", self);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/baseline\.inventory: must name a mine-inventory file, not this scenario itself/);
    expect(s.err).not.toMatch(/undefined/);
  });

  it("pathway --draws within 50,000 but beyond the pathway's work, named in the scenario file", async () => {
    // Yongning with 600 more energy rows (625 rows × 37 years): at most (4e6 / 23,125 − 8) × 250 = 41,243 draws.
    const inventory = readInputFile(join(examples, "yongning.yaml")) as { years: { energy: unknown[] }[] };
    for (let i = 0; i < 600; i++)
      inventory.years[0]!.energy.push({ carrier: "diesel", amount: 1, unit: "t" });
    writeFileSync(join(tmp, "yongning-wide.yaml"), JSON.stringify(inventory));
    const scenario = variant(
      "yongning-pathway.yaml",
      "wide-pathway.yaml",
      "inventory: yongning.yaml",
      "inventory: yongning-wide.yaml",
    );
    const r = await cli("pathway", scenario, "--draws", "50000");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /wide-pathway\.yaml has 1 problem:\n {2}- uncertainty\.draws: \(or --draws\) must be ≤ 41,243 for this pathway: 625 rows/,
    );
    expect(r.out).toBe("");
  });

  it("optimize currentHa 1e308", async () => {
    const big = variant("pingshuo-structure.yaml", "opt-big.yaml", "currentHa: 24191.37", "currentHa: 1e308");
    const r = await cli("optimize", big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/classes\[0\]\.currentHa: must be ≤ 960,000,000 ha/);
  });

  it("end to end in a real process: exit 2, the field named, nothing on stdout", () => {
    const big = variant("yongning.yaml", "e2e.yaml", "amount: 103.8060", "amount: .inf");
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, "bin", "minecarbon.mjs"), "inventory", big], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/years\[0\]\.energy\[0\]\.amount: must be a finite number; got \.inf/);
    expect(r.stdout).toBe("");
  });
});
