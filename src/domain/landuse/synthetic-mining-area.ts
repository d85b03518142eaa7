import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { LEGEND_PRESETS } from "./legend.ts";

/**
 * A SYNTHETIC mining area shaped like Pingshuo (seed 001) for demos and tests: four dates, the 11
 * classes of seed 001, spatially coherent patches, open pits that open one after another, dumps
 * that grow and are later reclaimed to forest, grassland and arable land. It is not real data.
 *
 * Class areas hit the targets below to the pixel. Targets marked `published` are seed 001's own
 * figures (§3.1 and §5, SPEC "Seed 001 areas"); the others are invented so that each date adds up.
 */
export const SYNTHETIC_YEARS = [1986, 2000, 2009, 2018] as const;

/** Target area (ha) per class key and year; `published` lists the keys seed 001 gives for that year. */
export const SYNTHETIC_TARGETS_HA: Readonly<
  Record<number, { readonly areas: Readonly<Record<string, number>>; readonly published: readonly string[] }>
> = {
  1986: {
    areas: {
      arable: 32119.86,
      forest: 8426.73,
      grassland: 10655.54,
      urban: 60,
      rural: 250,
      transportation: 90,
      "open-pit": 20,
      stripping: 10,
      dump: 10,
      industrial: 13.87,
      water: 40,
    },
    published: ["arable", "forest", "grassland"],
  },
  2000: {
    areas: {
      arable: 30100,
      forest: 7900,
      urban: 300,
      rural: 650,
      transportation: 400,
      "open-pit": 450,
      stripping: 350,
      dump: 900,
      industrial: 403.2,
      water: 45,
      grassland: 0,
    },
    published: ["industrial"],
  },
  2009: {
    areas: {
      arable: 27000,
      forest: 7372.44,
      urban: 700,
      rural: 850,
      transportation: 700,
      "open-pit": 700,
      stripping: 700,
      dump: 2000,
      industrial: 700,
      water: 55,
      grassland: 0,
    },
    published: ["forest"],
  },
  2018: {
    areas: {
      arable: 24191.34,
      forest: 9300,
      grassland: 8793.36,
      stripping: 1109.25,
      industrial: 2243.29,
      dump: 2856.33,
      "open-pit": 914.7,
      urban: 1000,
      rural: 700,
      water: 60,
      transportation: 0,
    },
    published: ["arable", "forest", "grassland", "stripping", "industrial", "dump", "open-pit"],
  },
};

export interface SyntheticArea {
  readonly width: number;
  readonly height: number;
  readonly pixelSizeM: number;
  /** Per year: class code per pixel (seed 001 codes 1–11), 0 outside the area (nodata). */
  readonly maps: ReadonlyMap<number, Uint8Array>;
  /** Mine centres in pixel coordinates, for zone polygons. */
  readonly mines: readonly { name: string; col: number; row: number; radiusPx: number }[];
}

type Rng = () => number;

