import { sql, type Kysely } from "kysely";
import type { ControlRule, PlotLandUse } from "../../domain/manage/control-rule.ts";
import type { MineYearFacts } from "../../domain/manage/evaluation.ts";
import { plausibilityWarnings } from "../../domain/manage/plausibility.ts";
import type { MineSupervisionInput } from "../../domain/manage/supervision.ts";
import type { Target } from "../../domain/manage/target.ts";
import type { Database } from "../../storage/schema.ts";
import {
  mineYearFacts,
  reportYearFigures,
  ReportFactsProblem,
  type ReportYearFigures,
} from "./facts-from-report.ts";

/**
 * What supervision and evaluation read about a set of mines, in a handful of queries whatever their
 * number (targets, reports with their latest versions, plots with their rules): never one query per
 * mine. Reads run in the caller's row scope (a regulator reads its jurisdiction's rows).
 */

/** A report's states in which it counts as submitted: not a draft, not back with the enterprise. */
export const SUBMITTED_STATES = [
  "submitted",
  "verification",
  "in-review",
  "approved",
  "published",
  "rejected",
] as const;
/** A report's states whose latest version gives the year's facts. */
export const APPROVED_STATES = ["approved", "published"] as const;

export interface MineGathered {
  readonly targets: Target[];
  readonly facts: MineYearFacts[];
  readonly submittedYears: number[];
  readonly plots: { rule: ControlRule; landUse: PlotLandUse }[];
  /** Each year's submitted report's figures (its latest version), for the plausibility checks. */
  readonly submittedFigures: Map<number, ReportYearFigures>;
  readonly problems: { year: number; message: string }[];
}

const parseJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** Everything about the mines up to `year` (inclusive). */
export async function gatherMines(
  db: Kysely<Database>,
  mineIds: readonly string[],
  year: number,
): Promise<Map<string, MineGathered>> {
  const out = new Map<string, MineGathered>();
  if (mineIds.length === 0) return out;
  const ids = [...mineIds];
  const targets = await db
    .selectFrom("targets")
    .select(["id", "mine_id", "set_by", "target"])
    .where("mine_id", "in", ids)
    .where("withdrawn_at", "is", null)
    .orderBy("id")
    .execute();
  const reports = await db
    .selectFrom("annual_reports as r")
    .leftJoin("annual_report_versions as v", (j) =>
      j
        .onRef("v.report_id", "=", "r.id")
        .on(
          "v.number",
          "=",
          sql<number>`(select max(w.number) from annual_report_versions w where w.report_id = r.id)`,
        ),
    )
    .select(["r.id", "r.mine_id", "r.year", "r.state", "v.content"])
    .where("r.mine_id", "in", ids)
    .where("r.year", "<=", year)
    .execute();
  const plots = await db
    .selectFrom("plots as p")
    .innerJoin("control_rules as c", "c.id", "p.rule_id")
    .select(["p.id", "p.mine_id", "p.observed", "c.id as rule_id", "c.name as rule_name", "c.rule"])
    .where("p.mine_id", "in", ids)
    .execute();
  const allObserved = await db
    .selectFrom("plots")
    .select(["mine_id", "observed"])
    .where("mine_id", "in", ids)
    .where("observed", "is not", null)
    .execute();
  for (const id of ids)
    out.set(id, {
      targets: [],
      facts: [],
      submittedYears: [],
      plots: [],
      submittedFigures: new Map(),
      problems: [],
    });
  for (const t of targets)
    out.get(String(t.mine_id))!.targets.push({
      ...(parseJson(t.target) as object),
      id: String(t.id),
      setBy: t.set_by,
    } as Target);
  const approved = new Map<string, ReportYearFigures[]>();
  for (const r of reports) {
    const m = out.get(String(r.mine_id))!;
    const submitted = (SUBMITTED_STATES as readonly string[]).includes(r.state);
    if (submitted) m.submittedYears.push(r.year);
    if (!submitted || r.content === null || r.content === undefined) continue;
    try {
      const f = reportYearFigures(parseJson(r.content), r.year);
      m.submittedFigures.set(r.year, f);
      if ((APPROVED_STATES as readonly string[]).includes(r.state))
        approved.set(String(r.mine_id), [...(approved.get(String(r.mine_id)) ?? []), f]);
    } catch (e) {
      if (!(e instanceof ReportFactsProblem)) throw e;
      m.problems.push({ year: r.year, message: e.message });
    }
  }
  const observedOf = new Map<string, unknown[]>();
  for (const p of allObserved)
    observedOf.set(String(p.mine_id), [...(observedOf.get(String(p.mine_id)) ?? []), parseJson(p.observed)]);
  for (const [id, m] of out) {
    m.facts.push(...mineYearFacts(approved.get(id) ?? [], observedOf.get(id) ?? []));
    m.submittedYears.sort((a, b) => a - b);
  }
  for (const p of plots) {
    const observed = parseJson(p.observed) as Partial<PlotLandUse> | null;
    if (!observed || typeof observed !== "object" || !Array.isArray(observed.transitionsHa)) continue;
    out.get(String(p.mine_id))!.plots.push({
      rule: { ...(parseJson(p.rule) as object), id: String(p.rule_id), name: p.rule_name } as ControlRule,
      landUse: { ...(observed as PlotLandUse), plotId: String(p.id) },
    });
  }
  return out;
}

/** The supervision input of one gathered mine in `year`. */
export function supervisionInput(mineId: string, g: MineGathered, year: number): MineSupervisionInput {
  const now = g.submittedFigures.get(year);
  const before = g.submittedFigures.get(year - 1);
  return {
    mineId,
    targets: g.targets,
    facts: g.facts,
    submittedYears: g.submittedYears,
    plots: g.plots,
    warnings: now ? plausibilityWarnings(now, before) : [],
  };
}
