import { describe, expect, it } from "vitest";
import { buildSummary, type SummaryInput } from "../../src/app/manage/summary-build.ts";
import { columnsFor, summaryDocument } from "../../src/app/manage/summary-tables.ts";
import type { MineYearFacts } from "../../src/domain/manage/evaluation.ts";
import type { Target } from "../../src/domain/manage/target.ts";
import { ha, tCO2ePerYr, tonnes } from "../../src/units/index.ts";
import type { MineOverviewRow } from "../../src/storage/management-overview.ts";

/*
 * The annual summary's figures worked by hand (summary-build.ts): the intensity target of the year,
 * the on-track verdicts, the reclamation due, the rank, the region totals, and which flags and
 * notices are listed.
 */
const mine = (id: string, regionCode: string, state: "published" | "draft" | null): MineOverviewRow => ({
  mineId: id,
  name: `Mine ${id}`,
  nameZh: `${id}号矿`,
  organisationId: "1",
  organisationName: "Enterprise",
  organisationNameZh: null,
  regionCode,
  stage: "production",
  bbox: null,
  report: state ? { id: `r${id}`, state, updatedAt: new Date("2025-02-01T00:00:00Z") } : null,
  openFlags: 0,
  flagKinds: [],
  openNotices: 0,
  escalatedNotices: 0,
  earliestNoticeDeadline: null,
});
const facts = (year: number, emissions: number, coal: number, reclaimed: number): MineYearFacts => ({
  year,
  emissionsTCO2ePerYr: tCO2ePerYr(emissions),
  coalOutputT: tonnes(coal),
  reclaimedHa: ha(reclaimed),
  disturbedHa: ha(100),
  roleAreaHa: {},
  methaneUtilisation: null,
  measureInvestmentCny: 0,
  reclamationInvestmentCny: 0,
});
const targets: Target[] = [
  // 20 % lower intensity from 2020 to 2030: by 2024, 40 % of it is due (8 %).
  {
    id: "t1",
    kind: "intensity-reduction",
    reductionFraction: 0.2,
    horizon: "short",
    baseYear: 2020,
    targetYear: 2030,
    setBy: "regulator",
  } as Target,
  {
    id: "t2",
    kind: "emission-cap",
    capTCO2ePerYr: tCO2ePerYr(11_000),
    baseYear: 2020,
    targetYear: 2030,
    setBy: "regulator",
  } as Target,
  // 10 ha from 2020 to 2025: by 2024, 8 ha are due.
  {
    id: "t3",
    kind: "reclamation-area",
    areaHa: ha(10),
    baseYear: 2020,
    targetYear: 2025,
    setBy: "regulator",
  } as Target,
];

const input: SummaryInput = {
  year: 2024,
  now: new Date("2025-06-01T00:00:00Z"),
  mines: [mine("1", "140603", "published"), mine("2", "140603", "draft"), mine("3", "141102", "published")],
  gathered: new Map([
    // Intensity 0.010 in 2020, 0.009 in 2024 (10 % lower: on track for 8 %); 10,800 t under the cap;
    // 9 ha reclaimed since 2020 (8 due).
    ["1", { targets, facts: [facts(2020, 10_000, 1_000_000, 1), facts(2024, 10_800, 1_200_000, 10)] }],
    ["2", { targets: [], facts: [] }],
    // Intensity 0.012 → 0.0115 (4.2 % lower: behind); 11,500 t over the cap; 2 ha since 2020 (8 due).
    ["3", { targets, facts: [facts(2020, 12_000, 1_000_000, 0), facts(2024, 11_500, 1_000_000, 2)] }],
  ]),
  openFlags: [
    {
      id: "9",
      mineId: "3",
      kind: "intensity-off-track",
      year: 2024,
      subject: { kind: "mine", id: "3" },
      evidence: "x".repeat(300),
      numbers: {},
      status: "open",
      statusReason: null,
      raisedAt: "2025-05-01T00:00:00.000Z",
      updatedAt: "2025-05-01T00:00:00.000Z",
    },
  ] as unknown as SummaryInput["openFlags"],
  notices: [
    // Issued in 2023 and closed: not in 2024's summary; issued in 2023, still open: in it.
    {
      id: "1",
      mineId: "3",
      flagId: null,
      issuedByOrganisationId: "5",
      text: "a",
      deadline: "2023-12-31",
      state: "closed",
      createdAt: "2023-06-01T00:00:00.000Z",
      updatedAt: "2023-06-01T00:00:00.000Z",
    },
    {
      id: "2",
      mineId: "3",
      flagId: null,
      issuedByOrganisationId: "5",
      text: "b",
      deadline: "2024-03-31",
      state: "open",
      createdAt: "2023-12-31T17:00:00.000Z",
      updatedAt: "2023-12-31T17:00:00.000Z",
    },
  ],
  regions: new Map([["140603", { name: "Pinglu", nameZh: "平鲁区" }]]),
};

