import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countOutcomes, type CaseResult } from "./corpus-case.ts";
import { failures, runCorpus } from "./run-corpus.ts";

/** One line per case that did not end as it must, to read in the test output. */
const describeFailures = (results: readonly CaseResult[]) =>
  failures(results)
    .map(
      (f) =>
        `${f.outcome} (expected ${f.expect}, ${f.status ?? "-"}): ${f.id}\n    ${f.message.split("\n").slice(0, 3).join(" | ").slice(0, 300)}`,
    )
    .join("\n");

/**
 * How many parts each surface's corpus is run in, one test file per part (corpus-<surface>-<n>.test.ts):
 * the whole corpus takes minutes in one process, and parts of it run in parallel with the other
 * test files. Each test file names its part; together they run every case once.
 */
export const CORPUS_PARTS = 2;

/** Cases fewer than these mean the corpus lost cases (the corpus has about 2,500 and 2,000). */
const AT_LEAST = { cli: 1000, api: 500 } as const;

// The malformed-input corpus of issue 9 (test/fuzz): every case must end in a named error (exit 2 /
// HTTP 4xx), or — where the input may be legal — in a result whose numbers are all finite; never an
// internal error, a crash, a hang or a silently wrong number. `node --import tsx
// test/fuzz/run-corpus.ts` prints the same counts for any checkout (--root).
export function corpusTest(surface: "cli" | "api", index: number): void {
  describe(`the malformed-input corpus, part ${index} of ${CORPUS_PARTS}`, () => {
    it(`ends every ${surface} case of its part as it must`, { timeout: 30 * 60_000 }, async () => {
      const part = { index, of: CORPUS_PARTS };
      const results = (await runCorpus({ only: surface, part }))[surface];
      console.log(
        `${surface} corpus part ${index}/${CORPUS_PARTS}: ${results.length} cases; ${JSON.stringify(countOutcomes(results))}`,
      );
      expect(results.length).toBeGreaterThan(AT_LEAST[surface] / CORPUS_PARTS);
      expect(describeFailures(results)).toBe("");
    });

    it(`has one test file for each part of the ${surface} corpus, so that no case is left out`, () => {
      const files = readdirSync(import.meta.dirname).filter((f) => f.startsWith(`corpus-${surface}-`));
      const expected = Array.from({ length: CORPUS_PARTS }, (_, i) => `corpus-${surface}-${i + 1}.test.ts`);
      expect(files.sort()).toEqual(expected.sort());
    });
  });
}
