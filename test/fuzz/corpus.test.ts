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

// The malformed-input corpus of issue 9 (test/fuzz): every case must end in a named error (exit 2 /
// HTTP 4xx), or — where the input may be legal — in a result whose numbers are all finite; never an
// internal error, a crash, a hang or a silently wrong number. `node --import tsx
// test/fuzz/run-corpus.ts` prints the same counts for any checkout (--root).
describe("the malformed-input corpus", () => {
  for (const surface of ["cli", "api"] as const)
    it(`ends every ${surface} case as it must`, { timeout: 30 * 60_000 }, async () => {
      const results = (await runCorpus({ only: surface }))[surface];
      console.log(`${surface} corpus: ${results.length} cases; ${JSON.stringify(countOutcomes(results))}`);
      expect(results.length).toBeGreaterThan(surface === "cli" ? 1000 : 500);
      expect(describeFailures(results)).toBe("");
    });
});
