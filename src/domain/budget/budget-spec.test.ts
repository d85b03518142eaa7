import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { PROJECT_ROOT } from "../../project-root.ts";
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

describe("parseBudgetInput — reclamation within the land there is (issue 10 item 6)", () => {
  const example = () =>
    readInputFile(join(PROJECT_ROOT, "examples", "pingshuo-stock-loss.yaml")) as {
      reclamation: { from: string; areaHa: number }[];
      existingLand?: Record<string, unknown>;
      conversions: { from: string; to: string; areaHa: number }[];
    };

  it("refuses reclaiming 100,000 ha of dump against 7,094 ha taken by mining, at the row, saying how to declare dump land", () => {
    const doc = example();
    delete doc.existingLand;
    doc.reclamation[0]!.areaHa = 100_000;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["reclamation[0].areaHa"]);
    expect(issues[0]!.message).toBe(
      'must keep the land reclaimed from dump within the dump land there is: reclamation[0] and [1] reclaim 100,946 ha from dump together, but the file has 0 ha of dump (0 ha put into dump by the conversions — they put 7,094.12 ha into mining — and no dump land declared as existing); declare the dump land there was besides these conversions (before the period, or formed and reclaimed within it), with its source (existingLand: { dump: { areaHa: …, source: "…" } }), add the conversions that made it, or reclaim less; got 100000',
    );
  });

  it("counts every row from a class together, and the existing land declared", () => {
    const doc = example();
    // 2,554.3 ha of dump declared; the rows take 1,394 + 946 = 2,340: within it. 1,394 + 1,200 is not.
    expect(() => parseBudgetInput(doc, "s.yaml", factorTable())).not.toThrow();
    doc.reclamation[1]!.areaHa = 1200;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["reclamation[1].areaHa"]);
    expect(issues[0]!.message).toMatch(
      /reclaim 2,594 ha from dump together, but the file has 2,554\.3 ha of dump \(0 ha put into dump by the conversions .* and 2,554\.3 ha declared as existing \(existingLand\.dump\)\); correct existingLand\.dump, add the conversions that made it, or reclaim less; got 1200$/,
    );
  });

  it("caps by what the conversions put into the class, less what they take out of it", () => {
    const doc = {
      kind: "stock-change",
      title: "t",
      period: { from: 2000, to: 2010 },
      densities: "seed001-yang2019",
      conversions: [
        { from: "arable", to: "dump", areaHa: 100 },
        { from: "dump", to: "industrial", areaHa: 30 },
      ],
      reclamation: [
        { from: "dump", to: "forest", areaHa: 70, startYear: 2010, curve: { kind: "immediate" } },
      ],
    };
    expect(() => parseBudgetInput(doc, "s.yaml", factorTable())).not.toThrow();
    doc.reclamation[0]!.areaHa = 71;
    const issues = issuesOf(doc);
    expect(issues[0]!.message).toMatch(
      /^must keep the land reclaimed from dump within the dump land there is: it reclaims 71 ha, but the file has 70 ha of dump \(100 ha put into dump by the conversions, less 30 ha they take out of it, and no dump land declared as existing\)/,
    );
  });

  it("refuses existing land of an unknown class or without a source", () => {
    const doc = example() as Record<string, unknown>;
    doc.existingLand = { quarry: { areaHa: 5, source: "s" }, dump: { areaHa: 2600 } };
    expect(issuesOf(doc).map((i) => i.path)).toEqual(["existingLand.dump.source"]);
    doc.existingLand = { quarry: { areaHa: 5, source: "s" }, dump: { areaHa: 2600, source: "s" } };
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["existingLand.quarry"]);
    expect(issues[0]!.message).toMatch(/^must be a class of density set seed001-yang2019 .*; got "quarry"$/);
  });
});
