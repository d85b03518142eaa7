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
  disturbedRoles: ["open-pit", "dump", "mining"],
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

  it("flags reclamation overdue only after the deadline, while the latest map still shows disturbed land", () => {
    expect(ruleBreaches(RECLAIM, plot(0, 4), 2028)).toEqual([]);
    expect(ruleBreaches(RECLAIM, plot(0, 0), 2029)).toEqual([]);
    expect(ruleBreaches(RECLAIM, plot(0, 3), 2029)).toEqual([
      {
        plotId: "p1",
        ruleId: "r2",
        kind: "reclamation-overdue",
        areaHa: 3,
        evidence:
          "3.00 ha is still dump land in the 2026 map, after the reclamation deadline 2028 (to forest)",
      },
    ]);
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
      { path: "disturbedRoles[0]", message: 'must be one of forest, dump; got "open-pit"' },
      { path: "disturbedRoles[2]", message: 'must be one of forest, dump; got "mining"' },
    ]);
  });
});