describe("the annual summary's figures, worked by hand", () => {
  const s = buildSummary(input);
  const [one, two, three] = s.mines;

  it("gives each mine the year's approved figures, its intensity target and its verdicts", () => {
    expect(one!.emissionsTCO2e).toBe(10_800);
    expect(one!.intensityTCO2ePerT).toBeCloseTo(0.009, 15);
    // 0.010 × (1 − 0.2 × 0.4) = 0.0092
    expect(one!.intensityTargetTCO2ePerT).toBeCloseTo(0.0092, 15);
    expect(one!.emissionCapTCO2e).toBe(11_000);
    expect(one!.emissionsOnTrack).toBe(true);
    expect(one!.reclaimedHa).toBe(10);
    expect(one!.reclamationDueHa).toBeCloseTo(8, 12);
    expect(one!.reclaimedSinceBaseHa).toBeCloseTo(9, 12);
    expect(one!.reclamationOnTrack).toBe(true);
    expect(three!.intensityTargetTCO2ePerT).toBeCloseTo(0.012 * 0.92, 15);
    expect(three!.emissionsOnTrack).toBe(false);
    expect(three!.reclamationOnTrack).toBe(false);
    // A draft: no figures, nothing judged, no rank.
    expect(two).toMatchObject({
      emissionsTCO2e: null,
      intensityTCO2ePerT: null,
      emissionsOnTrack: null,
      reclamationOnTrack: null,
      score: null,
      rank: null,
      status: "report-overdue",
    });
    expect([one!.rank, three!.rank]).toEqual([1, 2]);
    expect(three!.openFlagsByKind["intensity-off-track"]).toBe(1);
  });

  it("totals each region and all of them", () => {
    expect(s.regions.map((r) => [r.regionCode, r.mines, r.approvedMines, r.emissionsTCO2e])).toEqual([
      ["140603", 2, 1, 10_800],
      ["141102", 1, 1, 11_500],
      ["all", 3, 2, 22_300],
    ]);
    // Σ emissions ÷ Σ coal: 22,300 ÷ 2,200,000.
    expect(s.regions.at(-1)!.intensityTCO2ePerT).toBeCloseTo(22_300 / 2_200_000, 15);
    expect(s.regions.at(-1)!.openFlags).toBe(1);
  });

  it("lists the open flags with their evidence shortened, and the year's notices and those still open", () => {
    expect(s.flags).toHaveLength(1);
    expect(s.flags[0]!.evidence).toHaveLength(200);
    expect(s.flags[0]!.evidence.endsWith("…")).toBe(true);
    expect(s.notices.map((n) => n.deadline)).toEqual(["2024-03-31"]);
  });

  it("names the region by its name where it has one, and keeps the XLSX-only columns out of the PDF", () => {
    const zh = summaryDocument(s, "zh");
    const [mines] = zh.tables;
    expect(mines!.rows[0]!.slice(0, 3)).toEqual(["1号矿", "Enterprise", "平鲁区 (140603)"]);
    expect(mines!.rows[2]![2]).toBe("141102");
    const pdf = columnsFor(mines!, "pdf");
    const xlsx = columnsFor(mines!, "xlsx");
    expect(pdf.columns.map((c) => c.header)).toContain("未处理监管提示");
    expect(xlsx.columns.map((c) => c.header)).not.toContain("未处理监管提示");
    expect(xlsx.columns.map((c) => c.header)).toContain("未处理监管提示：强度目标进度滞后");
    expect(pdf.rows[2]).toContain("强度目标进度滞后: 1");
  });
});
