import type { z } from "zod";
import { describeValue, type InputIssue } from "./input-issue.ts";

/** Formats a path like ["energy", 0, "amount"] as "energy[0].amount". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

/**
 * Turns zod's issues into InputIssues of the form "`<path>` must <rule>; got <value>", reading the
 * offending value from the raw input so that the user sees what they wrote.
 */
export function zodIssuesToInputIssues(
  error: z.ZodError,
  raw: unknown,
  prefix: readonly PropertyKey[] = [],
): InputIssue[] {
  return flattenUnions(error.issues, raw, []).map(({ issue, at }) => {
    const path = [...prefix, ...at];
    const value = valueAt(raw, at);
    const got = `; got ${describeValue(value)}`;
    let rule: string;
    switch (issue.code) {
      case "invalid_type":
        rule =
          value === undefined
            ? `must be given (${issue.expected})`
            : issue.expected === "number" && typeof value === "number"
              ? "must be a finite number"
              : `must be ${article(issue.expected)}`;
        break;
      case "too_small":
        rule = issue.message.startsWith("must ")
          ? issue.message
          : issue.origin === "array"
            ? `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}`
            : issue.origin === "string"
              ? "must not be empty"
              : `must be ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`;
        break;
      case "too_big":
        // Bounds written by bounded-number.ts / user-text.ts say which bound and why.
        rule = issue.message.startsWith("must ")
          ? issue.message
          : issue.origin === "array"
            ? `must have at most ${issue.maximum} items`
            : issue.origin === "string"
              ? `must be at most ${issue.maximum} characters long`
              : `must be ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`;
        break;
      case "invalid_value":
        rule = `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
        break;
      case "unrecognized_keys":
        return {
          path: formatPath(path),
          message: `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; check the spelling against the documentation`,
        };
      case "invalid_union":
        rule =
          issue.message && !issue.message.startsWith("Invalid input")
            ? issue.message
            : "does not match any allowed form";
        break;
      default:
        rule = issue.message;
    }
    return { path: formatPath(path), message: rule.includes("; got ") ? rule : `${rule}${got}` };
  });
}

type Issue = z.ZodError["issues"][number];

/**
 * Issues with their full paths, a union's issues replaced by those of the one form the value has
 * (an object with massT is the { massT } form; a number is the number form of "number or factor
 * id"), so that `massT: .nan` is reported at massT as "must be a finite number", not as "matches no
 * form" at the union. A form is not the value's when it fails at the union's own place (another
 * type, unknown keys) or misses a field it requires; when not exactly one form is left, the union's
 * own message stands.
 */
function flattenUnions(
  issues: readonly Issue[],
  raw: unknown,
  base: readonly PropertyKey[],
): { issue: Issue; at: PropertyKey[] }[] {
  return issues.flatMap((issue) => {
    const at = [...base, ...issue.path];
    if (issue.code !== "invalid_union" || !("errors" in issue) || !Array.isArray(issue.errors))
      return [{ issue, at }];
    const fitting = (issue.errors as Issue[][]).filter(
      (branch) =>
        !branch.some(
          (i) =>
            (i.path.length === 0 && (i.code === "invalid_type" || i.code === "unrecognized_keys")) ||
            ((i.code === "invalid_type" || i.code === "invalid_value") &&
              valueAt(raw, [...at, ...i.path]) === undefined),
        ),
    );
    return fitting.length === 1 ? flattenUnions(fitting[0]!, raw, at) : [{ issue, at }];
  });
}

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping of fields";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
