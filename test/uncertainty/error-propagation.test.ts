import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approach1,
  productUncertaintyPct,
  sumUncertaintyPct,
} from "../../src/domain/factor/uncertainty/error-propagation.ts";
import { approach2 } from "../../src/domain/factor/uncertainty/monte-carlo.ts";
import type { UncertainInput } from "../../src/domain/factor/uncertainty/uncertain-input.ts";
import { ModelBuilder } from "../../src/domain/factor/uncertainty/uncertainty-model.ts";

/** An input with a 95 % interval of −low %/+high % (symmetric when high is omitted). */
const input = (key: string, value: number, low: number, high = low): UncertainInput => ({
  key,
  kind: "factor",
  label: key,
  value,
  unit: "-",
  lowPct: low,
  highPct: high,
  basis: "input",
  source: "test",
});

describe("IPCC 2006 Vol. 1 Ch. 3 Approach 1, hand-worked", () => {
  it("Eq. 3.1, a product: E = A × EF with A ±5 % and EF ±12 % is ±13 %", () => {
    // U = √(5² + 12²) = √169 = 13 %. E = 100 t × 2 t CO2/t = 200 t CO2; 200 ± 26 → 174 … 226.
    expect(productUncertaintyPct([5, 12])).toBe(13);
    const b = new ModelBuilder();
    b.input(input("A", 100, 5));
    b.input(input("EF", 2, 12));
    b.term("E", 200, ["A", "EF"]);
    b.quantity({ key: "E", label: "E", unit: "t CO2" });
    const e = approach1(b.build()).get("E")!;
    expect(e.pct).toBeCloseTo(13, 12);
    expect(e.low).toBeCloseTo(174, 9);
    expect(e.high).toBeCloseTo(226, 9);
    expect(e.valid).toBe(true);
  });

  it("Eq. 3.2, a sum: 30 t ±10 % + 70 t ±20 % is 100 t ±14.32 %", () => {
    // U = √((10·30)² + (20·70)²) / |30 + 70| = √(300² + 1400²)/100 = √2,050,000/100 = 14.3178 %.
    expect(
      sumUncertaintyPct([
        { value: 30, pct: 10 },
        { value: 70, pct: 20 },
      ]),
    ).toBeCloseTo(14.3178, 4);
    const b = new ModelBuilder();
    b.input(input("x1", 30, 10));
    b.input(input("x2", 70, 20));
    b.term("total", 30, ["x1"]);
    b.term("total", 70, ["x2"]);
    b.quantity({ key: "total", label: "total", unit: "t" });
    expect(approach1(b.build()).get("total")!.pct).toBeCloseTo(Math.sqrt(2_050_000) / 100, 12);
  });

  it("a difference (Eq. 3.2): net = E − S = 100 ± 10 − 60 ± 10 is 40 ± 29.15 %", () => {
    // Half-widths 10 and 6 add in quadrature: √(10² + 6²) = 11.66 t; 11.66/40 = 29.15 %.
    const b = new ModelBuilder();
    b.input(input("e", 100, 10));
    b.input(input("s", 60, 10));
    b.term("E", 100, ["e"]);
    b.term("S", 60, ["s"]);
    b.quantity({ key: "E", label: "E", unit: "t" });
    b.quantity({ key: "S", label: "S", unit: "t" });
    b.quantity({
      key: "net",
      label: "net",
      unit: "t",
      parts: [
        { key: "E", sign: 1 },
        { key: "S", sign: -1 },
      ],
    });
    const net = approach1(b.build()).get("net")!;
    expect(net.pct).toBeCloseTo((Math.sqrt(136) / 40) * 100, 12);
    expect(net.low).toBeCloseTo(40 - Math.sqrt(136), 9);
  });

  it("one coefficient on two areas is one input: its error is not averaged away", () => {
    // E = 1 ha × e + 3 ha × e, e = 10 ± 10 %: E = 40 ± 10 % (Eq. 3.2 on two independent terms
    // would give √(1² + 3²)/4 × 10 % = 7.9 %, understating).
    const b = new ModelBuilder();
    b.input(input("e", 10, 10));
    b.term("E", 10, ["e"]);
    b.term("E", 30, ["e"]);
    b.quantity({ key: "E", label: "E", unit: "t" });
    expect(approach1(b.build()).get("E")!.pct).toBeCloseTo(10, 12);
  });

  it("takes the larger side of an asymmetric interval, and beyond ±60 % gives a lognormal's interval", () => {
    // IPCC Tier 1 underground factor 18 (10–25) m³/t: −44.4 %/+38.9 % → ±44.4 %, within validity.
    const b = new ModelBuilder();
    b.input(input("ef", 18, (8 / 18) * 100, (7 / 18) * 100));
    b.term("CH4", 18, ["ef"]);
    b.quantity({ key: "CH4", label: "CH4", unit: "t" });
    const ch4 = approach1(b.build()).get("CH4")!;
    expect(ch4.pct).toBeCloseTo((8 / 18) * 100, 12);
    expect(ch4.valid).toBe(true);
    // A factor of three (−67 %/+200 %): ±200 % is beyond Approach 1; a lognormal with mean 1 and
    // CV = 2/1.96: s² = ln(1 + CV²); the 95 % interval e^(−s²/2 ± 1.96 s) stays above zero.
    const w = new ModelBuilder();
    w.input(input("n2o", 1.5, 67, 200));
    w.term("N2O", 1, ["n2o"]);
    w.quantity({ key: "N2O", label: "N2O", unit: "t" });
    const n2o = approach1(w.build()).get("N2O")!;
    const cv = 2 / 1.96;
    const s = Math.sqrt(Math.log(1 + cv * cv));
    expect(n2o.valid).toBe(false);
    expect(n2o.lognormal).toBe(true);
    expect(n2o.low).toBeCloseTo(Math.exp(-(s * s) / 2 - 1.96 * s), 12);
    expect(n2o.high).toBeCloseTo(Math.exp(-(s * s) / 2 + 1.96 * s), 12);
    expect(n2o.low).toBeGreaterThan(0);
  });
});

