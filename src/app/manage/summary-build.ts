import type { FlagJson } from "../../contract/supervision.ts";
import type { NoticeJson } from "../../contract/notice.ts";
import {
  DEFAULT_TARGET_WEIGHTS,
  dueShare,
  evaluateMine,
  rankMines,
  type MineEvaluation,
  type MineYearFacts,
} from "../../domain/manage/evaluation.ts";
import { DEFAULT_REPORT_DUE, mineStatus, type MineStatus } from "../../domain/manage/mine-status.ts";
import type { ReportState } from "../../domain/manage/report-workflow.ts";
import { FLAG_KINDS, type FlagKind } from "../../domain/manage/supervision.ts";
import type { Target, TargetKind } from "../../domain/manage/target.ts";
import type { MineOverviewRow } from "../../storage/management-overview.ts";

/**
 * The regulator's annual summary across mines (issue 13; docs/management-overview.md "The annual
 * summary"): one row per mine the actor may read (the overview's mines, with the status the overview
 * gives them), totals per region, the open flags and the notices. Built from values the route reads;
 * rendered to XLSX and PDF by summary-xlsx.ts and summary-pdf.ts through summary-tables.ts.
 *
 * The year's emissions, coal output, intensity and reclaimed land are those of the year's approved
 * (or published) report, as the evaluation reads them (supervision-gather.ts, facts-from-report.ts):
 * a mine whose report for the year is not approved has them blank. Score and rank are the
 * evaluation's (evaluateMine with DEFAULT_TARGET_WEIGHTS, rankMines over the summary's mines).
 */

export interface SummaryMine {
  readonly mineId: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly enterprise: { readonly name: string | null; readonly nameZh: string | null };
  readonly regionCode: string;
  readonly status: MineStatus;
  readonly reportState: ReportState | null;
  /** The year's gross emissions (approved report), t CO2e. */
  readonly emissionsTCO2e: number | null;
  readonly coalOutputT: number | null;
  /** Emissions per tonne of coal, t CO2e/t. */
  readonly intensityTCO2ePerT: number | null;
  /** What the intensity-reduction target asks of the year: the base year's intensity less the share due. */
  readonly intensityTargetTCO2ePerT: number | null;
  /** The emission cap's limit, t CO2e a year (the lowest when several). */
  readonly emissionCapTCO2e: number | null;
  /** Every judged emission target (intensity reduction, cap) met; null when none could be judged. */
  readonly emissionsOnTrack: boolean | null;
  /** Land reclaimed to the year's end (cumulative over approved reports), ha. */
  readonly reclaimedHa: number | null;
  /** The reclamation-area target's share due by the year, and what was reclaimed since its base year, ha. */
  readonly reclamationDueHa: number | null;
  readonly reclaimedSinceBaseHa: number | null;
  /** Every judged reclamation target (area, rate) met; null when none could be judged. */
  readonly reclamationOnTrack: boolean | null;
  readonly openFlagsByKind: Readonly<Record<FlagKind, number>>;
  /** Rectification notices not closed (open, responded, escalated). */
  readonly openNotices: number;
  readonly score: number | null;
  /** Rank among the summary's mines (1 = best); null when the mine has no score. */
  readonly rank: number | null;
}

export interface SummaryRegion {
  readonly regionCode: string;
  readonly name: string | null;
  readonly nameZh: string | null;
  readonly mines: number;
  /** Mines whose year's report is approved or published (their figures are in the sums). */
  readonly approvedMines: number;
  readonly emissionsTCO2e: number;
  readonly coalOutputT: number;
  /** Σ emissions ÷ Σ coal output over the mines with both; null without coal output. */
  readonly intensityTCO2ePerT: number | null;
  readonly reclaimedHa: number;
  readonly openFlags: number;
  readonly openNotices: number;
  readonly meanScore: number | null;
}

export interface SummaryFlag {
  readonly mineId: string;
  readonly mineName: string;
  readonly mineNameZh: string | null;
  readonly kind: string;
  readonly year: number;
  readonly raisedAt: string;
  readonly evidence: string;
}

export interface SummaryNotice {
  readonly mineId: string;
  readonly mineName: string;
  readonly mineNameZh: string | null;
  readonly issuedAt: string;
  /** The deadline day, YYYY-MM-DD. */
  readonly deadline: string;
  readonly state: NoticeJson["state"];
}

