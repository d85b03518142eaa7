import { SEED001_ZONING, zoneOf } from "../../domain/landuse/zoning-rules.ts";
import { DEMO_CHOICES } from "./demo-choices.ts";
import { solveUnimodular } from "./integer-solve.ts";
import { SEED001_FIGURES } from "./seed001-figures.ts";

/**
 * Land-use groups of a trajectory: A arable, F forest, G grassland, M mining land (open pit,
 * stripping, dump, industrial), O other land (urban, rural, transportation, water). Within M and O
 * every class behaves alike under seed 001's zoning rules (checked below), so the aggregates are
 * fixed by the groups; which member a pixel is, is placed on the map.
 */
export type Group = "A" | "F" | "G" | "M" | "O";

/** The classes of seed 001's legend in each group. */
export const GROUP_CLASSES: Readonly<Record<Group, readonly string[]>> = {
  A: ["arable"],
  F: ["forest"],
  G: ["grassland"],
  M: ["open-pit", "stripping", "dump", "industrial"],
  O: ["urban", "rural", "transportation", "water"],
};

const GROUPS: readonly Group[] = ["A", "F", "G", "M", "O"];
const SINKS = ["A", "F", "G"] as const;
const KEY: Readonly<Record<"A" | "F" | "G", string>> = { A: "arable", F: "forest", G: "grassland" };
const NAME: Readonly<Record<"A" | "F" | "G", string>> = { A: "arable land", F: "forest", G: "grassland" };

/** A trajectory family: pixels that go through the same groups at the four dates, and how many. */
export interface TrajectoryFamily {
  /** The group at 1986, 2000, 2009, 2018, e.g. "AGAA". */
  readonly path: string;
  /** Pixels. */
  readonly px: number;
  /** What happens to this land, in words. */
  readonly story: string;
}

/** The families and the per-year areas (px) of the mining and other classes that the map must carry. */
export interface TrajectoryPlan {
  readonly areaPx: number;
  readonly families: readonly TrajectoryFamily[];
  /** Per year, px of each class of groups M and O (the maps place them within the groups' pixels). */
  readonly classPx: Readonly<Record<number, Readonly<Record<string, number>>>>;
}

/** The zone of a transition between groups, from seed 001's Table 1 rules. */
export function groupZone(from: Group, to: Group): string {
  return zoneOf(SEED001_ZONING, GROUP_CLASSES[from][0]!, GROUP_CLASSES[to][0]!);
}

// Every class of a group must have the same zone as the group's first: otherwise the group
// aggregates would not fix the zone shares.
for (const a of GROUPS)
  for (const b of GROUPS)
    for (const ka of GROUP_CLASSES[a])
      for (const kb of GROUP_CLASSES[b])
        if (zoneOf(SEED001_ZONING, ka, kb) !== groupZone(a, b))
          throw new Error(`internal: ${ka} → ${kb} is not zoned like ${a} → ${b}`);

/**
 * Land that stays in sinks all four dates, and how it moves between them. Their areas are solved
 * from the equations below; the list is a basis (determinant ±1) chosen so that every area is ≥ 0
 * and the stories are ones the Loess Plateau knows: fallow and re-cultivation, Grain for Green after
 * 1999, forest cleared and replanted, plantings that failed to grassland.
 */
const SINK_FAMILIES: readonly { path: string; story: string }[] = [
  { path: "AAAA", story: "arable land throughout" },
  { path: "FFFF", story: "forest throughout" },
  { path: "GGGG", story: "grassland throughout" },
  { path: "AGAA", story: "arable land left fallow by 2000, cultivated again by 2009" },
  { path: "AAGA", story: "arable land left fallow by 2009, cultivated again by 2018" },
  { path: "AGGA", story: "arable land left fallow by 2000, cultivated again by 2018" },
  { path: "AAAF", story: "arable land afforested 2009–2018 (Grain for Green)" },
  { path: "AAFG", story: "arable land afforested 2000–2009, the planting failed to grassland by 2018" },
  { path: "AFGG", story: "arable land afforested by 2000, the planting failed to grassland by 2009" },
  { path: "GAAA", story: "grassland ploughed by 2000" },
  { path: "GAAF", story: "grassland ploughed by 2000, afforested 2009–2018" },
  { path: "GAFF", story: "grassland ploughed by 2000, afforested 2000–2009" },
  { path: "GGAF", story: "grassland ploughed 2000–2009, afforested 2009–2018" },
  { path: "GGAG", story: "grassland ploughed 2000–2009, back to grassland by 2018" },
  { path: "GFAA", story: "grassland afforested by 2000, cleared for arable land 2000–2009" },
  { path: "GFGG", story: "grassland afforested by 2000, the planting failed by 2009" },
  { path: "GFFA", story: "grassland afforested by 2000, cleared for arable land 2009–2018" },
  { path: "FAAF", story: "forest cleared for arable land by 2000, replanted 2009–2018" },
  { path: "FAAG", story: "forest cleared for arable land by 2000, abandoned to grassland 2009–2018" },
  { path: "FFAF", story: "forest cleared for arable land 2000–2009, replanted 2009–2018" },
  { path: "FFGA", story: "forest degraded to grassland 2000–2009, ploughed 2009–2018" },
  { path: "FFGF", story: "forest degraded to grassland 2000–2009, replanted 2009–2018" },
];

