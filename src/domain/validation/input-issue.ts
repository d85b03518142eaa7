/** One problem in an input: where it is (a dotted path, a file row) and what is wrong with it. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Bad input from the user: every problem found, all at once. The CLI exits with code 2 on it and the
 * API answers 4xx; nothing is written.
 */
export class InputError extends Error {
  readonly code = "bad-input";
  readonly issues: readonly InputIssue[];
  constructor(source: string, issues: readonly InputIssue[]) {
    const lines = issues.map((i) => (i.path ? `  - ${i.path}: ${i.message}` : `  - ${i.message}`));
    super(`${source} has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${lines.join("\n")}`);
    this.issues = issues;
  }
}

/** Formats a value for an error message: short, quoted when a string. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
