import { describe, expect, it } from "vitest";
import { ha } from "../../units/index.ts";
import { controlRuleProblems, ruleBreaches, type ControlRule, type PlotLandUse } from "./control-rule.ts";

const NO_ARABLE_LOSS: ControlRule = {
  id: "r1",
  name: "arable land may not be converted to construction or mining land",
  toleranceHa: ha(0.09),
  kind: "no-conversion",
  fromRoles: ["arable"],
  toRoles: ["built-up", "mining", "open-pit", "dump"],
};
const RECLAIM: ControlRule = {
  id: "r2",
  name: "reclaim to forest by 2028",
  toleranceHa: ha(0.09),
  kind: "reclaim-by",
  deadlineYear: 2028,
  toRoles: ["forest"],
};
const CAP: ControlRule = {
  id: "r3",
  name: "construction ≤ 5 ha",
  toleranceHa: ha(0),
  kind: "cap",
  role: "built-up",
  capHa: ha(5),
};

/** A plot of 10 ha: 6 arable, 4 dump in 2022; in 2026 `arableTo` ha of the arable land became built-up. */
const plot = (arableTo: number, dumpLeft = 4): PlotLandUse => ({
  plotId: "p1",
  fromYear: 2022,
  toYear: 2026,
  roleAreaHa: {
    arable: ha(6 - arableTo),
    "built-up": ha(arableTo),
    dump: ha(dumpLeft),
    forest: ha(4 - dumpLeft),
  },
  transitionsHa: [
    { fromRole: "arable", toRole: "arable", areaHa: ha(6 - arableTo) },
    { fromRole: "arable", toRole: "built-up", areaHa: ha(arableTo) },
    { fromRole: "dump", toRole: "dump", areaHa: ha(dumpLeft) },
    { fromRole: "dump", toRole: "forest", areaHa: ha(4 - dumpLeft) },
  ],
});

describe("land-use control rules on a plot (hand-worked)", () => {
  it("flags arable land that became built-up between the two maps, with its area", () => {
    expect(ruleBreaches(NO_ARABLE_LOSS, plot(1.5), 2026)).toEqual([
      {
        plotId: "p1",
        ruleId: "r1",
        kind: "no-conversion",
        areaHa: 1.5,
        evidence:
          '1.50 ha converted between the 2022 and 2026 maps (arable → built-up 1.50 ha), which "arable land may not be converted to construction or mining land" forbids',
      },
    ]);
  });

  it("does not flag a plot whose land use kept its rule, nor a change within the tolerance", () => {
    expect(ruleBreaches(NO_ARABLE_LOSS, plot(0), 2026)).toEqual([]);
    expect(ruleBreaches(NO_ARABLE_LOSS, plot(0.05), 2026)).toEqual([]);
  });

  it("flags reclamation overdue only on a map after the deadline that shows land not yet of the target use", () => {
    /** A 4 ha dump to be reclaimed to forest by 2028, as the map of `toYear` shows it. */
    const dump = (left: number, built: number, toYear: number): PlotLandUse => ({
      plotId: "p2",
      fromYear: 2022,
      toYear,
      roleAreaHa: { dump: ha(left), "built-up": ha(built), forest: ha(4 - left - built) },
      transitionsHa: [],
    });
    expect(ruleBreaches(RECLAIM, dump(4, 0, 2028), 2028)).toEqual([]);
    // A map from before the deadline cannot show it was missed.
    expect(ruleBreaches(RECLAIM, dump(4, 0, 2026), 2029)).toEqual([]);
    expect(ruleBreaches(RECLAIM, dump(0, 0, 2029), 2029)).toEqual([]);
    expect(ruleBreaches(RECLAIM, dump(3, 0, 2029), 2029)).toEqual([
      {
        plotId: "p2",
        ruleId: "r2",
        kind: "reclamation-overdue",
        areaHa: 3,
        evidence:
          "3.00 ha is dump (3.00 ha) in the 2029 map, after the reclamation deadline 2028 (to forest)",
      },
    ]);
    // Reclaimed, but to the wrong use.
    expect(ruleBreaches(RECLAIM, dump(0, 1, 2029), 2029)[0]).toMatchObject({
      areaHa: 1,
      kind: "reclamation-overdue",
    });
  });

  it("flags land of a role above its cap, and land outside the allowed uses", () => {
    expect(ruleBreaches(CAP, plot(5), 2026)).toEqual([]);
    expect(ruleBreaches(CAP, plot(6), 2026)[0]).toMatchObject({ kind: "cap", areaHa: 1 });
    const allowed: ControlRule = {
      id: "r4",
      name: "farm only",
      toleranceHa: ha(0),
      kind: "allowed-uses",
      roles: ["arable", "forest"],
    };
    expect(ruleBreaches(allowed, plot(1, 4), 2026)[0]).toMatchObject({ kind: "allowed-uses", areaHa: 5 });
  });

  it("checks a rule as the regulator enters it: roles from the legend's roles, each problem at its field", () => {
    expect(controlRuleProblems(NO_ARABLE_LOSS, ["arable", "built-up", "mining", "open-pit", "dump"])).toEqual(
      [],
    );
    expect(controlRuleProblems({ ...RECLAIM, deadlineYear: 1800, toRoles: [] }, ["forest", "dump"])).toEqual([
      { path: "deadlineYear", message: "must be a year from 1990 to 2100; got 1800" },
      { path: "toRoles", message: "must name at least one land-use role" },
    ]);
  });
});
