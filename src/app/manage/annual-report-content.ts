import { sql, type Kysely } from "kysely";
import {
  annualReportContentSchema,
  type AnnualReportContent,
  type ReportChecks,
} from "../../contract/annual-report.ts";
import {
  DEFAULT_PLAUSIBILITY_RANGES,
  plausibilityWarnings,
  type ReportFigures,
} from "../../domain/manage/plausibility.ts";
import type { YearInventory } from "../../domain/mine/year-inventory.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../../domain/validation/zod-issues.ts";
import type { AnnualReportRepository, StoredAnnualReport } from "../../storage/annual-report-repository.ts";
import type { Database } from "../../storage/schema.ts";
import { inventoryYears } from "../area-inventory.ts";

/** What the content checks read: the database (plots, areas) and the report's evidence. */
export interface ContentReaders {
  readonly db: Kysely<Database>;
  readonly annualReports: AnnualReportRepository;
}

/** The report year's computed inventory, or the problems of the inventory document (paths under `inventory`). */
export function computeInventory(
  doc: unknown,
  year: number,
): { ok: true; year: YearInventory } | { ok: false; problems: InputIssue[] } {
  if (doc === undefined || doc === null)
    return {
      ok: false,
      problems: [{ path: "inventory", message: "is required: the year's mine-inventory document" }],
    };
  try {
    const years = inventoryYears(doc, "inventory");
    if (years.length !== 1 || years[0]!.year !== year)
      return {
        ok: false,
        problems: [
          {
            path: "inventory.years",
            message: `must hold exactly the report's year ${year}; got ${years.map((y) => y.year).join(", ") || "none"}`,
          },
        ],
      };
    return { ok: true, year: years[0]!.result.years[0]! };
  } catch (e) {
    if (e instanceof InputError)
      return {
        ok: false,
        problems: e.issues.map((i) => ({
          path: i.path ? `inventory.${i.path}` : "inventory",
          message: i.message,
        })),
      };
    throw e;
  }
}

/** The figures the plausibility checks read, from a computed year of the inventory model. */
export const figuresOf = (y: YearInventory): ReportFigures => ({
  year: y.year,
  emissionsTCO2ePerYr: y.totals.grossEmissionTCO2ePerYr,
  coalOutputT: y.coalOutputT,
  energyTce: y.totals.energyTce,
});

/**
 * Whether the draft may be submitted as it is: every part present and valid (the content schema),
 * its inventory computes for the report's year, its evidence files are the report's own, its
 * plots are the mine's and its land-use data an area holding the mine with that area's maps and
 * analysis. Problems name the field at its path in the content ("measures[0].investmentCny").
 */
export async function submissionCheck(
  r: ContentReaders,
  report: StoredAnnualReport,
  draft: unknown,
): Promise<
  { ok: true; content: AnnualReportContent; figures: ReportFigures } | { ok: false; problems: InputIssue[] }
> {
  const parsed = annualReportContentSchema.safeParse(draft);
  const problems: InputIssue[] = parsed.success ? [] : zodIssuesToInputIssues(parsed.error, draft);
  const d = (draft ?? {}) as Partial<AnnualReportContent>;
  let figures: ReportFigures | undefined;
  if (d.inventory !== undefined) {
    const inv = computeInventory(d.inventory, report.year);
    if (!inv.ok) problems.push(...inv.problems);
    else figures = figuresOf(inv.year);
  }
  if (Array.isArray(d.evidence)) {
    const own = new Set((await r.annualReports.evidence(report.id)).map((f) => f.id));
    d.evidence.forEach((id, i) => {
      if (typeof id === "string" && !own.has(id))
        problems.push({ path: `evidence[${i}]`, message: `no evidence file ${id} of this report` });
    });
  }
  if (Array.isArray(d.reclamation)) {
    const ids = d.reclamation.map((l) => l?.plotId).filter((x): x is string => typeof x === "string");
    const plots = ids.length
      ? new Set(
          (
            await r.db
              .selectFrom("plots")
              .select("id")
              .where("mine_id", "=", report.mineId)
              .where(sql<boolean>`id::text in (${sql.join(ids)})`)
              .execute()
          ).map((p) => String(p.id)),
        )
      : new Set<string>();
    d.reclamation.forEach((l, i) => {
      if (typeof l?.plotId === "string" && !plots.has(l.plotId))
        problems.push({ path: `reclamation[${i}].plotId`, message: `no plot ${l.plotId} of this mine` });
    });
  }
  const lu = d.landUse;
  if (lu && typeof lu.areaId === "string") {
    const holds = await r.db
      .selectFrom("area_mines")
      .select("area_id")
      .where("area_id", "=", lu.areaId)
      .where("mine_id", "=", report.mineId)
      .executeTakeFirst();
    if (!holds)
      problems.push({ path: "landUse.areaId", message: `no analysis area ${lu.areaId} holding this mine` });
    else {
      const maps = new Set(
        (await r.db.selectFrom("landuse_maps").select("id").where("area_id", "=", lu.areaId).execute()).map(
          (m) => String(m.id),
        ),
      );
      (lu.mapIds ?? []).forEach((id, i) => {
        if (!maps.has(id))
          problems.push({ path: `landUse.mapIds[${i}]`, message: `no map ${id} of area ${lu.areaId}` });
      });
      if (lu.analysisId !== undefined) {
        const a = await r.db
          .selectFrom("analyses")
          .select("id")
          .where("id", "=", lu.analysisId)
          .where("area_id", "=", lu.areaId)
          .executeTakeFirst();
        if (!a)
          problems.push({
            path: "landUse.analysisId",
            message: `no analysis ${lu.analysisId} of area ${lu.areaId}`,
          });
      }
    }
  }
  return problems.length === 0 && parsed.success && figures
    ? { ok: true, content: parsed.data, figures }
    : { ok: false, problems };
}

/**
 * The plausibility checks of a report's draft against the mine's approved (or published) report
 * of the year before: year-on-year jumps, units off by 10⁴, intensity and energy per tonne outside
 * the screening ranges (plausibility.ts). Figures come from the inventory model.
 */
export async function reportChecks(r: ContentReaders, report: StoredAnnualReport): Promise<ReportChecks> {
  const inv = computeInventory((report.draft as { inventory?: unknown } | null)?.inventory, report.year);
  const figures = inv.ok ? figuresOf(inv.year) : null;
  const previous = await previousApprovedFigures(r, report);
  const ranges = DEFAULT_PLAUSIBILITY_RANGES;
  return {
    figures,
    comparedWith: previous,
    inventoryProblems: inv.ok ? [] : inv.problems,
    warnings: figures
      ? plausibilityWarnings(figures, previous ?? undefined, ranges).map((w) => ({
          ...w,
          path: String(w.path),
        }))
      : [],
    ranges: {
      yearOnYearShare: ranges.yearOnYearShare,
      intensityTCO2ePerT: [...ranges.intensityTCO2ePerT],
      energyTcePerT: [...ranges.energyTcePerT],
      source: ranges.source,
    },
  };
}

/** The figures of the mine's approved or published report of the year before `report`'s, if any. */
export async function previousApprovedFigures(
  r: ContentReaders,
  report: StoredAnnualReport,
): Promise<ReportFigures | null> {
  const earlier = (await r.annualReports.ofMine(report.mineId, ["approved", "published"])).find(
    (x) => x.year === report.year - 1,
  );
  if (!earlier) return null;
  return (await r.annualReports.submittedFigures([earlier.id])).get(earlier.id) ?? null;
}
