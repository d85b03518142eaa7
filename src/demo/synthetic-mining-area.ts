import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { LEGEND_PRESETS } from "../domain/landuse/legend.ts";
import {
  blend,
  countOf,
  lineDistance,
  noiseField,
  pointDistance,
  takeLowest,
  type FieldGrid,
  type Rng,
} from "./synthetic/raster-fields.ts";
import { SEED001_FIGURES } from "./synthetic/seed001-figures.ts";
import { trajectoryPlan, type TrajectoryFamily } from "./synthetic/trajectory-families.ts";

export { SEED001_FIGURES } from "./synthetic/seed001-figures.ts";
export { DEMO_CHOICES } from "./synthetic/demo-choices.ts";

/**
 * A SYNTHETIC mining area shaped like Pingshuo (seed 001) for demos and tests: four dates, the 11
 * classes of seed 001, spatially coherent patches, open pits that open one after another (Antaibao
 * before 1986, Anjialing 2000–2009, Donglutian 2009–2018), dumps reclaimed to forest and arable
 * land, towns and roads that grow. It is not real data.
 *
 * Counted by `landuse analyze` with seed 001's legend and zoning rules, its maps reproduce every
 * aggregate seed 001 publishes, together and to the pixel (0.09 ha): the class areas of §3.1 and §5,
 * the zone shares per interval of §3.3 (of the 51,696 ha analysed), the arable land, grassland and
 * forest taken by mining 1986–2018 and so the stock lost to mining (§3.2, Yang et al. 2019
 * densities), the land transferred out of each sink and the shares that went to the named classes
 * (§3.2), and the mining land reclaimed to forest and arable land (§3.3). The readings taken where
 * the paper's numbers cannot all hold at once (area 380 km² vs ~517 km², 14,085.34 vs 1,408.34 ha,
 * the reclaimed areas per interval) are listed in `synthetic/seed001-figures.ts`.
 *
 * How: every pixel follows one trajectory family (its groups at the four dates, e.g. arable → dump
 * → forest → forest); `trajectoryPlan` derives how many pixels each family has from the published
 * figures. This file only places them: other land around the town, roads, villages and the river;
 * mining land around the pits and dumps, cohort by cohort; sinks in patches of smooth noise fields.
 * Placing never changes a count, so the aggregates hold for any seed.
 */
export const SYNTHETIC_YEARS = SEED001_FIGURES.years;

export interface SyntheticArea {
  readonly width: number;
  readonly height: number;
  readonly pixelSizeM: number;
  /** Per year: class code per pixel (seed 001 codes 1–11), 0 outside the area (nodata). */
  readonly maps: ReadonlyMap<number, Uint8Array>;
  /** Mine centres in pixel coordinates, for zone polygons. */
  readonly mines: readonly { name: string; col: number; row: number; radiusPx: number }[];
  /** The trajectory families placed on the maps, with their pixel counts. */
  readonly families: readonly TrajectoryFamily[];
}

type Sink = "A" | "F" | "G";

/**
 * Generates the synthetic area: `width`×`height` pixels of `pixelSizeM` metres, of which the 574,400
 * pixels of 51,696 ha at 30 m form an irregular area; the rest is nodata (0). Deterministic for a
 * seed; the seed changes where things are, never how many pixels they have.
 */