export interface ManagementSummary {
  readonly year: number;
  readonly generatedAt: string;
  readonly mines: readonly SummaryMine[];
  /** One row per region, then the total over all of them (regionCode "all"). */
  readonly regions: readonly SummaryRegion[];
  readonly flags: readonly SummaryFlag[];
  readonly notices: readonly SummaryNotice[];
}

/** What the route reads for the summary. */
export interface SummaryInput {
  readonly year: number;
  readonly now: Date;
  readonly mines: readonly MineOverviewRow[];
  /** Each mine's targets and the facts of its approved reports up to the year (gatherMines). */
  readonly gathered: ReadonlyMap<string, { targets: readonly Target[]; facts: readonly MineYearFacts[] }>;
  /** The open flags of the mines. */
  readonly openFlags: readonly FlagJson[];
  readonly notices: readonly NoticeJson[];
  readonly regions: ReadonlyMap<string, { name: string; nameZh: string | null }>;
}

const EMISSION_KINDS: readonly TargetKind[] = ["intensity-reduction", "emission-cap"];
const RECLAMATION_KINDS: readonly TargetKind[] = ["reclamation-area", "reclamation-rate"];

/** Met when every judged achievement of the kinds is in full; null when none was judged. */
function onTrack(e: MineEvaluation, kinds: readonly TargetKind[]): boolean | null {
  const judged = e.achievements.filter((a) => kinds.includes(a.kind) && a.degree !== null);
  return judged.length === 0 ? null : judged.every((a) => a.degree! >= 1);
}

/** The day of an ISO time in China Standard Time, YYYY-MM-DD. */
export const cstDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

const EVIDENCE_CHARS = 200;
const shorten = (s: string) => (s.length <= EVIDENCE_CHARS ? s : `${s.slice(0, EVIDENCE_CHARS - 1)}…`);