const YEARS = SEED001_FIGURES.years;
const ZONES = ["invariant", "enhancement", "low-carbon-optimization", "emission-control"] as const;

/**
 * Splits `totals` (px per key) over groups of `sizes` px so that both margins hold exactly:
 * proportional, rounded, the last key and the last group taking the remainders.
 */
function splitBoth(
  totals: Readonly<Record<string, number>>,
  sizes: readonly number[],
  what: string,
): Record<string, number>[] {
  const keys = Object.keys(totals);
  const all = sizes.reduce((s, v) => s + v, 0);
  const sumTotals = keys.reduce((s, k) => s + totals[k]!, 0);
  if (all !== sumTotals) throw new Error(`internal: ${what}: groups ${all} px, classes ${sumTotals} px`);
  const out = sizes.map(() => ({}) as Record<string, number>);
  sizes.forEach((size, g) => {
    if (g === sizes.length - 1) {
      for (const k of keys) out[g]![k] = totals[k]! - out.slice(0, g).reduce((s, o) => s + o[k]!, 0);
      return;
    }
    let used = 0;
    keys.forEach((k, j) => {
      const v = j === keys.length - 1 ? size - used : Math.round((totals[k]! * size) / all);
      out[g]![k] = v;
      used += v;
    });
  });
  for (const [g, o] of out.entries())
    for (const k of keys)
      if (o[k]! < 0) throw new RangeError(`${what}: group ${g + 1} gets ${o[k]} px of ${k}`);
  return out;
}

/**
 * The trajectory families of the synthetic demo area and their pixel counts, derived from seed 001's
 * published figures (SEED001_FIGURES) and the demo's choices (DEMO_CHOICES) so that, counted on the
 * maps, every published figure holds to the pixel: class areas, zone areas per interval, land taken
 * by mining, land transferred out and to which class, and the reclaimed areas. Mining and other land
 * follow from the figures and the choices directly; the 22 sink families are the integer solution of
 * 22 equations (zone areas per interval, the 1986 → 2018 transfers between sinks, the class areas of
 * 1986, 2000 and 2009). Throws when a choice leaves no solution ≥ 0.
 *
 * @param pixelHa area of one pixel, ha (0.09 for 30 m)
 */
