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

/** Longest text of a value shown in a message; longer values end in "...". */
const SHOWN_CHARS = 60;

/**
 * Formats a value for an error message: short (at most about 60 characters, however large or deeply
 * nested the value — it never walks further than it prints), strings quoted, and the numbers YAML
 * can hold but JSON cannot in YAML's spelling (.nan, .inf, -.inf), since JSON.stringify would show
 * them as "null".
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const out: string[] = [];
  let left = SHOWN_CHARS;
  const put = (s: string) => {
    out.push(s);
    left -= s.length;
  };
  // Each level prints at least one character first, so the recursion is as deep as the text is long.
  const walk = (v: unknown): void => {
    if (left <= 0) return;
    if (typeof v === "number") put(nonFiniteName(v) ?? String(v));
    else if (typeof v === "string")
      put(v.length > SHOWN_CHARS ? `${JSON.stringify(v.slice(0, SHOWN_CHARS - 3))}...` : JSON.stringify(v));
    else if (v === null || typeof v === "boolean") put(String(v));
    else if (Array.isArray(v)) {
      put("[");
      for (let i = 0; i < v.length && left > 0; i++) {
        if (i) put(",");
        walk(v[i]);
      }
      put("]");
    } else if (typeof v === "object") {
      put("{");
      let first = true;
      for (const k in v) {
        if (left <= 0) break;
        if (!Object.hasOwn(v, k)) continue;
        if (!first) put(",");
        first = false;
        put(`${JSON.stringify(k.length > SHOWN_CHARS ? `${k.slice(0, SHOWN_CHARS)}...` : k)}:`);
        walk((v as Record<string, unknown>)[k]);
      }
      put("}");
    } else put(String(v));
  };
  walk(value);
  const text = out.join("");
  return text.length > SHOWN_CHARS && typeof value !== "string"
    ? `${text.slice(0, SHOWN_CHARS - 3)}...`
    : text;
}

/** YAML's name of a non-finite number (.nan, .inf, -.inf), or undefined for a finite one. */
export function nonFiniteName(n: number): string | undefined {
  if (Number.isNaN(n)) return ".nan";
  if (n === Infinity) return ".inf";
  if (n === -Infinity) return "-.inf";
  return undefined;
}
