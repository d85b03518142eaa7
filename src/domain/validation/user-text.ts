import { z } from "zod";
import { TEXT_BOUNDS } from "../common/input-bounds.ts";

/** Half of a surrogate pair without its other half (String.prototype.isWellFormed, before ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a piece of user text that would be stored, or undefined when nothing is. Text
 * may hold any character a database can keep: not NUL (PostgreSQL refuses U+0000 in text and in
 * jsonb, which answered 500 for an area named "a\u0000b") and no lone surrogate half (not Unicode;
 * jsonb refuses its escape too).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes("\u0000"))
    return "must not contain the NUL character (\\u0000), which no stored text can hold; remove it";
  if (LONE_SURROGATE.test(text))
    return "must be well-formed Unicode (it holds half of a surrogate pair, e.g. \\ud800); fix the encoding";
  return undefined;
}

/**
 * User text in a spec — names, labels, descriptions, ids: a string of at most `max` characters that
 * a database can store (see textProblem). Chain `.min(1)` where it must not be empty. One helper for
 * every spec (areas, legends, inventories, scenarios, structure problems), so that every text field
 * has a length bound and none can hold NUL.
 */
export function userText(max: number = TEXT_BOUNDS.name) {
  return z
    .string()
    .max(max, { error: `must be at most ${max.toLocaleString("en-US")} characters long` })
    .check((ctx) => {
      const problem = textProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    });
}
