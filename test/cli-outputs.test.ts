import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { currentProcessMark, formatMark, processStart } from "../src/io/process-mark.ts";

const tmp = mkdtempSync(join(tmpdir(), "mc-cli-out-"));
const fixture = join(import.meta.dirname, "fixtures", "geotiff-variants", "striped-deflate.tif");
const legend = join(tmp, "legend.csv");
writeFileSync(legend, `code,name\n${Array.from({ length: 254 }, (_, c) => `${c},c${c}`).join("\n")}\n`);

/** Runs the CLI in this process: its exit code and what it printed on stderr. */
async function cli(...args: string[]) {
  let err = "";
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await main(["node", "minecarbon", ...args], () => {});
    return { code, err };
  } finally {
    process.stderr.write = write;
  }
}

const analyze = (out: string) =>
  cli(
    "landuse",
    "analyze",
    "--map",
    `2002=${fixture}`,
    "--map",
    `2008=${fixture}`,
    "--legend",
    legend,
    "--zoning",
    "none",
    "--workers",
    "0",
    "--no-progress",
    "--out",
    out,
  );

describe("output paths", () => {
  it("refuse --out naming a file (exit 2, the option named) for analyze, accuracy, demo-data and pathway", async () => {
    const samples = join(tmp, "samples.csv");
    writeFileSync(samples, "x,y,class\n1,1,3\n");
    for (const r of [
      await analyze(legend),
      await cli(
        "landuse",
        "accuracy",
        "--map",
        fixture,
        "--samples",
        samples,
        "--legend",
        legend,
        "--out",
        legend,
      ),
      await cli("landuse", "demo-data", "--out", legend),
      await cli(
        "pathway",
        join(import.meta.dirname, "..", "examples", "yongning-pathway.yaml"),
        "--out",
        legend,
      ),
    ]) {
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/--out[\s\S]*legend\.csv is a file; give a folder/);
    }
  });

  it("refuse a report into a missing folder or onto a folder, leaving nothing behind", async () => {
    const inventory = join(import.meta.dirname, "..", "examples", "yongning.yaml");
    const missing = await cli("report", inventory, "--out", join(tmp, "no", "such", "r.html"));
    expect(missing.code, missing.err).toBe(2);
    expect(missing.err).toMatch(/the folder .*no\/such does not exist; create it first/);
    const folder = join(tmp, "a-folder");
    mkdirSync(folder);
    const onto = await cli("report", inventory, "--out", folder);
    expect(onto.code, onto.err).toBe(2);
    expect(onto.err).toMatch(/a-folder is a folder; give a file name/);
    expect(readdirSync(tmp).filter((f) => f.includes("partial"))).toEqual([]);
    const ok = await cli("report", inventory, "--out", join(folder, "r.html"));
    expect(ok.code, ok.err).toBe(0);
    expect(readdirSync(folder)).toEqual(["r.html"]);
  });

  it("refuse a report of a summary.json that is garbage, cut short, empty or mistyped, naming the file", async () => {
    const cases: Record<string, [string, RegExp]> = {
      garbage: ["\u0000garbage", /is not a readable summary\.json/],
      truncated: ['{"legend": {"id": "x", "classes": [', /is not a readable summary\.json/],
      empty: ["", /is not a readable summary\.json/],
      // The declared schema names the first problems and how many more, and what to do.
      "empty-object": ["{}", /must be given[\s\S]*and \d+ more problems[\s\S]*run the analysis again/],
      mistyped: [JSON.stringify({ legend: { id: "x", classes: "all" } }), /legend\.classes: must be a list/],
    };
    for (const [name, [text, message]] of Object.entries(cases)) {
      const dir = join(tmp, `summary-${name}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "summary.json"), text);
      const r = await cli("report", dir, "--out", join(tmp, `${name}.html`));
      expect(r.code, `${name}: ${r.err}`).toBe(2);
      expect(r.err).toContain(join(dir, "summary.json"));
      expect(r.err, name).toMatch(message);
    }
  });

  it("removes what a killed run left in --out, but not what a live run is writing", async () => {
    const out = join(tmp, "analysis");
    // A process that has ended (its pid is free) and one that runs (this test's parent), each as
    // a writer's mark, and the bare pid that versions before the mark wrote.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const deadPid = Number(dead.stdout);
    const host = currentProcessMark().host;
    const leftovers = [`.partial-${formatMark({ host, pid: deadPid, start: "1" })}-`, `.partial-${deadPid}`];
    const live = `.partial-${formatMark({ host, pid: process.ppid, start: processStart(process.ppid)! })}-`;
    for (const name of [...leftovers, live]) {
      mkdirSync(join(out, name), { recursive: true });
      writeFileSync(join(out, name, "classes.csv"), "half");
    }
    const r = await analyze(out);
    expect(r.code, r.err).toBe(0);
    for (const name of leftovers) expect(existsSync(join(out, name)), name).toBe(false);
    expect(existsSync(join(out, live))).toBe(true);
    expect(existsSync(join(out, "summary.json"))).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith(".partial"))).toEqual([live]);
  });
});