/** Smooth noise in [0, 1): bilinear value noise over a few octaves. */
function noiseField(width: number, height: number, rng: Rng, cell: number, octaves = 3): Float32Array {
  const out = new Float32Array(width * height);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++, cell /= 2, amp /= 2) {
    const cs = Math.max(2, cell);
    const gw = Math.ceil(width / cs) + 2;
    const gh = Math.ceil(height / cs) + 2;
    const grid = Float32Array.from({ length: gw * gh }, () => rng());
    for (let y = 0; y < height; y++) {
      const gy = y / cs;
      const y0 = Math.floor(gy);
      const fy = gy - y0;
      for (let x = 0; x < width; x++) {
        const gx = x / cs;
        const x0 = Math.floor(gx);
        const fx = gx - x0;
        const a = grid[y0 * gw + x0]!;
        const b = grid[y0 * gw + x0 + 1]!;
        const c = grid[(y0 + 1) * gw + x0]!;
        const d = grid[(y0 + 1) * gw + x0 + 1]!;
        out[y * width + x]! += amp * ((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy);
      }
    }
    total += amp;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= total;
  return out;
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare's quickselect). */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Marks the `n` free pixels with the lowest score as `code` (ties broken by pixel order). */
function takeLowest(
  score: Float32Array | Float64Array,
  free: Uint8Array,
  out: Uint8Array,
  n: number,
  code: number,
) {
  if (n <= 0) return;
  let m = 0;
  for (let i = 0; i < score.length; i++) if (free[i]) m++;
  if (m < n) throw new RangeError(`class ${code}: ${n} px wanted, ${m} free`);
  const candidates = new Float64Array(m);
  for (let i = 0, j = 0; i < score.length; i++) if (free[i]) candidates[j++] = score[i]!;
  const threshold = kthSmallest(candidates, n - 1);
  let below = 0;
  for (let i = 0; i < score.length; i++) if (free[i] && score[i]! < threshold) below++;
  let ties = n - below;
  for (let i = 0; i < score.length; i++) {
    if (!free[i]) continue;
    const s = score[i]!;
    if (s < threshold || (s === threshold && ties-- > 0)) {
      out[i] = code;
      free[i] = 0;
    }
  }
}

/**
 * Generates the synthetic area: `width`×`height` pixels of `pixelSizeM` metres, of which the
 * pixels needed for the targets (51,696 ha at 30 m: 574,400 px) form an irregular area; the rest is
 * nodata (0). Deterministic for a seed.
 */
export function syntheticMiningArea(seed = 1986, width = 900, height = 780, pixelSizeM = 30): SyntheticArea {
  const g = xoroshiro128plus(seed);
  const rng: Rng = () => uniformFloat64(g);
  const n = width * height;
  const pxHa = (pixelSizeM * pixelSizeM) / 10_000;
  const legend = LEGEND_PRESETS.seed001!;
  const code = (key: string) => legend.classes.find((c) => c.key === key)!.code;
  const pixelsOf = (ha: number) => Math.round(ha / pxHa);
  // 51,696 ha: the class areas seed 001 gives imply about 51,700 ha (SPEC, known inconsistencies).
  const areaPx = pixelsOf(51696);
  const dist = (cx: number, cy: number) => {
    const f = new Float64Array(n);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) f[y * width + x] = Math.hypot(x - cx, y - cy);
    return f;
  };
  const blend = (d: Float64Array, noise: Float32Array, w: number) => {
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) f[i] = d[i]! + w * noise[i]!;
    return f;
  };
  const minOf = (...fs: Float64Array[]) => {
    const f = new Float64Array(n).fill(Infinity);
    for (const a of fs) for (let i = 0; i < n; i++) f[i] = Math.min(f[i]!, a[i]!);
    return f;
  };
  const lineDist = (pts: [number, number][]) => {
    const f = new Float64Array(n).fill(Infinity);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let best = Infinity;
        for (let s = 0; s + 1 < pts.length; s++) {
          const [ax, ay] = pts[s]!;
          const [bx, by] = pts[s + 1]!;
          const dx = bx - ax;
          const dy = by - ay;
          const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
          const ex = x - ax - t * dx;
          const ey = y - ay - t * dy;
          best = Math.min(best, ex * ex + ey * ey);
        }
        f[y * width + x] = Math.sqrt(best);
      }
    return f;
  };

  // The study area: the areaPx pixels nearest the centre, with a wobbly edge.
  const edge = noiseField(width, height, rng, 160, 2);
  const inside = new Uint8Array(n).fill(1);
  const areaMask = new Uint8Array(n);
  takeLowest(blend(dist(width / 2, height / 2), edge, 260), inside, areaMask, areaPx, 1);

  const fields = {
    forest: noiseField(width, height, rng, 90),
    grass: noiseField(width, height, rng, 70),
    village: noiseField(width, height, rng, 12, 2),
    mine: noiseField(width, height, rng, 30, 2),
  };
  const mines = [
    { name: "Antaibao", col: width * 0.42, row: height * 0.45, radiusPx: 70, opens: 1986 },
    { name: "Anjialing", col: width * 0.6, row: height * 0.38, radiusPx: 80, opens: 2000 },
    { name: "Donglutian", col: width * 0.5, row: height * 0.62, radiusPx: 80, opens: 2009 },
  ];
  // Dump sites: each next to a mine, active from `from` and reclaimed after `until`.
  const dumps = [
    { col: width * 0.34, row: height * 0.52, from: 1986, until: 2000 },
    { col: width * 0.36, row: height * 0.38, from: 2000, until: 2009 },
    { col: width * 0.68, row: height * 0.46, from: 2000, until: 2099 },
    { col: width * 0.58, row: height * 0.7, from: 2009, until: 2099 },
    { col: width * 0.44, row: height * 0.7, from: 2009, until: 2099 },
    { col: width * 0.5, row: height * 0.3, from: 2009, until: 2099 },
  ];
  const town = dist(width * 0.25, height * 0.3);
  const roads = lineDist([
    [0, height * 0.3],
    [width * 0.25, height * 0.3],
    [width * 0.42, height * 0.45],
    [width * 0.6, height * 0.38],
    [width, height * 0.2],
  ]);
  const road2 = lineDist([
    [width * 0.25, 0],
    [width * 0.25, height * 0.3],
    [width * 0.5, height * 0.62],
    [width * 0.55, height],
  ]);
  const river = lineDist([
    [width * 0.1, height],
    [width * 0.2, height * 0.6],
    [width * 0.15, height * 0.3],
    [width * 0.3, 0],
  ]);
  const villages = Array.from({ length: 40 }, () => [rng() * width, rng() * height] as const);
  const villageDist = new Float64Array(n);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let best = Infinity;
      for (const [vx, vy] of villages) best = Math.min(best, (x - vx) * (x - vx) + (y - vy) * (y - vy));
      villageDist[y * width + x] = Math.sqrt(best);
    }

  const maps = new Map<number, Uint8Array>();
  const everDumped = new Uint8Array(n);
  for (const year of SYNTHETIC_YEARS) {
    const target = { ...SYNTHETIC_TARGETS_HA[year]!.areas };
    const published = SYNTHETIC_TARGETS_HA[year]!.published;
    // The first unpublished class among these absorbs the rounding so that pixels add up.
    const keys = Object.keys(target);
    const px: Record<string, number> = Object.fromEntries(keys.map((k) => [k, pixelsOf(target[k]!)]));
    const filler = (["grassland", "transportation", "rural"] as const).find(
      (k) => !published.includes(k) && k in px,
    )!;
    px[filler] = 0;
    px[filler] = areaPx - Object.values(px).reduce((s, v) => s + v, 0);
    if (px[filler]! < 0) throw new RangeError(`synthetic targets for ${year} exceed the area`);

    const out = new Uint8Array(n);
    const free = areaMask.slice();
    const active = mines.filter((m) => m.opens <= year);
    const pitScore = minOf(...active.map((m) => dist(m.col, m.row)));
    takeLowest(blend(river, fields.mine, 6), free, out, px.water!, code("water"));
    takeLowest(blend(town, fields.village, 40), free, out, px.urban!, code("urban"));
    takeLowest(
      blend(minOf(roads, road2), fields.village, 2),
      free,
      out,
      px.transportation!,
      code("transportation"),
    );
    takeLowest(blend(pitScore, fields.mine, 25), free, out, px["open-pit"]!, code("open-pit"));
    takeLowest(blend(pitScore, fields.mine, 40), free, out, px.stripping!, code("stripping"));
    const activeDumps = dumps.filter((d) => d.from <= year && year <= d.until);
    takeLowest(
      blend(minOf(...activeDumps.map((d) => dist(d.col, d.row))), fields.mine, 30),
      free,
      out,
      px.dump!,
      code("dump"),
    );
    takeLowest(blend(pitScore, fields.village, 120), free, out, px.industrial!, code("industrial"));
    takeLowest(blend(villageDist, fields.village, 15), free, out, px.rural!, code("rural"));
    // Reclaimed dumps: former dump land no longer in use becomes forest, then grassland, then arable.
    const reclaimed = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) if (everDumped[i] && free[i]) reclaimed[i] = fields.forest[i]!;
    let open = 0;
    for (let i = 0; i < n; i++) if (reclaimed[i] !== Infinity) open++;
    const toForest = Math.min(px.forest!, Math.round(open * 0.45));
    takeLowest(reclaimed, free, out, toForest, code("forest"));
    const toGrass = Math.min(px.grassland!, Math.round(open * 0.35));
    const reclaimedGrass = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) if (everDumped[i] && free[i]) reclaimedGrass[i] = fields.grass[i]!;
    takeLowest(reclaimedGrass, free, out, toGrass, code("grassland"));
    takeLowest(fields.forest, free, out, px.forest! - toForest, code("forest"));
    takeLowest(fields.grass, free, out, px.grassland! - toGrass, code("grassland"));
    let rest = 0;
    for (let i = 0; i < n; i++) if (free[i]) rest++;
    if (rest !== px.arable) throw new Error(`internal: ${rest} px left for arable land, ${px.arable} wanted`);
    for (let i = 0; i < n; i++) if (free[i]) out[i] = code("arable");
    for (let i = 0; i < n; i++) if (out[i] === code("dump")) everDumped[i] = 1;
    maps.set(year, out);
  }
  return {
    width,
    height,
    pixelSizeM,
    maps,
    mines: mines.map(({ name, col, row, radiusPx }) => ({ name, col, row, radiusPx })),
  };
}