describe("Approach 2 (Monte Carlo)", () => {
  it("is reproducible: the same seed gives the same intervals, another seed others", () => {
    const b = new ModelBuilder();
    b.input(input("A", 100, 5));
    b.input(input("EF", 2, 12));
    b.term("E", 200, ["A", "EF"]);
    b.quantity({ key: "E", label: "E", unit: "t" });
    const m = b.build();
    expect(approach2(m, { draws: 2000, seed: 7 })).toEqual(approach2(m, { draws: 2000, seed: 7 }));
    expect(approach2(m, { draws: 2000, seed: 8 }).stats.get("E")).not.toEqual(
      approach2(m, { draws: 2000, seed: 7 }).stats.get("E"),
    );
  });

  it("converges to Approach 1 for small symmetric uncertainties (any sums of products)", () => {
    const model = fc.array(
      fc.record({
        value: fc.double({ min: 1, max: 1000, noNaN: true }),
        inputs: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    const pcts = fc.array(fc.double({ min: 0.5, max: 8, noNaN: true }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(model, pcts, fc.integer({ min: 0, max: 2 ** 31 }), (terms, u, seed) => {
        const b = new ModelBuilder();
        u.forEach((p, i) => b.input(input(`x${i}`, 1 + i, p)));
        for (const t of terms)
          b.term(
            "Q",
            t.value,
            t.inputs.map((i) => `x${i}`),
          );
        b.quantity({ key: "Q", label: "Q", unit: "-" });
        const m = b.build();
        const a1 = approach1(m).get("Q")!;
        const a2 = approach2(m, { draws: 20_000, seed }).stats.get("Q")!;
        // A generous tolerance: the Monte Carlo half-width within 10 % of Approach 1's (plus 0.1
        // points), its mean within 1 % of the central value.
        expect(Math.abs(a2.pct! - a1.pct!)).toBeLessThan(0.1 * a1.pct! + 0.1);
        const central = terms.reduce((s, t) => s + t.value, 0);
        expect(Math.abs(a2.mean - central) / central).toBeLessThan(0.01);
      }),
      { numRuns: 25 },
    );
  });

  it("draws again any draw that breaks a constraint, and says how many", () => {
    // recovered (10 ± 20 %) ≤ liberated (10 ± 20 %): about half the draws break it.
    const b = new ModelBuilder();
    b.input(input("lib", 10, 20));
    b.input(input("rec", 10, 20));
    b.term("lib", 10, ["lib"]);
    b.term("rec", 10, ["rec"]);
    b.quantity({ key: "lib", label: "lib", unit: "t" });
    b.quantity({ key: "rec", label: "rec", unit: "t" });
    b.constraint({ atMost: "rec", of: "lib", what: "recovered ≤ liberated" });
    const r = approach2(b.build(), { draws: 1000, seed: 1 });
    expect(r.kept).toBe(1000);
    expect(r.rejected).toBeGreaterThan(300);
    expect(r.stats.get("rec")!.median).toBeLessThan(r.stats.get("lib")!.median);
  });
});
