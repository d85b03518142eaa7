// Runs the malformed-input corpus against the CLI and the API and counts the outcomes.
//   node --import tsx test/fuzz/run-corpus.ts [--root <source tree>] [--only cli|api] [--grep <regex>]
//     [--part <index>/<of>] [--json]
// prints the count per outcome and every case that did not end as expected; --root runs the
// corpus against another checkout of the project (e.g. an older commit, for before/after counts);
// --part 2/3 runs the second of three parts (the test files run the corpus in parts).
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { apiCases, API_HEADERS } from "./api-cases.ts";
import { cliCases } from "./cli-cases.ts";
import type { ChildResult } from "./corpus-child.ts";
import {
  countOutcomes,
  isClearRefusal,
  meetsExpectation,
  type ApiCase,
  type CaseResult,
  type CliCase,
  type Outcome,
} from "./corpus-case.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
/** A case process above this resident size is stopped: no input may make a command take 3 GB. */
const MEMORY_LIMIT_MB = 3072;

function classify(mode: "cli" | "api", c: CliCase | ApiCase, r: ChildResult): Outcome {
  const ok = mode === "cli" ? r.status === 0 : r.status < 400;
  const refused = mode === "cli" ? r.status === 2 : r.status >= 400 && r.status < 500;
  if (ok) return r.nonFinite ? "non-finite" : "ok";
  // An API client is not told the server's paths, nor — in a job's error — the CLI's flags (a job
  // used to fail with "…/tmp/<uuid>-inputs/legend.csv; give a rule table with --rules").
  if (refused && mode === "api" && /(^|[\s"'(])\/(tmp|work|home|var|usr)\//.test(r.message)) return "unclear";
  if (refused && r.fromJob && /(^|\s)--[a-z][a-z-]+/.test(r.message)) return "unclear";
  if (refused) return isClearRefusal(r.message, c.names) ? "refused" : "unclear";
  return "internal";
}

function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `cases` in child processes, one after another; a case that crashes its process, outlives
 * its time or outgrows the memory limit is counted as such and the rest go on in a new process.
 */
export async function runCases(
  mode: "cli" | "api",
  cases: readonly (CliCase | ApiCase)[],
  o: { root?: string; extra?: Record<string, unknown>; onResult?: (r: CaseResult) => void } = {},
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  let next = 0;
  while (next < cases.length) {
    const batch = cases.slice(next);
    const child = fork(join(import.meta.dirname, "corpus-child.ts"), [], {
      execArgv: ["--import", "tsx", "--max-old-space-size=4096", "--stack-size=984"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      cwd: o.root ?? ROOT,
    });
    let stderr = "";
    child.stderr!.on("data", (d) => {
      stderr = (stderr + String(d)).slice(-4000);
    });
    let current: { id: string; t0: number } | undefined;
    const record = (c: CliCase | ApiCase, outcome: Outcome, message: string, ms: number, status?: number) => {
      const r: CaseResult = {
        id: c.id,
        outcome,
        expect: c.expect,
        message,
        ms,
        ...(status !== undefined ? { status } : {}),
      };
      results.push(r);
      o.onResult?.(r);
      next++;
    };
    const before = results.length;
    await new Promise<void>((done, fail) => {
      let stopped: Outcome | undefined;
      const watch = setInterval(() => {
        if (!current || stopped) return;
        const c = byId.get(current.id)!;
        if (performance.now() - current.t0 > (c.seconds ?? 60) * 1000) stopped = "hang";
        else if (child.pid && residentMb(child.pid) > MEMORY_LIMIT_MB) stopped = "memory";
        if (stopped) child.kill("SIGKILL");
      }, 250);
      child.on("message", (m: { start?: string; result?: ChildResult; done?: boolean; fatal?: string }) => {
        if (m.start) current = { id: m.start, t0: performance.now() };
        else if (m.result) {
          const c = byId.get(m.result.id)!;
          record(c, classify(mode, c, m.result), m.result.message, m.result.ms, m.result.status);
          current = undefined;
        } else if (m.fatal) stderr += m.fatal;
      });
      child.on("exit", (code, signal) => {
        clearInterval(watch);
        if (current) {
          const c = byId.get(current.id)!;
          record(
            c,
            stopped ?? "crash",
            stopped ? "" : `exit ${code ?? signal}: ${stderr}`,
            performance.now() - current.t0,
          );
        } else if (next < cases.length && results.length === before) {
          // The process died before its first case (e.g. seeding the API failed): nothing more can run.
          return fail(
            new Error(`the corpus process ended (${code ?? signal}) before case ${batch[0]!.id}: ${stderr}`),
          );
        }
        done();
      });
      child.send({ mode, root: o.root ?? ROOT, cases: batch, ...(o.extra ?? {}) });
    });
  }
  return results;
}

/** A port held open by this process, for the "serve on a port in use" case. */
async function busyPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/**
 * Part `index` (1…`of`) of a corpus: the cases whose id hashes to it. By hash, not every `of`-th
 * case: every numeric field has the same 8 mutations in the same order, so every other case put
 * every "zero" mutation (the slow pathways) into one part, which took more than twice as long.
 */
export interface CorpusPart {
  readonly index: number;
  readonly of: number;
}

/** The part (1…`of`) a case belongs to. */
const partOf = (id: string, of: number) => (createHash("sha1").update(id).digest().readUInt32BE(0) % of) + 1;

/**
 * Runs the whole corpus (or one surface, or one part of it) and returns every case's result. A part
 * runs the cases it picks in their order, in processes of its own (the CLI part runs the setup too);
 * the parts together run every case once.
 */
export async function runCorpus(
  o: {
    root?: string;
    only?: "cli" | "api";
    grep?: RegExp;
    part?: CorpusPart;
    onResult?: (r: CaseResult) => void;
  } = {},
) {
  const { part } = o;
  if (
    part &&
    !(Number.isInteger(part.index) && Number.isInteger(part.of) && 1 <= part.index && part.index <= part.of)
  )
    throw new Error(`a corpus part is <index>/<of> with 1 ≤ index ≤ of: ${JSON.stringify(part)}`);
  const pick = <T extends { id: string }>(cases: T[]) =>
    (o.grep ? cases.filter((c) => o.grep!.test(c.id)) : cases).filter(
      (c) => !part || partOf(c.id, part.of) === part.index,
    );
  // The documents the cases mutate are the examples of the tree under test.
  if (o.root) process.env.MINECARBON_CORPUS_ROOT = o.root;
  const dir = mkdtempSync(join(tmpdir(), "mc-corpus-"));
  const out: { cli: CaseResult[]; api: CaseResult[] } = { cli: [], api: [] };
  try {
    if (o.only !== "api") {
      const { setup, cases, reportCases } = cliCases(join(dir, "cli"));
      const port = await busyPort();
      try {
        const s = await runCases("cli", setup, { ...o });
        if (s[0]?.outcome !== "ok") throw new Error(`the corpus setup failed: ${JSON.stringify(s)}`);
        const busy: CliCase = {
          id: "options/serve on a port in use",
          argv: ["serve", "--port", "{busy-port}", "--no-demo", "--data", join(dir, "serve-busy")],
          expect: "refused",
          seconds: 30,
        };
        out.cli = await runCases("cli", pick([...cases, ...reportCases(), busy]), {
          ...o,
          extra: { busyPort: port.port },
        });
      } finally {
        port.close();
      }
    }
    if (o.only !== "cli") {
      const { cases, seed } = apiCases(join(dir, "api"));
      out.api = await runCases("api", pick(cases), { ...o, extra: { seed, headers: API_HEADERS } });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The cases that did not end as they must. */
export const failures = (results: readonly CaseResult[]) =>
  results.filter((r) => !meetsExpectation(r.expect, r.outcome));

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const root = arg("--root");
  const only = arg("--only") as "cli" | "api" | undefined;
  const grep = arg("--grep");
  const part = arg("--part")?.split("/").map(Number);
  const r = await runCorpus({
    ...(root ? { root: resolve(root) } : {}),
    ...(only ? { only } : {}),
    ...(grep ? { grep: new RegExp(grep) } : {}),
    ...(part ? { part: { index: part[0]!, of: part[1]! } } : {}),
    onResult: (x) => process.stderr.write(meetsExpectation(x.expect, x.outcome) ? "." : "x"),
  });
  process.stderr.write("\n");
  const report = (name: string, results: CaseResult[]) => {
    const bad = failures(results);
    return {
      surface: name,
      cases: results.length,
      outcomes: countOutcomes(results),
      asExpected: results.length - bad.length,
      secondsByGroup: Object.fromEntries(
        Object.entries(
          results.reduce<Record<string, number>>((acc, x) => {
            const g = x.id.split("/")[0]!;
            acc[g] = (acc[g] ?? 0) + x.ms / 1000;
            return acc;
          }, {}),
        ).map(([g, sec]) => [g, Math.round(sec)]),
      ),
      failures: bad.map((b) => ({
        id: b.id,
        expect: b.expect,
        outcome: b.outcome,
        status: b.status,
        message: b.message.split("\n").slice(0, 3).join(" | ").slice(0, 300),
      })),
    };
  };
  const summary = [report("cli", r.cli), report("api", r.api)].filter((s) => s.cases > 0);
  if (process.argv.includes("--json")) console.log(JSON.stringify(summary, null, 2));
  else
    for (const s of summary) {
      console.log(
        `${s.surface}: ${s.cases} cases, ${s.asExpected} as expected; outcomes ${JSON.stringify(s.outcomes)}`,
      );
      for (const f of s.failures)
        console.log(`  ${f.outcome} (expected ${f.expect}, ${f.status ?? "-"}): ${f.id}\n      ${f.message}`);
    }
}
