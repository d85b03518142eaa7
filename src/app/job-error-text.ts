import type { InputIssue } from "../domain/validation/input-issue.ts";

/** A file a job wrote or read, and how an API client knows it: a field path and a phrase. */
export interface JobFile {
  readonly path: string;
  /** The API field it came from, e.g. `legend`, `boundary`, `maps.2010`. */
  readonly field: string;
  /** What the client calls it, e.g. "the area's legend", "the 2010 map". */
  readonly term: string;
}

/**
 * The analysis engine speaks the CLI's language (flags, file paths); a job's client knows the area,
 * its legend, boundary and maps and the job's parameters. Phrases that tell a CLI user what to type
 * become what an API client can do instead.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [
    /give a rule table with --rules/g,
    'choose zoning "data-driven" (with a densitySet) or "none", or give the legend the classes of seed 001',
  ],
  [/\(add --align nearest to resample onto the first grid\)/g, "(upload maps on one grid)"],
  [
    /\(reproject with gdalwarp onto the first map's grid first\)/g,
    "(reproject it onto the other maps' grid and upload it again)",
  ],
  [/a carbon-density table \(--pools\)/g, "a densitySet"],
  // "legend /…/legend.csv" became "legend the area's legend".
  [/\b(legend|boundary|map) (the (?:area's|\d{4}) \1)/g, "$2"],
];

/** CLI flags and the API fields they stand for. */
const FLAGS: Readonly<Record<string, string>> = {
  "--legend": "legend",
  "--map": "years",
  "--pools": "densitySet",
  "--zones": "boundary",
  "--zone-field": "boundary",
  "--boundary": "boundary",
  "--zoning": "zoning",
  "--rules": "zoning",
  "--zero-rule": "zeroRule",
};

/** Absolute paths (two or more segments) that no table above accounted for. */
const ANY_PATH = /(?<=^|[\s'"(=[,])\/(?:[^\s'"()[\]/,;:]+\/)+[^\s'"()[\],;:]*/g;

const longestFirst = (files: readonly JobFile[]) => [...files].sort((a, b) => b.path.length - a.path.length);

/**
 * A job's error text in its client's terms: the files it used named as the client knows them
 * (longest path first), any other server path hidden, and CLI flags named as API fields.
 */
export function inClientTerms(text: string, files: readonly JobFile[]): string {
  let out = text;
  for (const f of longestFirst(files)) out = out.split(f.path).join(f.term);
  out = out.replace(ANY_PATH, "a file on the server");
  for (const [re, phrase] of PHRASES) out = out.replace(re, phrase);
  // A flag stands alone (after a space, quote or bracket): "x--y" in a class name is not one.
  return out.replace(/(?<=^|[\s'"(`])--[a-z][a-z-]*/g, (flag) => FLAGS[flag] ?? "a server setting");
}

/** The API field a CLI-style location stands for: a file's field, a flag's field, or undefined. */
function fieldOfLocation(s: string, files: readonly JobFile[]): string | undefined {
  const file = longestFirst(files).find((f) => s.startsWith(f.path));
  if (file) return file.field;
  const flag = /^--[a-z][a-z-]*/.exec(s)?.[0];
  return flag === undefined ? undefined : (FLAGS[flag] ?? "");
}

/**
 * An issue's path in API fields: a file becomes its field, a flag the field it stands for, a path
 * inside a file (its source) the file's field followed by that path.
 */
export function fieldOf(path: string, source: string, files: readonly JobFile[]): string {
  const own = fieldOfLocation(path, files);
  if (own !== undefined) return own;
  const from = fieldOfLocation(source, files);
  if (from !== undefined) return path && from ? `${from}.${path}` : from || path;
  if (new RegExp(ANY_PATH.source).test(path)) return "";
  return path || (/^[A-Za-z][\w.]*$/.test(source) ? source : "");
}

/** Every issue of a failed job in its client's terms, with API field paths. */
export function issuesInClientTerms(
  source: string,
  issues: readonly InputIssue[],
  files: readonly JobFile[],
): InputIssue[] {
  return issues.map((i) => {
    // A path that named files ("a.tif vs b.tif") says what is wrong with which: keep it, in client terms.
    const namesFiles = files.some((f) => i.path.includes(f.path)) || new RegExp(ANY_PATH.source).test(i.path);
    const where = namesFiles ? `${inClientTerms(i.path, files)}: ` : "";
    return { path: fieldOf(i.path, source, files), message: `${where}${inClientTerms(i.message, files)}` };
  });
}
