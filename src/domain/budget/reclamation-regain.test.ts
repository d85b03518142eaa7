import { describe, expect, it } from "vitest";
import { ha } from "../../units/area.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { DENSITY_SETS } from "./density-sets.ts";
import { reclamationRegain, type Reclamation } from "./reclamation-regain.ts";

const set = DENSITY_SETS["seed001-yang2019"]!;
const dumpToForest = (extra: Partial<Reclamation> = {}): Reclamation => ({
  label: "dump → forest",
  from: "dump",
  to: "forest",
  area: ha(100),
  startYear: 2000,
  curve: { kind: "linear", years: 30 },
  ...extra,
});

describe("reclamationRegain(reclamations, set, table, toYear)", () => {
  it("says when the curve has no source and when the whole pre-mining soil carbon is regained", () => {
    const r = reclamationRegain([dumpToForest()], set, factorTable(), 2018);
    const item = r.reclamations[0]!;
    // 100 ha × (92.67 + 15.5) t C/ha along 30 linear years: 19 of 30 by 2018
    expect(item.fullRegainTC).toBeCloseTo(100 * 108.17, 9);
    expect(item.years.at(-1)!.cumulativeRegainTC).toBeCloseTo((100 * 108.17 * 19) / 30, 9);
    expect(item.pools).toEqual([
      expect.objectContaining({
        pool: "soil",
        differenceTCPerHa: 92.67,
        share: 1,
        source: "assumption (no source given)",
      }),
      expect.objectContaining({ pool: "vegetation", differenceTCPerHa: 15.5, share: 1 }),
    ]);
    expect(r.assumptions).toEqual([
      expect.stringMatching(
        /^dump → forest: the regain curve \(soil: linear, full regain after 30 years; vegetation: .*\) is an assumption/,
      ),
      expect.stringMatching(
        /^dump → forest: the reclaimed soil regains the whole soil-carbon difference between dump and forest \(92\.67 t C\/ha.*an upper bound: reclaimed mine soils on the Loess Plateau still held less soil organic carbon .*Zhang P\.P\. et al\. 2020/,
      ),
    ]);
  });

  it("regains a pool by its own share and curve (soil: half of it over IPCC's 20 years), citing them", () => {
    const r = reclamationRegain(
      [
        dumpToForest({
          curveSource: "a vegetation study",
          pools: { soil: { share: 0.5, curve: { kind: "linear", years: 20 }, source: "a soil study" } },
        }),
      ],
      set,
      factorTable(),
      2030,
    );
    const item = r.reclamations[0]!;
    // soil: 100 × 92.67 × 0.5 over 20 years; vegetation: 100 × 15.5 over 30 years
    expect(item.fullRegainTC).toBeCloseTo(100 * (92.67 * 0.5 + 15.5), 9);
    expect(item.years.find((y) => y.year === 2000)!.regainTCPerYr).toBeCloseTo(
      (100 * 92.67 * 0.5) / 20 + (100 * 15.5) / 30,
      9,
    );
    expect(item.years.find((y) => y.year === 2019)!.cumulativeRegainTC).toBeCloseTo(
      100 * 92.67 * 0.5 + (100 * 15.5 * 20) / 30,
      9,
    );
    expect(item.pools.map((p) => p.source)).toEqual(["a soil study", "a vegetation study"]);
    expect(r.assumptions).toEqual([]);
  });
});
