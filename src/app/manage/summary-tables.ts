import { FLAG_KINDS } from "../../domain/manage/supervision.ts";
import { translator, type Lang } from "../../presentation/i18n/index.ts";
import { cstDay, type ManagementSummary, type SummaryMine } from "./summary-build.ts";

/**
 * The annual summary as tables in one language, the same for the XLSX (one sheet each) and the PDF
 * (one section each): headers from the catalogue (`manage` namespace, "summary export" section) with
 * the units in them, cells as values. A column marked `pdf: false` is left out of the PDF, whose
 * page cannot hold every column: there, the open flags by kind are one column of text.
 */

/** How a column's values are shown: its number format (XLSX) and its digits (PDF). */
export type SummaryCellKind = "text" | "year" | "count" | "tonnes" | "intensity" | "hectares" | "score";

export interface SummaryColumn {
  readonly header: string;
  readonly kind: SummaryCellKind;
  /** False: only in the XLSX. */
  readonly pdf: boolean;
  /** False: only in the PDF. */
  readonly xlsx: boolean;
}

export type SummaryCell = string | number | null;

export interface SummaryTable {
  /** The sheet's name (at most 31 characters, as Excel allows). */
  readonly name: string;
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
}

export interface SummaryDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly generated: string;
  readonly note: string;
  /** The name of the XLSX's last sheet, which holds the title, the time and the note. */
  readonly aboutSheet: string;
  /** What an empty table says. */
  readonly none: string;
  readonly tables: readonly SummaryTable[];
}

/** Digits shown for each kind of number (the XLSX keeps full precision and shows as many). */
export const SUMMARY_DIGITS: Readonly<Record<Exclude<SummaryCellKind, "text" | "year">, number>> = {
  count: 0,
  tonnes: 0,
  intensity: 4,
  hectares: 2,
  score: 1,
};

export function summaryDocument(s: ManagementSummary, lang: Lang): SummaryDocument {
  const t = translator(lang);
  const m = (key: string, values: Record<string, unknown> = {}) =>
    t(`manage:${key}`, { defaultValue: key, ...values });
  const col = (
    key: string,
    kind: SummaryCellKind,
    where: "both" | "xlsx" | "pdf" = "both",
  ): SummaryColumn => ({
    header: m(`summary.col.${key}`),
    kind,
    pdf: where !== "xlsx",
    xlsx: where !== "pdf",
  });
  const named = (x: { name: string | null; nameZh: string | null }) =>
    ({ en: x.name, zh: x.nameZh ?? x.name })[lang] ?? "";
  const mineName = (x: { mineName: string; mineNameZh: string | null }) =>
    named({ name: x.mineName, nameZh: x.mineNameZh });
  const regionName = new Map(s.regions.map((r) => [r.regionCode, named(r)]));
  const region = (code: string) => {
    const n = regionName.get(code);
    return n ? `${n} (${code})` : code;
  };
  const verdict = (v: boolean | null) =>
    m(v === null ? "summary.notJudged" : v ? "summary.yes" : "summary.no");
  const flagKind = (k: string) => m(`flag.${k}`, { defaultValue: k });
  const flagsText = (x: SummaryMine) =>
    FLAG_KINDS.filter((k) => x.openFlagsByKind[k] > 0)
      .map((k) => `${flagKind(k)}: ${x.openFlagsByKind[k]}`)
      .join("; ");

  const mines: SummaryTable = {
    name: m("summary.sheet.mines"),
    columns: [
      col("mine", "text"),
      col("enterprise", "text"),
      col("region", "text"),
      col("status", "text"),
      col("report", "text"),
      col("emissions", "tonnes"),
      col("coalOutput", "tonnes", "xlsx"),
      col("intensity", "intensity"),
      col("intensityTarget", "intensity"),
      col("emissionCap", "tonnes"),
      col("emissionsOnTrack", "text"),
      col("reclaimed", "hectares"),
      col("reclamationDue", "hectares"),
      col("reclaimedSinceBase", "hectares", "xlsx"),
      col("reclamationOnTrack", "text"),
      ...FLAG_KINDS.map((k): SummaryColumn => ({
        header: m("summary.col.flagsOfKind", { kind: flagKind(k) }),
        kind: "count",
        pdf: false,
        xlsx: true,
      })),
      col("openFlags", "text", "pdf"),
      col("openNotices", "count"),
      col("score", "score"),
      col("rank", "count"),
    ],
    rows: s.mines.map((x) => [
      named(x),
      named(x.enterprise),
      region(x.regionCode),
      m(`mineStatus.${x.status}`),
      x.reportState === null ? m("summary.noReport") : m(`state.${x.reportState}`),
      x.emissionsTCO2e,
      x.coalOutputT,
      x.intensityTCO2ePerT,
      x.intensityTargetTCO2ePerT,
      x.emissionCapTCO2e,
      verdict(x.emissionsOnTrack),
      x.reclaimedHa,
      x.reclamationDueHa,
      x.reclaimedSinceBaseHa,
      verdict(x.reclamationOnTrack),
      ...FLAG_KINDS.map((k) => x.openFlagsByKind[k]),
      flagsText(x),
      x.openNotices,
      x.score,
      x.rank,
    ]),
  };
  const regions: SummaryTable = {
    name: m("summary.sheet.regions"),
    columns: [
      col("region", "text"),
      col("mines", "count"),
      col("approvedMines", "count"),
      col("emissions", "tonnes"),
      col("coalOutput", "tonnes"),
      col("intensity", "intensity"),
      col("reclaimed", "hectares"),
      col("openFlags", "count"),
      col("openNotices", "count"),
      col("meanScore", "score"),
    ],
    rows: s.regions.map((r) => [
      r.regionCode === "all" ? m("summary.allRegions") : region(r.regionCode),
      r.mines,
      r.approvedMines,
      r.emissionsTCO2e,
      r.coalOutputT,
      r.intensityTCO2ePerT,
      r.reclaimedHa,
      r.openFlags,
      r.openNotices,
      r.meanScore,
    ]),
  };
  const flags: SummaryTable = {
    name: m("summary.sheet.flags"),
    columns: [
      col("mine", "text"),
      col("kind", "text"),
      col("flagYear", "year"),
      col("raised", "text"),
      col("evidence", "text"),
    ],
    rows: s.flags.map((f) => [mineName(f), flagKind(f.kind), f.year, cstDay(f.raisedAt), f.evidence]),
  };
  const notices: SummaryTable = {
    name: m("summary.sheet.notices"),
    columns: [col("mine", "text"), col("issued", "text"), col("deadline", "text"), col("state", "text")],
    rows: s.notices.map((n) => [mineName(n), cstDay(n.issuedAt), n.deadline, m(`notice.${n.state}`)]),
  };
  const generatedAt = new Date(Date.parse(s.generatedAt) + 8 * 3_600_000).toISOString();
  return {
    lang,
    title: m("summary.title", { year: s.year }),
    generated: m("summary.generated", { date: `${generatedAt.slice(0, 10)} ${generatedAt.slice(11, 16)}` }),
    note: m("summary.note"),
    aboutSheet: m("summary.sheet.about"),
    none: m("summary.none"),
    tables: [mines, regions, flags, notices],
  };
}

/** A table with only the columns of one output. */
export function columnsFor(table: SummaryTable, output: "pdf" | "xlsx"): SummaryTable {
  const keep = table.columns.map((c) => c[output]);
  return {
    name: table.name,
    columns: table.columns.filter((_, i) => keep[i]),
    rows: table.rows.map((r) => r.filter((_, i) => keep[i])),
  };
}
