import { describe, expect, it } from "vitest";
import { ha, tCO2ePerYr, type Tonnes } from "../../units/index.ts";
import type { ControlRule, PlotLandUse } from "./control-rule.ts";
import type { MineYearFacts } from "./evaluation.ts";
import { reportDeadline, superviseMine, trendAt, type MineSupervisionInput } from "./supervision.ts";
import type { Target } from "./target.ts";

const year = (y: number, emissions: number, coal = 1_000_000): MineYearFacts => ({
  year: y,
  emissionsTCO2ePerYr: tCO2ePerYr(emissions),
  coalOutputT: coal as Tonnes,
  reclaimedHa: ha(0),
  disturbedHa: ha(100),
  roleAreaHa: {},
  methaneUtilisation: null,
  measureInvestmentCny: 0,
  reclamationInvestmentCny: 0,
});
const TARGETS: Target[] = [
  {
    id: "cap",
    kind: "emission-cap",
    capTCO2ePerYr: tCO2ePerYr(97_000),
    baseYear: 2025,
    targetYear: 2030,
    setBy: "regulator",
  },
  {
    id: "int",
    kind: "intensity-reduction",
    reductionFraction: 0.18,
    horizon: "short",
    baseYear: 2025,
    targetYear: 2030,
    setBy: "regulator",
  },
];
const RULE: ControlRule = {
  id: "r1",
  name: "arable land stays arable",
  toleranceHa: ha(0.09),
  kind: "no-conversion",
  fromRoles: ["arable"],
  toRoles: ["built-up"],
};
const plot = (converted: number): PlotLandUse => ({
  plotId: "p7",
  fromYear: 2022,
  toYear: 2027,
  roleAreaHa: { arable: ha(10 - converted), "built-up": ha(converted) },
  transitionsHa: [{ fromRole: "arable", toRole: "built-up", areaHa: ha(converted) }],
});
const mine = (o: Partial<MineSupervisionInput>): MineSupervisionInput => ({
  mineId: "m1",
  targets: TARGETS,
  // Intensity 0.100, 0.098, 0.096: the trend reaches 0.090 in 2030, a 10 % cut, short of 18 %.
  facts: [year(2025, 100_000), year(2026, 98_000), year(2027, 96_000)],
  submittedYears: [2025, 2026, 2027],
  plots: [{ rule: RULE, landUse: plot(0) }],
  warnings: [],
  ...o,
});
const context = { year: 2027, today: new Date("2028-04-10T00:00:00Z"), reportDue: "03-31" };

describe("supervision rules (hand-worked)", () => {
  it("flags a target off track from the trend of the reports, with the numbers", () => {
    const flags = superviseMine(mine({}), context);
    expect(flags.map((f) => f.kind)).toEqual(["intensity-off-track"]);
    expect(flags[0]!.evidence).toBe(
      "projected 10.0 % lower carbon intensity by 2030 (the trend of its reports), short of the target's 18.0 %",
    );
    expect(flags[0]!.numbers.projectedIntensity).toBeCloseTo(0.09, 12);
    // On track: 0.100, 0.090, 0.080 reaches 0.050 by 2030.
    expect(
      superviseMine(mine({ facts: [year(2025, 100_000), year(2026, 90_000), year(2027, 80_000)] }), context),
    ).toEqual([]);
    // The mine's plan, when given, is what is projected.
    expect(superviseMine(mine({ projectedIntensity: { int: 0.08 } }), context)).toEqual([]);
    expect(trendAt([{ x: 1, y: 1 }], 3)).toBeNull();
  });

  it("flags emissions above the cap, a plot whose land use broke its rule, a late report and implausible data", () => {
    const flags = superviseMine(
      mine({
        facts: [year(2025, 100_000), year(2026, 90_000), year(2027, 98_500)],
        plots: [{ rule: RULE, landUse: plot(2.5) }],
        submittedYears: [2025, 2026],
        warnings: [
          { path: "coalOutputT", kind: "unit", message: "102 t is about 10⁻⁴ times 2026's 1,000,000" },
        ],
      }),
      context,
    );
    expect(flags.map((f) => [f.kind, f.subject])).toEqual([
      ["emission-standard-exceeded", { kind: "target", id: "cap" }],
      ["intensity-off-track", { kind: "target", id: "int" }],
      ["control-rule-broken", { kind: "plot", id: "p7" }],
      ["report-overdue", { kind: "report", id: "2027" }],
      ["implausible-data", { kind: "report", id: "2027" }],
    ]);
    expect(flags[0]!.evidence).toBe("98,500 t CO2e in 2027, above the cap of 97,000 t CO2e/yr");
    expect(flags[2]!.numbers).toEqual({ areaHa: 2.5, fromYear: 2022, toYear: 2027 });
    expect(flags[3]!.evidence).toBe("the 2027 report was due on 2028-03-31 and is 9 days late");
  });

  it("does not flag a plot that kept its rule, nor a report before its deadline", () => {
    const onTrack = [year(2025, 100_000), year(2026, 90_000), year(2027, 80_000)];
    expect(
      superviseMine(mine({ facts: onTrack, submittedYears: [] }), {
        ...context,
        today: new Date("2028-03-31T12:00:00Z"),
      }),
    ).toEqual([]);
  });

  it("judges an intensity target by the year's own intensity from its target year on", () => {
    const at2030 = { ...context, year: 2030, today: new Date("2031-01-10T00:00:00Z") };
    // 0.1 → 0.085: 15 % lower, short of 18 %.
    const missed = superviseMine(
      mine({ facts: [year(2025, 100_000), year(2030, 85_000)], submittedYears: [2030] }),
      at2030,
    );
    expect(missed.map((f) => [f.kind, f.evidence])).toEqual([
      [
        "intensity-off-track",
        "carbon intensity 15.0 % lower in 2030 than in 2025, short of the target's 18.0 % by 2030",
      ],
    ]);
    expect(
      superviseMine(
        mine({ facts: [year(2025, 100_000), year(2030, 80_000)], submittedYears: [2030] }),
        at2030,
      ),
    ).toEqual([]);
  });

  it("reads the report deadline as the end of the day in China Standard Time, and refuses a malformed one", () => {
    expect(reportDeadline(2027, "03-31").toISOString()).toBe("2028-03-31T15:59:59.000Z");
    const lateInBeijing = superviseMine(
      mine({ facts: [year(2025, 100_000), year(2026, 90_000), year(2027, 80_000)], submittedYears: [] }),
      {
        ...context,
        today: new Date("2028-03-31T16:30:00Z"), // 00:30 on 1 April in Beijing
      },
    );
    expect(lateInBeijing.map((f) => f.kind)).toEqual(["report-overdue"]);
    expect(() => reportDeadline(2027, "3-31")).toThrow(
      'the report deadline must be a month and day "MM-DD" such as "03-31"; got "3-31"',
    );
    expect(() => reportDeadline(2027, "02-30")).toThrow(/MM-DD/);
  });
});