export function syntheticMiningArea(seed = 1986, width = 900, height = 780, pixelSizeM = 30): SyntheticArea {
  const g = xoroshiro128plus(seed);
  const rng: Rng = () => uniformFloat64(g);
  const grid: FieldGrid = { width, height };
  const n = width * height;
  const plan = trajectoryPlan((pixelSizeM * pixelSizeM) / 10_000);
  const legend = LEGEND_PRESETS.seed001!;
  const code = (key: string) => legend.classes.find((c) => c.key === key)!.code;
  const sinkCode: Record<Sink, number> = { A: code("arable"), F: code("forest"), G: code("grassland") };
  const fam = new Map(plan.families.map((f) => [f.path, f.px]));
  const pxOf = (path: string) => fam.get(path) ?? 0;

  // The study area: the pixels nearest the centre, with a wobbly edge.
  const edge = noiseField(grid, rng, 160, 2);
  const all = new Uint8Array(n).fill(1);
  const area = takeLowest(
    blend(pointDistance(grid, [[width / 2, height / 2]]), edge, 260),
    all,
    plan.areaPx,
    "area",
  );
  const free = area.slice();

  const forestField = noiseField(grid, rng, 90);
  const grassField = noiseField(grid, rng, 70);
  const villageNoise = noiseField(grid, rng, 12, 2);
  const mineNoise = noiseField(grid, rng, 30, 2);

  /** Per pixel: index of its family in `paths`. */
  const paths: string[] = [];
  const familyOf = new Int16Array(n).fill(-1);
  const setFamily = (mask: Uint8Array, path: string) => {
    let idx = paths.indexOf(path);
    if (idx < 0) idx = paths.push(path) - 1;
    for (let i = 0; i < n; i++) if (mask[i]) familyOf[i] = idx;
  };
  /** Per year and pixel: the class code of mining and other land (their group's member class). */
  const structuralCode = SYNTHETIC_YEARS.map(() => new Uint8Array(n));

  /** Gives the pixels of `set` their 1986 sink class (forest where the forest field is low, then grassland). */
  const split1986 = (set: Uint8Array, count: Record<Sink, number>, what: string) => {
    const rest = set.slice();
    const f = takeLowest(forestField, rest, count.F, `${what}, forest`);
    const gr = takeLowest(grassField, rest, count.G, `${what}, grassland`);
    if (countOf(rest) !== count.A)
      throw new Error(`internal: ${what}: ${countOf(rest)} px for arable, ${count.A} wanted`);
    return { A: rest, F: f, G: gr };
  };

  // The three mines; `from`: index of the first map that shows their pit (seed 001 §3.3: Antaibao
  // worked before 1986, Anjialing from 2000–2009, Donglutian from 2009–2018).
  const mines = [
    { name: "Antaibao", col: width * 0.42, row: height * 0.45, radiusPx: 100, from: 0 },
    { name: "Anjialing", col: width * 0.6, row: height * 0.38, radiusPx: 100, from: 2 },
    { name: "Donglutian", col: width * 0.5, row: height * 0.62, radiusPx: 110, from: 3 },
  ];

  // ── Other land: a reservoir on the river, the town, roads, villages; each class only grows. ──
  const town = pointDistance(grid, [[width * 0.25, height * 0.3]]);
  const roads = lineDistance(grid, [
    [0, height * 0.3],
    [width * 0.25, height * 0.3],
    [width * 0.42, height * 0.45],
    [width * 0.6, height * 0.38],
    [width, height * 0.2],
  ]);
  const road2 = lineDistance(grid, [
    [width * 0.25, 0],
    [width * 0.25, height * 0.3],
    [width * 0.5, height * 0.62],
    [width * 0.55, height],
  ]);
  const river = lineDistance(grid, [
    [width * 0.1, height],
    [width * 0.2, height * 0.6],
    [width * 0.15, height * 0.3],
    [width * 0.3, 0],
  ]);
  // Villages away from the mines (land for the pits was expropriated first).
  const villagePoints = Array.from({ length: 80 }, () => [rng() * width, rng() * height] as const)
    .filter(([x, y]) => mines.every((m) => Math.hypot(x - m.col, y - m.row) > 140))
    .slice(0, 40);
  const villages = pointDistance(grid, villagePoints);
  // The reservoir, on the river.
  const reservoir = pointDistance(grid, [[width * 0.19, height * 0.5]]);
  const roadDist = new Float32Array(n);
  for (let i = 0; i < n; i++) roadDist[i] = Math.min(roads[i]!, road2[i]!);
  const otherScores: [string, Float32Array][] = [
    ["water", blend(blend(reservoir, river, 0.5), mineNoise, 6)],
    ["urban", blend(town, villageNoise, 40)],
    ["transportation", blend(roadDist, villageNoise, 2)],
    ["rural", blend(villages, villageNoise, 15)],
  ];
  const abandoned = pxOf("OAAA") + pxOf("OGGG");
  /** Year index from which each pixel is other land (−1: never). */
  const otherFrom = new Int8Array(n).fill(-1);
  for (const [key, score] of otherScores) {
    let set = takeLowest(score, free, plan.classPx[2018]![key]!, key);
    for (let t = 3; t >= 0; t--) {
      for (let i = 0; i < n; i++)
        if (set[i]) {
          structuralCode[t]![i] = code(key);
          otherFrom[i] = t;
        }
      if (t === 0) break;
      const wanted =
        plan.classPx[SYNTHETIC_YEARS[t - 1]!]![key]! - (key === "rural" && t === 1 ? abandoned : 0);
      set = takeLowest(score, set.slice(), wanted, `${key} ${SYNTHETIC_YEARS[t - 1]}`);
    }
  }
  // Rural land abandoned after 1986: village land outside the later villages.
  const abandonedSet = takeLowest(otherScores[3]![1], free, abandoned, "abandoned rural land");
  const abandonedG = takeLowest(grassField, abandonedSet.slice(), pxOf("OGGG"), "abandoned to grassland");
  for (let i = 0; i < n; i++) if (abandonedSet[i]) structuralCode[0]![i] = code("rural");
  setFamily(abandonedG, "OGGG");
  for (let i = 0; i < n; i++) if (abandonedG[i]) abandonedSet[i] = 0;
  setFamily(abandonedSet, "OAAA");
  for (let t = 0; t < 4; t++) {
    const cohort = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (otherFrom[i] === t) cohort[i] = 1;
    if (t === 0) {
      setFamily(cohort, "OOOO");
      continue;
    }
    const path = (s: Sink) => s.repeat(t) + "O".repeat(4 - t);
    const bySink = split1986(
      cohort,
      { A: pxOf(path("A")), F: pxOf(path("F")), G: pxOf(path("G")) },
      `other land from ${SYNTHETIC_YEARS[t]}`,
    );
    for (const s of ["A", "F", "G"] as const) setFamily(bySink[s], path(s));
  }

  // ── Mining land: cohorts opened per interval around the pits and dumps of the mines then working. ──
  const [antaibao, anjialing, donglutian] = mines.map((m) => [m.col, m.row] as const);
  // Dump sites, by the interval in which their land is opened (index of the map that first shows it).
  const dumpsOpened: (readonly [number, number])[][] = [
    [[width * 0.34, height * 0.52]],
    [
      [width * 0.34, height * 0.52],
      [width * 0.36, height * 0.38],
    ],
    [
      [width * 0.36, height * 0.38],
      [width * 0.68, height * 0.46],
    ],
    [
      [width * 0.58, height * 0.7],
      [width * 0.44, height * 0.7],
      [width * 0.5, height * 0.3],
    ],
  ];
  const cohortScore = [
    pointDistance(grid, [
      [...antaibao!, 1],
      [...dumpsOpened[0]![0]!, 1.2],
    ]),
    pointDistance(grid, [[...antaibao!, 1], ...dumpsOpened[1]!.map((d) => [...d, 1.1] as const)]),
    pointDistance(grid, [
      [...anjialing!, 1],
      [...antaibao!, 1.5],
      ...dumpsOpened[2]!.map((d) => [...d, 1.2] as const),
    ]),
    pointDistance(grid, [
      [...donglutian!, 1],
      [...anjialing!, 1.6],
      [...antaibao!, 1.8],
      ...dumpsOpened[3]!.map((d) => [...d, 1.2] as const),
    ]),
  ].map((d) => blend(d, mineNoise, 35));
  const dumpScore = dumpsOpened.map((sites) =>
    pointDistance(
      grid,
      sites.map((d) => [...d, 1] as const),
    ),
  );
  // The land first mined on map `t` (t = 0: the mining land of 1986), cohort by cohort.
  for (let t = 0; t < 4; t++) {
    const cohortPaths = plan.families
      .map((f) => f.path)
      .filter((p) => p.indexOf("M") === t && (t === 0 || p[0] !== "M"));
    const total = cohortPaths.reduce((a, p) => a + pxOf(p), 0);
    const cohort = takeLowest(cohortScore[t]!, free, total, `mining land opened by ${SYNTHETIC_YEARS[t]}`);
    // Reclaimed first where the dumps are, the earliest reclaimed nearest the dump sites.
    const reclaimedAt = (p: string) => p.lastIndexOf("M") + 1;
    const byReclaim = [...new Set(cohortPaths.map(reclaimedAt))].sort();
    for (const r of byReclaim) {
      const group = cohortPaths.filter((p) => reclaimedAt(p) === r);
      const size = group.reduce((a, p) => a + pxOf(p), 0);
      const set =
        r === 4
          ? cohort
          : takeLowest(dumpScore[t]!, cohort, size, `reclaimed from the ${SYNTHETIC_YEARS[t]} cohort`);
      if (t === 0) {
        // 1986 mining land: its own 1986 class; reclaimed to forest where the forest field is low.
        const rest = set.slice();
        for (const p of group.filter((p) => p.endsWith("F")))
          setFamily(takeLowest(forestField, rest, pxOf(p), p), p);
        for (const p of group.filter((p) => !p.endsWith("F")))
          setFamily(takeLowest(mineNoise, rest, pxOf(p), p), p);
        continue;
      }
      // Opened land was a sink in 1986; families with the same 1986 class differ in what they become.
      const bySinkPaths = (s: Sink) => group.filter((p) => p[0] === s);
      const count = (s: Sink) => bySinkPaths(s).reduce((a, p) => a + pxOf(p), 0);
      const bySink = split1986(
        set,
        { A: count("A"), F: count("F"), G: count("G") },
        `mining land opened by ${SYNTHETIC_YEARS[t]}`,
      );
      for (const s of ["A", "F", "G"] as const) {
        const rest = bySink[s];
        for (const p of bySinkPaths(s))
          setFamily(takeLowest(p.endsWith("F") ? forestField : mineNoise, rest, pxOf(p), p), p);
      }
    }
  }
  // Mining classes per year: the land reclaimed next is dump; pits at the working mines' centres,
  // stripping land around them, industrial land along the roads, the rest dumps.
  SYNTHETIC_YEARS.forEach((year, t) => {
    const mined = new Uint8Array(n);
    const reclaimedNext = new Uint8Array(n);
    const isMined = paths.map((p) => p[t] === "M");
    const staysMined = paths.map((p) => t === 3 || p[t + 1] === "M");
    for (let i = 0; i < n; i++) {
      const f = familyOf[i]!;
      if (f < 0 || !isMined[f]) continue;
      if (staysMined[f]) mined[i] = 1;
      else reclaimedNext[i] = 1;
    }
    const classes = plan.classPx[year]!;
    const pit = blend(
      pointDistance(
        grid,
        mines.filter((m) => m.from <= t).map((m) => [m.col, m.row] as const),
      ),
      mineNoise,
      12,
    );
    const put = (mask: Uint8Array, key: string) => {
      for (let i = 0; i < n; i++) if (mask[i]) structuralCode[t]![i] = code(key);
    };
    put(reclaimedNext, "dump");
    const extraDump = classes.dump! - countOf(reclaimedNext);
    put(takeLowest(pit, mined, classes["open-pit"]!, `open pit ${year}`), "open-pit");
    put(takeLowest(pit, mined, classes.stripping!, `stripping land ${year}`), "stripping");
    put(
      takeLowest(blend(roadDist, mineNoise, 30), mined, classes.industrial!, `industrial land ${year}`),
      "industrial",
    );
    if (countOf(mined) !== extraDump)
      throw new Error(`internal: ${countOf(mined)} px left for dumps in ${year}, ${extraDump} wanted`);
    put(mined, "dump");
  });

  // ── Sinks: the rest; 1986 classes in patches, then each family where it fits the land it becomes. ──
  const sinkPaths = plan.families.map((f) => f.path).filter((p) => !/[MO]/.test(p));
  const sinkCount = (s: Sink) => sinkPaths.filter((p) => p[0] === s).reduce((a, p) => a + pxOf(p), 0);
  const pools = split1986(free, { A: sinkCount("A"), F: sinkCount("F"), G: sinkCount("G") }, "sinks");
  // How near a pixel of pool `s` is to land of class `c`: low where `c` is near.
  const farFromForest = Float32Array.from(forestField);
  const farFromGrass = Float32Array.from(grassField);
  for (let i = 0; i < n; i++) {
    farFromForest[i] = 1 - forestField[i]!;
    farFromGrass[i] = 1 - grassField[i]!;
  }
  const nearness = (s: Sink, c: Sink): Float32Array =>
    c === "F" ? forestField : c === "G" ? grassField : s === "G" ? farFromGrass : farFromForest;
  // One patch-noise field per rank within a pool, shared by the pools (their pixels are disjoint).
  const patchNoise: Float32Array[] = [];
  for (const s of ["A", "F", "G"] as const) {
    const rest = pools[s];
    sinkPaths
      .filter((p) => p[0] === s && p !== s.repeat(4))
      .forEach((p, rank) => {
        const to = (p[3] !== s ? p[3] : [...p].find((c) => c !== s)) as Sink;
        patchNoise[rank] ??= noiseField(grid, rng, 45, 2);
        setFamily(takeLowest(blend(nearness(s, to), patchNoise[rank]!, 0.8), rest, pxOf(p), p), p);
      });
    if (countOf(rest) !== pxOf(s.repeat(4)))
      throw new Error(`internal: ${countOf(rest)} px of ${s} left unchanged, ${pxOf(s.repeat(4))} wanted`);
    setFamily(rest, s.repeat(4));
  }

  const maps = new Map<number, Uint8Array>();
  SYNTHETIC_YEARS.forEach((year, t) => {
    const out = new Uint8Array(n);
    // Per family: its sink's code this year, or 0 where the class is mining or other land.
    const familyCode = paths.map((p) => (p[t] === "M" || p[t] === "O" ? 0 : sinkCode[p[t] as Sink]));
    for (let i = 0; i < n; i++) {
      if (!area[i]) continue;
      const f = familyOf[i]!;
      if (f < 0) throw new Error(`internal: pixel ${i} has no trajectory`);
      out[i] = familyCode[f]! || structuralCode[t]![i]!;
    }
    maps.set(year, out);
  });
  return {
    width,
    height,
    pixelSizeM,
    maps,
    mines: mines.map(({ name, col, row, radiusPx }) => ({ name, col, row, radiusPx })),
    families: plan.families,
  };
}
