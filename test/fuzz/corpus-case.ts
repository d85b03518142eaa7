/**
 * The malformed-input corpus: each case is one command line or one HTTP request that a careless or
 * hostile user could send, with what must come of it. The runner (run-corpus.ts) classifies what
 * actually came of it into an outcome; the corpus-*.test.ts files require every case to end as expected.
 */

/**
 * What a case must end in:
 * - `refused`: exit 2 / HTTP 4xx with a message (no stack trace) — bad input named as such;
 * - `ok`: exit 0 / HTTP 2xx with every number finite;
 * - `either`: refused or ok (the input is odd but may be legal, e.g. a bit flip that still decodes);
 *   never an internal error, a crash, a hang or a non-finite number.
 */
export type Expectation = "refused" | "ok" | "either";

/** What a case ended in. */
export type Outcome =
  | "refused" // exit 2 / 4xx with a clear message
  | "ok" // exit 0 / 2xx, numbers finite
  | "non-finite" // exit 0 / 2xx, but NaN, Infinity or a null total in the output
  | "internal" // exit 1 / 5xx
  | "unclear" // refused, but the message is empty, a stack trace, or does not name what it must
  | "crash" // the process died (signal, out of memory)
  | "hang" // no answer within the case's time
  | "memory"; // grew past the memory bound and was stopped

/** One command line, run as `minecarbon <argv…>` inside a runner process. */
export interface CliCase {
  readonly id: string;
  readonly argv: readonly string[];
  readonly expect: Expectation;
  /** The refusal message must match this (e.g. the field or block it must name). */
  readonly names?: string;
  /** Seconds before the case counts as a hang (default 60: generous on a busy 2-core machine). */
  readonly seconds?: number;
}

/** One HTTP request against a test app that has a seeded area (id `{area}`) with two maps. */
export interface ApiCase {
  readonly id: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** `{area}` and `{inventory}` are replaced by the seeded ids; `{fresh}` by a new area's id. */
  readonly url: string;
  /** A JSON value, raw text (sent as application/json), or a multipart upload. */
  readonly body?:
    | { readonly json: unknown }
    | { readonly raw: string }
    | { readonly upload: { readonly year?: string; readonly file?: string } };
  readonly headers?: Readonly<Record<string, string>>;
  readonly expect: Expectation;
  readonly names?: string;
  readonly seconds?: number;
}

/** The result of one case as the runner saw it. */
export interface CaseResult {
  readonly id: string;
  readonly outcome: Outcome;
  readonly expect: Expectation;
  /** Exit code or HTTP status (undefined for crash/hang/memory). */
  readonly status?: number;
  /** The first lines of the message or body, to show when a case failed. */
  readonly message: string;
  readonly ms: number;
}

/** Whether an outcome is what the case expected. */
export function meetsExpectation(expect: Expectation, outcome: Outcome): boolean {
  if (expect === "either") return outcome === "refused" || outcome === "ok";
  return outcome === expect;
}

/** Counts outcomes: `{refused: 812, ok: 40, internal: 3, …}`. */
export function countOutcomes(results: readonly CaseResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}

const NON_FINITE = /\bNaN\b|-?Infinity\b|∞/;

/**
 * Whether printed output carries a number that is not finite. (JSON writes them as null, which is
 * also a missing figure's honest value: the corpus runner watches JSON.stringify for those.)
 */
export function hasNonFinite(text: string): boolean {
  return NON_FINITE.test(text);
}

/** Whether a refusal message is one a user can act on: not empty, no stack, no "internal". */
export function isClearRefusal(message: string, names?: string): boolean {
  if (!message.trim()) return false;
  if (/\n\s+at .+:\d+:\d+/.test(message) || /internal error/i.test(message)) return false;
  return names === undefined || new RegExp(names).test(message);
}
