import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * The shipped examples of the source tree under test: this checkout's, or those of the tree the
 * corpus runs against (run-corpus.ts --root sets MINECARBON_CORPUS_ROOT), so that an older checkout
 * is fed the documents it knows.
 */
export const examplesDir = () =>
  join(process.env.MINECARBON_CORPUS_ROOT ?? join(import.meta.dirname, "..", ".."), "examples");

/** A shipped example as plain data. */
export const example = (file: string): unknown => parse(readFileSync(join(examplesDir(), file), "utf8"));

type Path = readonly (string | number)[];

/** The paths of every number in a document, e.g. ["energy", 0, "amount"]. */
export function numericLeaves(doc: unknown, at: Path = []): Path[] {
  if (typeof doc === "number") return [at];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => numericLeaves(v, [...at, i]));
  if (doc && typeof doc === "object")
    return Object.entries(doc).flatMap(([k, v]) => numericLeaves(v, [...at, k]));
  return [];
}

/** The paths of every string in a document. */
export function textLeaves(doc: unknown, at: Path = []): Path[] {
  if (typeof doc === "string") return [at];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => textLeaves(v, [...at, i]));
  if (doc && typeof doc === "object")
    return Object.entries(doc).flatMap(([k, v]) => textLeaves(v, [...at, k]));
  return [];
}

/** A copy of `doc` with the value at `path` replaced. */
export function withValue(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** "energy[0].amount" for ["energy", 0, "amount"]. */
export function pathText(path: Path): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i ? `.${k}` : k)).join("");
}

/**
 * The numeric mutations every field must survive: values no physical quantity of a mine takes, and
 * the non-finite values YAML can spell. Each must be refused at its field.
 */
export const ABSURD_NUMBERS: readonly { readonly name: string; readonly value: unknown }[] = [
  { name: "1e308", value: 1e308 },
  { name: "-1e308", value: -1e308 },
  { name: "inf", value: Infinity },
  { name: "nan", value: NaN },
  { name: "text", value: "abc" },
];

/** Odd but possibly legal values: never a crash, an internal error or a non-finite result. */
export const ODD_NUMBERS: readonly { readonly name: string; readonly value: unknown }[] = [
  { name: "negative", value: -1 },
  { name: "zero", value: 0 },
  { name: "null", value: null },
];

/**
 * Monte Carlo draws of a pathway whose text (a name, a label, a source) a case mutates, instead of
 * the example's 200: a text enters no figure, so more draws would only repeat the same sums (about
 * 1.5 s a case on a 2-core machine, 44 cases). The numeric mutations keep the example's draws.
 */
export const TEXT_CASE_DRAWS = 20;

/** Strings a hostile or careless user types into names and labels. */
export const HOSTILE_TEXT: readonly { readonly name: string; readonly value: string }[] = [
  { name: "nul", value: "a\u0000b" },
  { name: "html", value: '<img src=x onerror=alert(1)>"><svg onload=alert(2)>' },
  { name: "long", value: "x".repeat(100_000) },
  { name: "rtl-emoji", value: "\u202e矿区🙂\u0301" },
  { name: "lone-surrogate", value: "a\ud800b" },
];
