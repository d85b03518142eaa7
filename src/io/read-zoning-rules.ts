import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Legend } from "../domain/landuse/legend.ts";
import { checkZoningRules, type ZoningRule, type ZoningRules } from "../domain/landuse/zoning-rules.ts";
import { COUNT_BOUNDS, TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { boundedList } from "../domain/validation/bounded-number.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { userText } from "../domain/validation/user-text.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { readCsvTable } from "./read-csv-table.ts";

const name = () => userText().min(1);
const classRef = z.union([name(), z.number().int().min(0).max(65535)]);
const ruleFile = z.strictObject({
  id: userText().optional(),
  source: userText(TEXT_BOUNDS.text).optional(),
  zones: boundedList(name()).optional(),
  rules: boundedList(
    z.strictObject({
      zone: name(),
      from: boundedList(classRef, COUNT_BOUNDS.legendClasses).min(1),
      to: boundedList(classRef, COUNT_BOUNDS.legendClasses).min(1),
    }),
  ).min(1),
});

/**
 * A zoning rule table from CSV (`zone,from,to`, classes separated by `;`) or JSON
 * (`{"rules": [{"zone", "from": [...], "to": [...]}]}`). Classes may be named by legend key, code or
 * name; they are stored as keys. Rules that name unknown classes or give one transition two zones
 * are errors.
 */
export function readZoningRules(path: string, legend: Legend): ZoningRules {
  const resolve = (value: string | number, where: string, issues: InputIssue[]): string | undefined => {
    const text = String(value).trim();
    const c = legend.classes.find(
      (k) => k.key === text || String(k.code) === text || k.name.toLowerCase() === text.toLowerCase(),
    );
    if (!c)
      issues.push({
        path: where,
        message: `"${text}" is not a class of the legend (${legend.classes.map((k) => k.key).join(", ")})`,
      });
    return c?.key;
  };
  const issues: InputIssue[] = [];
  const rules: ZoningRule[] = [];
  let zones: string[] = [];
  let id = path;
  let source = path;
  if (/\.json$/i.test(path)) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new InputError(path, [{ path: "", message: `cannot be read as JSON: ${(e as Error).message}` }]);
    }
    const parsed = ruleFile.safeParse(doc);
    if (!parsed.success) throw new InputError(path, zodIssuesToInputIssues(parsed.error, doc));
    id = parsed.data.id ?? id;
    source = parsed.data.source ?? source;
    zones = parsed.data.zones ?? [];
    parsed.data.rules.forEach((r, i) => {
      const from = r.from.map((v, j) => resolve(v, `rules[${i}].from[${j}]`, issues));
      const to = r.to.map((v, j) => resolve(v, `rules[${i}].to[${j}]`, issues));
      rules.push({
        zone: r.zone,
        from: from.filter((x) => x !== undefined),
        to: to.filter((x) => x !== undefined),
      });
    });
  } else {
    const t = readCsvTable(path);
    const missing = ["zone", "from", "to"].filter((c) => !t.header.includes(c));
    if (missing.length)
      throw new InputError(path, [
        {
          path: "header",
          message: `a rule table needs columns zone, from, to; missing ${missing.join(", ")}`,
        },
      ]);
    t.rows.forEach((row, i) => {
      const at = `row ${i + 2}`;
      const split = (s: string) =>
        s
          .split(/[;|]/)
          .map((x) => x.trim())
          .filter(Boolean);
      if (!row.zone) issues.push({ path: `${at}, zone`, message: "must name a zone" });
      const from = split(row.from ?? "").map((v) => resolve(v, `${at}, from`, issues));
      const to = split(row.to ?? "").map((v) => resolve(v, `${at}, to`, issues));
      if (!from.length) issues.push({ path: `${at}, from`, message: "must name at least one class" });
      if (!to.length) issues.push({ path: `${at}, to`, message: "must name at least one class" });
      rules.push({
        zone: row.zone ?? "",
        from: from.filter((x) => x !== undefined),
        to: to.filter((x) => x !== undefined),
      });
    });
  }
  for (const r of rules) if (!zones.includes(r.zone)) zones.push(r.zone);
  if (issues.length) throw new InputError(path, issues);
  const table: ZoningRules = { id, source, zones, rules };
  const problems = checkZoningRules(
    table,
    legend.classes.map((c) => c.key),
  );
  if (problems.length)
    throw new InputError(
      path,
      problems.map((message) => ({ path: "", message })),
    );
  return table;
}