export function trajectoryPlan(pixelHa: number): TrajectoryPlan {
  const F = SEED001_FIGURES;
  const px = (ha: number) => Math.round(ha / pixelHa);
  const N = px(F.areaHa);
  const families = new Map<string, { px: number; story: string }>();
  const add = (path: string, n: number, story: string) => {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`synthetic demo: family ${path} would have ${n} px`);
    if (n === 0) return;
    const f = families.get(path);
    families.set(path, { px: (f?.px ?? 0) + n, story: f?.story ?? story });
  };

  // Published class areas, px.
  const y0 = F.classAreasHa[1986]!;
  const y3 = F.classAreasHa[2018]!;
  const S0 = { A: px(y0.arable!), F: px(y0.forest!), G: px(y0.grassland!) };
  const S3 = { A: px(y3.arable!), F: px(y3.forest!), G: px(y3.grassland!) };
  const M3byClass = Object.fromEntries(GROUP_CLASSES.M.map((k) => [k, px(y3[k]!)]));
  const M3 = Object.values(M3byClass).reduce((s, v) => s + v, 0);
  const O3 = N - S3.A - S3.F - S3.G - M3;
  const nonsink0 = N - S0.A - S0.F - S0.G;

  // Zone areas per interval, px of the area.
  const zonePx = F.zoneSharesPercent.map((z) =>
    Object.fromEntries(ZONES.map((k) => [k, Math.round((z[k] / 100) * N)])),
  );

  // One-step 1986 → 2018 cells from each sink: to the other sinks (shares of the land transferred
  // out), to mining (taken by mining), to other land (what is left of the land transferred out).
  type Sink = (typeof SINKS)[number];
  const cell = {} as Record<Sink, Record<Sink | "M" | "O", number>>;
  for (const s of SINKS) {
    const out = F.transferredOut[KEY[s]]!;
    const row = {
      A: 0,
      F: 0,
      G: 0,
      M: px(F.takenByMiningHa[KEY[s] as keyof typeof F.takenByMiningHa]),
      O: 0,
    };
    for (const t of SINKS)
      if (t !== s) row[t] = Math.round(((out.toPercent[KEY[t]] ?? NaN) / 100) * (out.totalHa / pixelHa));
    row.O = px(out.totalHa) - SINKS.filter((t) => t !== s).reduce((a, t) => a + row[t], 0) - row.M;
    row[s] = S0[s] - px(out.totalHa);
    cell[s] = row;
  }
  const minedSurvivors = SINKS.reduce((a, s) => a + cell[s].M, 0);
  const toOther = SINKS.reduce((a, s) => a + cell[s].O, 0);
  // 2018 land that was neither sink in 1986 (mining kept since 1986, other land kept since 1986,
  // and the 1986 non-sink land that is a sink in 2018).
  const keptMining = M3 - minedSurvivors;
  const keptOther = O3 - toOther;
  const gained = Object.fromEntries(
    SINKS.map((t) => [t, S3[t] - SINKS.reduce((a, s) => a + cell[s][t], 0)]),
  ) as Record<Sink, number>;

  // Mining: land opened per interval = the emission-control zone; reclaimed = opened − still mined.
  const opened = zonePx.map((z) => z["emission-control"]!);
  const reclaimedAfter1986 = opened.reduce((a, v) => a + v, 0) - minedSurvivors;
  const reclaimedF = px(F.reclaimedHa.forest);
  const reclaimedA = px(F.reclaimedHa.arable);
  // 1986 mining reclaimed by 2000: what the total leaves. It supplies all forest gained on 1986
  // non-sink land and arable land; abandoned rural land supplies the rest of the arable land and the
  // grassland gained.
  const r1 = reclaimedF + reclaimedA - reclaimedAfter1986;
  const r1F = gained.F;
  const r1A = r1 - r1F;
  const abandonedA = gained.A - r1A;
  const abandonedG = gained.G;
  const mining1986 = keptMining + r1;
  const other1986 = nonsink0 - mining1986;
  if (other1986 !== keptOther + abandonedA + abandonedG)
    throw new Error(`internal: 1986 other land ${other1986} px ≠ ${keptOther + abandonedA + abandonedG}`);
  add("MMMM", keptMining, "mining land since before 1986, still mined in 2018");
  add("MFFF", r1F, "1986 dumps reclaimed to forest by 2000");
  add("MAAA", r1A, "1986 dumps reclaimed to arable land by 2000");
  add("OOOO", keptOther, "other land since 1986");
  add("OAAA", abandonedA, "rural land abandoned after 1986, cultivated");
  add("OGGG", abandonedG, "rural land abandoned after 1986, grassland");

  const r2 = px(F.reclaimedHa.in2000to2009);
  const r3 = reclaimedAfter1986 - r2;
  const r3F = reclaimedF - r1F - r2;
  const r3A = reclaimedA - r1A;
  if (r3F + r3A !== r3) throw new Error(`internal: reclaimed 2009–2018 ${r3F} + ${r3A} ≠ ${r3} px`);
  const kept1 = px(DEMO_CHOICES.openedBy2000StillMinedHa);
  const r3from1 = opened[0]! - r2 - kept1;
  const r3from2 = r3 - r3from1;
  const r3Ffrom1 = Math.min(r3F, r3from1);
  add("AMFF", r2, "arable land opened for mining by 2000, reclaimed to forest 2000–2009");
  add("AMMF", r3Ffrom1, "arable land opened for mining by 2000, reclaimed to forest 2009–2018");
  add(
    "AMMA",
    r3from1 - r3Ffrom1,
    "arable land opened for mining by 2000, reclaimed to arable land 2009–2018",
  );
  add("AAMF", r3F - r3Ffrom1, "arable land opened for mining 2000–2009, reclaimed to forest 2009–2018");
  add("AAMA", r3from2 - (r3F - r3Ffrom1), "arable land opened 2000–2009, reclaimed to arable land 2009–2018");
  const stillMined = [kept1, opened[1]! - r3from2, opened[2]!];
  const minedByClass = splitBoth(
    Object.fromEntries(SINKS.map((s) => [s, cell[s].M])),
    stillMined,
    "land still mined in 2018",
  );
  minedByClass.forEach((bySink, k) => {
    for (const s of SINKS)
      add(
        s.repeat(k + 1) + "M".repeat(3 - k),
        bySink[s]!,
        `${NAME[s as Sink]} opened for mining ${YEARS[k]}–${YEARS[k + 1]}, still mined in 2018`,
      );
  });

  // Other land per year and class (px); it only grows, so the land added per interval is a cohort.
  const otherPx: Record<number, Record<string, number>> = {};
  for (const y of YEARS) {
    const chosen = Object.fromEntries(
      Object.entries(DEMO_CHOICES.otherLandHa[y] ?? {}).map(([k, v]) => [k, px(v)]),
    );
    const filler = y === 1986 ? "rural" : "transportation";
    const total = y === 1986 ? other1986 : y === 2018 ? O3 : undefined;
    if (total !== undefined) chosen[filler] = total - Object.values(chosen).reduce((a, v) => a + v, 0);
    otherPx[y] = chosen;
  }
  const otherTotal = YEARS.map((y) => Object.values(otherPx[y]!).reduce((a, v) => a + v, 0));
  const cohorts = [
    otherTotal[1]! - keptOther,
    otherTotal[2]! - otherTotal[1]!,
    otherTotal[3]! - otherTotal[2]!,
  ];
  splitBoth(
    Object.fromEntries(SINKS.map((s) => [s, cell[s].O])),
    cohorts,
    "land turned to other land",
  ).forEach((bySink, k) => {
    for (const s of SINKS)
      add(
        s.repeat(k + 1) + "O".repeat(3 - k),
        bySink[s]!,
        `${NAME[s as Sink]} built on or flooded ${YEARS[k]}–${YEARS[k + 1]}`,
      );
  });

  // Mining classes per year (px): published where seed 001 gives them, chosen otherwise; dumps
  // (and, in 1986, industrial land) take the rest.
  const miningTotal = YEARS.map((y, t) =>
    [...families].reduce((a, [p, f]) => a + (p[t] === "M" ? f.px : 0), 0),
  );
  const miningPx: Record<number, Record<string, number>> = {};
  YEARS.forEach((y, t) => {
    const chosen = Object.fromEntries(
      [...Object.entries(DEMO_CHOICES.miningLandHa[y] ?? {}), ...Object.entries(F.classAreasHa[y] ?? {})]
        .filter(([k]) => GROUP_CLASSES.M.includes(k))
        .map(([k, v]) => [k, px(v)]),
    );
    if (y === 1986) {
      chosen.dump = r1;
      chosen.industrial = miningTotal[t]! - r1 - chosen["open-pit"]! - chosen.stripping!;
    } else if (y !== 2018) chosen.dump = miningTotal[t]! - Object.values(chosen).reduce((a, v) => a + v, 0);
    for (const [k, v] of Object.entries(chosen))
      if (v < 0) throw new RangeError(`synthetic demo: ${k} in ${y} would have ${v} px`);
    miningPx[y] = chosen;
  });

  // The sink families: 22 equations in 22 unknowns.
  const structural = [...families];
  const rows: { name: string; coef: (p: string) => number; target: number }[] = [];
  zonePx.forEach((z, t) => {
    for (const zone of ZONES.slice(0, 3))
      rows.push({
        name: `${zone} ${YEARS[t]}–${YEARS[t + 1]}`,
        coef: (p) => (groupZone(p[t] as Group, p[t + 1] as Group) === zone ? 1 : 0),
        target: z[zone]!,
      });
  });
  for (const s of SINKS)
    for (const u of SINKS)
      if (u !== s)
        rows.push({
          name: `${KEY[s]} → ${KEY[u]} 1986–2018`,
          coef: (p) => (p[0] === s && p[3] === u ? 1 : 0),
          target: cell[s][u],
        });
  for (const s of SINKS)
    rows.push({ name: `${KEY[s]} 1986`, coef: (p) => (p[0] === s ? 1 : 0), target: S0[s] });
  const classTarget = (y: number, s: Sink) =>
    px((F.classAreasHa[y]?.[KEY[s]] ?? DEMO_CHOICES.sinkLandHa[y]?.[KEY[s]])!);
  rows.push({ name: "forest 2009", coef: (p) => (p[2] === "F" ? 1 : 0), target: classTarget(2009, "F") });
  rows.push({ name: "arable 2000", coef: (p) => (p[1] === "A" ? 1 : 0), target: classTarget(2000, "A") });
  rows.push({ name: "forest 2000", coef: (p) => (p[1] === "F" ? 1 : 0), target: classTarget(2000, "F") });
  rows.push({ name: "arable 2009", coef: (p) => (p[2] === "A" ? 1 : 0), target: classTarget(2009, "A") });
  const x = solveUnimodular(
    rows.map((r) => SINK_FAMILIES.map((f) => r.coef(f.path))),
    rows.map((r) => r.target - structural.reduce((a, [p, f]) => a + r.coef(p) * f.px, 0)),
    rows.map((r) => r.name),
  );
  SINK_FAMILIES.forEach((f, i) => add(f.path, x[i]!, f.story));

  const plan: TrajectoryPlan = {
    areaPx: N,
    families: [...families].map(([path, f]) => ({ path, px: f.px, story: f.story })),
    classPx: Object.fromEntries(YEARS.map((y) => [y, { ...otherPx[y], ...miningPx[y] }])),
  };
  checkPlan(plan, { S0, S3, M3, O3, zonePx, cell, miningTotal, otherTotal });
  return plan;
}

