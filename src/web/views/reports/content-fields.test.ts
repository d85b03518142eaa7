import { describe, expect, it } from "vitest";
import type { ReportEventRecord } from "../../../contract/annual-report.ts";
import { contentFields, labelOf, remarksByPath, stepOfPath, type ReportT } from "./content-fields.ts";

const t = ((key: string, vars?: Record<string, unknown>) =>
  vars && "n" in vars ? `${key}#${String(vars.n)}` : key) as unknown as ReportT;

const event = (
  seq: number,
  type: ReportEventRecord["type"],
  body: Record<string, unknown>,
): ReportEventRecord => ({
  seq,
  type,
  by: { userId: "1", organisationId: "1" },
  at: "2026-01-01T00:00:00Z",
  body,
});

describe("the report's fields and the remarks on them", () => {
  it("names the inventory's form fields by the API's paths, and the lists' fields by index", () => {
    const fields = contentFields(t, "en", {
      measures: [{ name: "gas plant" }],
      reclamation: [{}, {}],
    });
    const paths = fields.map((f) => f.path);
    expect(paths).toContain("inventory.years[0].coalOutputT");
    expect(paths).toContain("inventory.years[0].energy[0].amount");
    expect(paths).toContain("measures[0].investmentCny");
    expect(paths).toContain("reclamation[1].areaReclaimedHa");
    expect(paths).not.toContain("measures[1].investmentCny");
    expect(labelOf(fields, "measures[0].investmentCny")).toBe(
      "reportsWeb:measures.line#1 · reportsWeb:measures.investmentCny",
    );
    expect(labelOf(fields, "no.such.path")).toBe("no.such.path");
  });

  it("takes the last return's comments and the last verification's findings, not earlier ones", () => {
    const remarks = remarksByPath([
      event(1, "return", { reason: "r1", fieldComments: [{ path: "notes", comment: "old" }] }),
      event(2, "conclude-verification", {
        conclusion: {
          conforms: false,
          statement: "s",
          findings: [{ path: "measures[0].name", comment: "f" }],
        },
      }),
      event(3, "return", { reason: "r2", fieldComments: [{ path: "measures[0].name", comment: "new" }] }),
    ]);
    expect(remarks.get("notes")).toBeUndefined();
    expect(remarks.get("measures[0].name")).toEqual([
      { by: "verifier", text: "f" },
      { by: "reviewer", text: "new" },
    ]);
  });

  it("puts a problem's path on its wizard step", () => {
    expect(stepOfPath("inventory.years[0].energy[1].amount")).toBe(0);
    expect(stepOfPath("landUse.areaId")).toBe(1);
    expect(stepOfPath("reclamation[2].plotId")).toBe(2);
    expect(stepOfPath("measures[0].kind")).toBe(3);
    expect(stepOfPath("evidence[0]")).toBe(4);
    expect(stepOfPath("declaration.accepted")).toBe(6);
  });
});
