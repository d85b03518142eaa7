import { describe, expect, it } from "vitest";
import { factorTable } from "../../factors/load-factor-library.ts";
import { InputError } from "../validation/input-issue.ts";
import { parseBudgetInput } from "./budget-spec.ts";

const issuesOf = (doc: unknown): { path: string; message: string }[] => {
  try {
    parseBudgetInput(doc, "b.yaml", factorTable());
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).issues];
  }
  throw new Error("expected an InputError");
};

describe("parseBudgetInput — bad input", () => {
  it("requires the reading of seed 000's unstated units: there is no default", () => {
    const issues = issuesOf({
      kind: "land-use-budget",
      title: "t",
      coefficients: { set: "seed000-zhao2013" },
      areas: [{ landType: "forest", areaHa: 1 }],
    });
    expect(issues).toEqual([
      { path: "coefficients.readAs", message: "must be one of tC, tCO2; got nothing" },
    ]);
  });

  it("names unknown land types, override factors of the wrong kind and negative areas", () => {
    const base = {
      kind: "land-use-budget",
      title: "t",
      coefficients: { set: "seed000-zhao2013", readAs: "tC" },
    };
    expect(issuesOf({ ...base, areas: [{ landType: "forest", areaHa: -2 }] })).toEqual([
      { path: "areas[0].areaHa", message: "must be ≥ 0; got -2" },
    ]);
    const issues = issuesOf({
      ...base,
      coefficients: { ...base.coefficients, overrides: { forest: { absorption: "gwp.sar.ch4" } } },
      areas: [{ landType: "orchard", areaHa: 5 }],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "coefficients.overrides.forest.absorption",
      "areas[0].landType",
    ]);
    expect(issues[0]!.message).toMatch(
      /must be a land-use coefficient in .*; got gwp.sar.ch4, which is in "t CO2e\/t CH4"/,
    );
    expect(issues[1]!.message).toMatch(
      /must be a land type of coefficient set seed000-zhao2013 .*; got "orchard"/,
    );
  });

  it("names unknown classes, a period out of order and reclamation after the horizon", () => {
    const issues = issuesOf({
      kind: "stock-change",
      title: "t",
      period: { from: 2018, to: 1986 },
      densities: "seed001-yang2019",
      conversions: [{ from: "arable", to: "quarry", areaHa: 1 }],
      reclamation: [
        { from: "dump", to: "forest", areaHa: 1, startYear: 2030, curve: { kind: "linear", years: 10 } },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(["period.to", "conversions[0].to", "reclamation[0].startYear"]);
  });
});
