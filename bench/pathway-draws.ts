/**
 * Monte Carlo draws of a pathway's net, the compiled model (pathwayDraws: the scenario compiled once,
 * draws evaluated over arrays) beside projecting each draw (pathwayDrawsByProjection, the path before
 * it), on the same scenario, seed and draws, in one run: wall time and ms a draw of each, and the
 * largest difference between their nets draw by draw (the same sequence of draws). Then the whole
 * command, `node bin/minecarbon.mjs pathway <scenario> --draws N` (start-up, bundle, inventory,
 * economics and output included), timed from outside. Each time is wall time, with the CPU time
 * (user + system) beside it: on a busy machine the CPU time is what the work costs. Not part of the
 * tests. MINECARBON_ROOT runs the command of another checkout (e.g. one with other bounds).
 *   npx tsx bench/pathway-draws.ts [--draws 1000,10000] [--old-max 10000] [--scenario examples/yongning-pathway.yaml]
 * --old-max: the most draws projected one by one (about 10 ms a draw for the Yongning pathway to 2060).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathwayDrawsByProjection } from "../src/domain/pathway/pathway-draws-by-projection.ts";
import { pathwayBandInputs, pathwayDraws } from "../src/domain/pathway/pathway-uncertainty.ts";
import { factorTable } from "../src/factors/load-factor-library.ts";
import { readScenarioFile } from "../src/io/read-scenario.ts";
import { PROJECT_ROOT } from "../src/project-root.ts";

const option = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : d;
};
const drawCounts = option("draws", "1000,10000").split(",").map(Number);
const oldMax = Number(option("old-max", "10000"));
const scenarioFile = join(PROJECT_ROOT, option("scenario", "examples/yongning-pathway.yaml"));
const seed = 1;

const table = factorTable();
const { scenario, baseline, baselinePath } = readScenarioFile(scenarioFile, table);
const { drawn } = pathwayBandInputs(scenario, baseline, table, baselinePath);
console.log(`${scenarioFile}: ${drawn.length} inputs drawn, to ${scenario.endYear}; seed ${seed}`);
/** Wall time, ms, and the process's CPU time (user + system), ms: on a busy machine the second tells more. */
let lastCpuMs = 0;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const c0 = cpuMs();
  const v = f();
  lastCpuMs = cpuMs() - c0;
  return [v, performance.now() - t0];
};
// Warm both paths once (JIT), outside the timings.
pathwayDraws(scenario, baseline, table, baselinePath, drawn, { draws: 20, seed });
pathwayDrawsByProjection(scenario, baseline, table, baselinePath, drawn, { draws: 5, seed });
const row = (label: string, n: number, ms: number, cpu?: number) =>
  console.log(
    `${label.padEnd(38)} ${String(n).padStart(7)} draws ${(ms / 1000).toFixed(3).padStart(9)} s ${(ms / n).toFixed(4).padStart(9)} ms/draw` +
      (cpu === undefined ? "" : `  (CPU ${(cpu / 1000).toFixed(3)} s)`),
  );
for (const n of drawCounts) {
  const [compiled, msCompiled] = time(() =>
    pathwayDraws(scenario, baseline, table, baselinePath, drawn, { draws: n, seed }),
  );
  row("compiled (compile + check + draws)", n, msCompiled, lastCpuMs);
  if (n > oldMax) {
    console.log(
      `${"projecting each draw".padEnd(38)} ${String(n).padStart(7)} draws   skipped (--old-max ${oldMax})`,
    );
    continue;
  }
  const [old, msOld] = time(() =>
    pathwayDrawsByProjection(scenario, baseline, table, baselinePath, drawn, { draws: n, seed }),
  );
  row("projecting each draw", n, msOld, lastCpuMs);
  let worst = 0;
  compiled.nets.forEach((a, y) =>
    a.forEach((v, d) => {
      const w = old.nets[y]![d]!;
      worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
    }),
  );
  console.log(
    `  same draws: ${compiled.nets[0]!.length} and ${old.nets[0]!.length} kept, ${compiled.rejected} and ${old.rejected} refused; largest relative difference of a net ${worst.toExponential(1)}; ${(msOld / msCompiled).toFixed(0)}× faster`,
  );
}

// The whole command, as a user runs it (the bundle is built by a first run outside the timings).
const cli = join(process.env.MINECARBON_ROOT ?? PROJECT_ROOT, "bin", "minecarbon.mjs");
spawnSync(process.execPath, [cli, "--version"], { encoding: "utf8" });
for (const n of drawCounts) {
  // /usr/bin/time reports the command's CPU time (user + system) on the last line of its stderr.
  const timed = existsSync("/usr/bin/time");
  const command = [process.execPath, cli, "pathway", scenarioFile, "--draws", String(n)];
  const t0 = performance.now();
  const r = timed
    ? spawnSync("/usr/bin/time", ["-f", "%U %S", ...command], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      })
    : spawnSync(command[0]!, command.slice(1), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    console.log(`minecarbon pathway --draws ${n}: exit ${r.status}: ${r.stderr.trim().split("\n")[0]}`);
    continue;
  }
  const cpu = timed
    ? r.stderr
        .trim()
        .split("\n")
        .at(-1)!
        .split(" ")
        .map(Number)
        .reduce((a, b) => a + b, 0) * 1000
    : undefined;
  row(`minecarbon pathway --draws ${n} (whole)`, n, ms, cpu);
}
