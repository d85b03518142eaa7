import { describe, expect, it } from "vitest";
import { FactorTable, FactorLookupError } from "./factor-table.ts";
import type { Factor } from "./factor.ts";

const f = (id: string, value: number, unit: string, extra: Partial<Factor> = {}): Factor => ({
  id,
  quantity: id,
  value,
  unit,
  gas: "-",
  basis: "-",
  source: "test",
  table: "-",
  status: "primary",
  region: "-",
  series: "-",
  origin: "test",
  ...extra,
});

describe("FactorTable", () => {
  const table = new FactorTable(
    [
      f("a.kgce", 0.1229, "kgce/kWh"),
      f("a.tce", 1.4571, "kgce/kg", { low: 1.4, high: 1.5 }),
      f("a.u", 1, "t C/ha", { status: "unverified" }),
      f("a.x", 1, "t C/ha", { status: "assumption" }),
    ],
    "test",
  );

  it("value(id, unit) converts within a dimension: 0.1229 kgce/kWh = 1.229 tce/10^4 kWh", () => {
    expect(table.value("a.kgce", "tce/10^4 kWh").value).toBeCloseTo(1.229, 12);
    expect(table.value("a.tce", "tce/t")).toMatchObject({ value: 1.4571, low: 1.4, high: 1.5 });
  });

  it("value(id, unit) refuses a unit of another dimension", () => {
    expect(() => table.value("a.tce", "t C/ha")).toThrow(FactorLookupError);
    expect(() => table.value("a.tce", "t C/ha")).toThrow(/cannot be read as "t C\/ha"/);
  });

  it("factor(id) names similar ids when the id is unknown", () => {
    expect(() => table.factor("a.tc")).toThrow(
      /unknown factor id "a.tc"; factors with a similar id: a.kgce, a.tce, a.u, a.x/,
    );
  });

  it("used() lists only what was asked for, and unverifiedWarnings() flags unverified factors", () => {
    const t = table.fresh();
    t.value("a.u", "t C/ha");
    expect(t.used().map((u) => u.id)).toEqual(["a.u"]);
    expect(t.unverifiedWarnings()[0]).toMatch(/a.u .* is UNVERIFIED/);
  });

  it("unverifiedWarnings() also flags a factor that is an assumption (no source at all)", () => {
    const t = table.fresh();
    t.value("a.x", "t C/ha");
    t.value("a.kgce", "kgce/kWh");
    expect(t.unverifiedWarnings()).toEqual([
      expect.stringMatching(/^factor a.x \(a.x\) is an ASSUMPTION: no source gives it/),
    ]);
  });
});
