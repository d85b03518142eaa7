import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import {
  SEED001_FIGURES,
  SYNTHETIC_YEARS,
  syntheticMiningArea,
} from "../../src/demo/synthetic-mining-area.ts";
import { trajectoryPlan } from "../../src/demo/synthetic/trajectory-families.ts";
import { writeDemoData } from "../../src/demo/write-demo-data.ts";

const code = (key: string) => LEGEND_PRESETS.seed001!.classes.find((c) => c.key === key)!.code;

// The aggregates themselves are checked through the real analysis in golden/seed001-synthetic-demo;
// these tests check what the maps look like and how they are made.
describe("synthetic Pingshuo-like demo area", () => {
  const started = performance.now();
  const area = syntheticMiningArea();
  const seconds = (performance.now() - started) / 1000;
  const haOf = (year: number, key: string, near?: { col: number; row: number; radiusPx: number }) => {
    let n = 0;
    const m = area.maps.get(year)!;
    for (let i = 0; i < m.length; i++)
      if (m[i] === code(key)) {
        if (
          near &&
          Math.hypot((i % area.width) - near.col, Math.floor(i / area.width) - near.row) > near.radiusPx
        )
          continue;
        n++;
      }
    return n * 0.09;
  };

  it("has 51,696 ha at every date and the 11 classes of seed 001", () => {
    for (const year of SYNTHETIC_YEARS) {
      const m = area.maps.get(year)!;
      let valid = 0;
      for (const v of m) if (v !== 0) valid++;
      expect(valid * 0.09).toBeCloseTo(51696, 6);
      expect(new Set(m).size).toBe(12); // 11 classes and nodata
    }
    console.log(`syntheticMiningArea(): ${seconds.toFixed(2)} s`);
  });

  it("is patchy, not noise: most pixels share their class with the pixel to the right, at every date", () => {
    for (const year of SYNTHETIC_YEARS) {
      const m = area.maps.get(year)!;
      let same = 0;
      let pairs = 0;
      for (let i = 0; i < m.length - 1; i++)
        if ((i + 1) % area.width !== 0 && m[i] && m[i + 1]) {
          pairs++;
          if (m[i] === m[i + 1]) same++;
        }
      expect(same / pairs, String(year)).toBeGreaterThan(0.9);
    }
  });

  it("opens the pits one after another: Antaibao before 1986, Anjialing by 2009, Donglutian by 2018", () => {
    const [antaibao, anjialing, donglutian] = area.mines.map((m) => ({ ...m, radiusPx: 40 }));
    expect(area.mines.map((m) => m.name)).toEqual(["Antaibao", "Anjialing", "Donglutian"]);
    for (const year of SYNTHETIC_YEARS)
      expect(haOf(year, "open-pit", antaibao), `Antaibao ${year}`).toBeGreaterThan(0);
    expect(haOf(2000, "open-pit", anjialing)).toBe(0);
    expect(haOf(2009, "open-pit", anjialing)).toBeGreaterThan(0);
    expect(haOf(2009, "open-pit", donglutian)).toBe(0);
    expect(haOf(2018, "open-pit", donglutian)).toBeGreaterThan(0);
    expect(haOf(2018, "open-pit")).toBeGreaterThan(haOf(2000, "open-pit"));
  });

  it("reclaims dumps: every 1986 dump is forest or arable land by 2000, and old dumps are forest by 2009", () => {
    const d1986 = area.maps.get(1986)!;
    const d2000 = area.maps.get(2000)!;
    const d2009 = area.maps.get(2009)!;
    let dumps = 0;
    let reclaimed = 0;
    let toForest2009 = 0;
    for (let i = 0; i < d1986.length; i++) {
      if (d1986[i] === code("dump")) {
        dumps++;
        if ([code("forest"), code("arable")].includes(d2000[i]!)) reclaimed++;
      }
      if (d2000[i] === code("dump") && d2009[i] === code("forest")) toForest2009++;
    }
    expect(dumps).toBeGreaterThan(0);
    expect(reclaimed).toBe(dumps);
    // Only dumps are reclaimed, and 2000–2009 reclaims 898.3 ha (seed 001 §3.3), all to forest.
    expect(toForest2009 * 0.09).toBeCloseTo(SEED001_FIGURES.reclaimedHa.in2000to2009, 1);
  });

  it("is the same for the same seed; another seed moves the land, never the counts", () => {
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    const again = syntheticMiningArea();
    for (const year of SYNTHETIC_YEARS) expect(same(again.maps.get(year)!, area.maps.get(year)!)).toBe(true);
    const other = syntheticMiningArea(7);
    expect(same(other.maps.get(2018)!, area.maps.get(2018)!)).toBe(false);
    const histogram = (m: Uint8Array) => {
      const h = new Array<number>(12).fill(0);
      for (const v of m) h[v]!++;
      return h;
    };
    for (const year of SYNTHETIC_YEARS)
      expect(histogram(other.maps.get(year)!), String(year)).toEqual(histogram(area.maps.get(year)!));
  });

  it("places every trajectory family with its pixel count (as trajectoryPlan derives them)", () => {
    const plan = trajectoryPlan(0.09);
    expect(area.families).toEqual(plan.families);
    expect(plan.families.reduce((a, f) => a + f.px, 0)).toBe(574_400);
    // A pixel's path through the four maps, in groups: A F G, M mining land, O other land.
    const group = new Map<number, string>();
    for (const c of LEGEND_PRESETS.seed001!.classes)
      group.set(
        c.code,
        { arable: "A", forest: "F", grassland: "G", urban: "O", rural: "O", transportation: "O", water: "O" }[
          c.key
        ] ?? "M",
      );
    const counted = new Map<string, number>();
    const maps = SYNTHETIC_YEARS.map((y) => area.maps.get(y)!);
    for (let i = 0; i < maps[0]!.length; i++) {
      if (!maps[0]![i]) continue;
      const path = maps.map((m) => group.get(m[i]!)).join("");
      counted.set(path, (counted.get(path) ?? 0) + 1);
    }
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(plan.families.map((f) => [f.path, f.px])));
  });

  it("writes SOURCE.md naming every seed 001 figure the maps reproduce", () => {
    const dir = mkdtempSync(join(tmpdir(), "minecarbon-demo-source-"));
    try {
      writeDemoData(dir);
      const text = readFileSync(join(dir, "SOURCE.md"), "utf8");
      const f = SEED001_FIGURES;
      const numbers = [
        ...Object.values(f.classAreasHa).flatMap((a) => Object.values(a)),
        ...f.zoneSharesPercent.flatMap((z) => [
          z.invariant,
          z.enhancement,
          z["low-carbon-optimization"],
          z["emission-control"],
        ]),
        ...Object.values(f.takenByMiningHa),
        ...Object.values(f.transferredOut).flatMap((o) => [o.totalHa, ...Object.values(o.toPercent)]),
        f.reclaimedHa.forest,
        f.reclaimedHa.arable,
        f.reclaimedHa.in2000to2009,
      ];
      for (const v of numbers)
        expect(text, String(v)).toContain(v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
      expect(text).toMatch(/SYNTHETIC/);
      expect(text).toMatch(/14,085\.34 ha \(§3\.2\), not 1,408\.34/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
