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
    if (v === null || typeof v !== "object") return undefined;
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
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const value = valueAt(raw, issue.path);
    const got = `; got ${describeValue(value)}`;
    let rule: string;
    switch (issue.code) {
      case "invalid_type":
        rule =
          value === undefined ? `must be given (${issue.expected})` : `must be ${article(issue.expected)}`;
        break;
      case "too_small":
        rule =
          issue.origin === "array"
            ? `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}`
            : issue.origin === "string"
              ? "must not be empty"
              : `must be ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`;
        break;
      case "too_big":
        rule = `must be ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`;
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

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping of fields";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