export function buildSummary(input: SummaryInput): ManagementSummary {
  const { year, now } = input;
  const evaluations = input.mines.map((m) => {
    const g = input.gathered.get(m.mineId) ?? { targets: [], facts: [] };
    return {
      mineId: m.mineId,
      g,
      evaluation: evaluateMine(g.targets, g.facts, year, DEFAULT_TARGET_WEIGHTS),
    };
  });
  const rankOf = new Map(rankMines(evaluations).map((r) => [r.mineId, r.rank]));
  const flagsOf = new Map<string, Record<FlagKind, number>>();
  const mineIds = new Set(input.mines.map((m) => m.mineId));
  for (const f of input.openFlags) {
    if (!mineIds.has(f.mineId) || f.status !== "open") continue;
    const counts =
      flagsOf.get(f.mineId) ??
      (Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>);
    if ((FLAG_KINDS as readonly string[]).includes(f.kind)) counts[f.kind as FlagKind] += 1;
    flagsOf.set(f.mineId, counts);
  }
  const noFlags = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;

  const mines: SummaryMine[] = input.mines.map((m, i) => {
    const { g, evaluation: e } = evaluations[i]!;
    const facts = g.facts.find((f) => f.year === year);
    const intensity = facts && facts.coalOutputT > 0 ? facts.emissionsTCO2ePerYr / facts.coalOutputT : null;
    const intensityTargets = g.targets.flatMap((t) => {
      if (t.kind !== "intensity-reduction" || year < t.baseYear) return [];
      const base = g.facts.find((f) => f.year === t.baseYear);
      if (!base || !(base.coalOutputT > 0)) return [];
      return [(base.emissionsTCO2ePerYr / base.coalOutputT) * (1 - t.reductionFraction * dueShare(t, year))];
    });
    const caps = g.targets.flatMap((t) => (t.kind === "emission-cap" ? [t.capTCO2ePerYr as number] : []));
    const area = e.achievements.find((a) => a.kind === "reclamation-area" && a.degree !== null);
    const rank = rankOf.get(m.mineId) ?? 0;
    return {
      mineId: m.mineId,
      name: m.name,
      nameZh: m.nameZh,
      enterprise: { name: m.organisationName, nameZh: m.organisationNameZh },
      regionCode: m.regionCode,
      status: mineStatus(
        {
          reportState: m.report?.state ?? null,
          openFlags: m.openFlags,
          openNotices: m.openNotices,
          escalatedNotices: m.escalatedNotices,
          earliestNoticeDeadline: m.earliestNoticeDeadline,
        },
        year,
        now,
        DEFAULT_REPORT_DUE,
      ),
      reportState: m.report?.state ?? null,
      emissionsTCO2e: facts ? facts.emissionsTCO2ePerYr : null,
      coalOutputT: facts ? facts.coalOutputT : null,
      intensityTCO2ePerT: intensity,
      intensityTargetTCO2ePerT: intensityTargets.length ? Math.min(...intensityTargets) : null,
      emissionCapTCO2e: caps.length ? Math.min(...caps) : null,
      emissionsOnTrack: onTrack(e, EMISSION_KINDS),
      reclaimedHa: facts ? facts.reclaimedHa : null,
      reclamationDueHa: area?.expected ?? null,
      reclaimedSinceBaseHa: area?.actual ?? null,
      reclamationOnTrack: onTrack(e, RECLAMATION_KINDS),
      openFlagsByKind: flagsOf.get(m.mineId) ?? noFlags,
      openNotices: m.openNotices + m.escalatedNotices,
      score: e.score,
      rank: rank > 0 ? rank : null,
    };
  });

  const byRegion = new Map<string, SummaryMine[]>();
  for (const m of mines) byRegion.set(m.regionCode, [...(byRegion.get(m.regionCode) ?? []), m]);
  const total = (code: string, list: readonly SummaryMine[]): SummaryRegion => {
    const approved = list.filter((m) => m.emissionsTCO2e !== null);
    const withCoal = approved.filter((m) => (m.coalOutputT ?? 0) > 0);
    const coal = withCoal.reduce((s, m) => s + m.coalOutputT!, 0);
    const scores = list.flatMap((m) => (m.score === null ? [] : [m.score]));
    const region = input.regions.get(code);
    return {
      regionCode: code,
      name: region?.name ?? null,
      nameZh: region?.nameZh ?? null,
      mines: list.length,
      approvedMines: approved.length,
      emissionsTCO2e: approved.reduce((s, m) => s + m.emissionsTCO2e!, 0),
      coalOutputT: approved.reduce((s, m) => s + (m.coalOutputT ?? 0), 0),
      intensityTCO2ePerT: coal > 0 ? withCoal.reduce((s, m) => s + m.emissionsTCO2e!, 0) / coal : null,
      reclaimedHa: approved.reduce((s, m) => s + (m.reclaimedHa ?? 0), 0),
      openFlags: list.reduce((s, m) => s + Object.values(m.openFlagsByKind).reduce((a, b) => a + b, 0), 0),
      openNotices: list.reduce((s, m) => s + m.openNotices, 0),
      meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    };
  };
  const regions = [...byRegion.keys()].sort().map((code) => total(code, byRegion.get(code)!));

  const named = new Map(input.mines.map((m) => [m.mineId, m]));
  const flags: SummaryFlag[] = input.openFlags
    .filter((f) => f.status === "open" && named.has(f.mineId))
    .map((f) => ({
      mineId: f.mineId,
      mineName: named.get(f.mineId)!.name,
      mineNameZh: named.get(f.mineId)!.nameZh,
      kind: f.kind,
      year: f.year,
      raisedAt: f.raisedAt,
      evidence: shorten(f.evidence),
    }))
    .sort((a, b) => a.mineName.localeCompare(b.mineName) || a.raisedAt.localeCompare(b.raisedAt));
  // The notices of the year's summary: those issued in the year (China Standard Time), and any
  // issued earlier that are still not closed.
  const notices: SummaryNotice[] = input.notices
    .filter(
      (n) => named.has(n.mineId) && (cstDay(n.createdAt).startsWith(`${year}-`) || n.state !== "closed"),
    )
    .map((n) => ({
      mineId: n.mineId,
      mineName: named.get(n.mineId)!.name,
      mineNameZh: named.get(n.mineId)!.nameZh,
      issuedAt: n.createdAt,
      deadline: n.deadline,
      state: n.state,
    }))
    .sort((a, b) => a.mineName.localeCompare(b.mineName) || a.issuedAt.localeCompare(b.issuedAt));

  return {
    year,
    generatedAt: now.toISOString(),
    mines,
    regions: [...regions, total("all", mines)],
    flags,
    notices,
  };
}