/** Checks the plan against the targets it was built from, so that a wrong step cannot pass silently. */
function checkPlan(
  plan: TrajectoryPlan,
  t: {
    S0: Record<string, number>;
    S3: Record<string, number>;
    M3: number;
    O3: number;
    zonePx: Record<string, number>[];
    cell: Record<string, Record<string, number>>;
    miningTotal: number[];
    otherTotal: number[];
  },
) {
  const sum = (f: (p: string) => boolean) => plan.families.reduce((a, x) => a + (f(x.path) ? x.px : 0), 0);
  const problems: string[] = [];
  const expect = (what: string, got: number, want: number) => {
    if (got !== want) problems.push(`${what}: ${got} px, want ${want}`);
  };
  expect(
    "area",
    sum(() => true),
    plan.areaPx,
  );
  for (const s of SINKS) {
    expect(
      `${s} 1986`,
      sum((p) => p[0] === s),
      t.S0[s]!,
    );
    expect(
      `${s} 2018`,
      sum((p) => p[3] === s),
      t.S3[s]!,
    );
    for (const u of [...SINKS, "M", "O"])
      expect(
        `${s} → ${u} 1986–2018`,
        sum((p) => p[0] === s && p[3] === u),
        t.cell[s]![u]!,
      );
  }
  expect(
    "M 2018",
    sum((p) => p[3] === "M"),
    t.M3,
  );
  expect(
    "O 2018",
    sum((p) => p[3] === "O"),
    t.O3,
  );
  YEARS.forEach((y, i) => {
    expect(
      `M ${y}`,
      sum((p) => p[i] === "M"),
      t.miningTotal[i]!,
    );
    expect(
      `O ${y}`,
      sum((p) => p[i] === "O"),
      t.otherTotal[i]!,
    );
    const classes = plan.classPx[y]!;
    const mined = GROUP_CLASSES.M.reduce((a, k) => a + (classes[k] ?? NaN), 0);
    const other = GROUP_CLASSES.O.reduce((a, k) => a + (classes[k] ?? NaN), 0);
    expect(`mining classes ${y}`, mined, t.miningTotal[i]!);
    expect(`other classes ${y}`, other, t.otherTotal[i]!);
  });
  t.zonePx.forEach((z, i) => {
    for (const zone of ZONES)
      expect(
        `${zone} ${YEARS[i]}–${YEARS[i + 1]}`,
        sum((p) => groupZone(p[i] as Group, p[i + 1] as Group) === zone),
        z[zone]!,
      );
  });
  if (problems.length) throw new Error(`internal: the synthetic plan misses ${problems.join("; ")}`);
}
