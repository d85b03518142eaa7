/**
 * Per-pixel fields and exact-count selection for the synthetic demo area: smooth noise, distances
 * to points and polylines, and "take the n lowest-scored pixels of a set", which gives patches of
 * an exact size (a pixel = one count) that follow the score's smooth shapes.
 */

/** A uniform random number in [0, 1). */
export type Rng = () => number;

/** The pixel grid the fields are computed on. */
export interface FieldGrid {
  readonly width: number;
  readonly height: number;
}

/** Smooth noise in [0, 1): bilinear value noise over `octaves` octaves, the first with cells of `cell` px. */
export function noiseField(g: FieldGrid, rng: Rng, cell: number, octaves = 3): Float32Array {
  const { width, height } = g;
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

/** Distance (px) from every pixel to the nearest of `points` ([col, row]), each scaled by its weight. */
export function pointDistance(
  g: FieldGrid,
  points: readonly (readonly [number, number, number?])[],
): Float32Array {
  // Squared distances first (Math.hypot is several times slower than a square root).
  const out = new Float32Array(g.width * g.height).fill(Infinity);
  for (const [px, py, w = 1] of points) {
    const w2 = w * w;
    for (let y = 0; y < g.height; y++) {
      const dy2 = (y - py) * (y - py);
      for (let x = 0, i = y * g.width; x < g.width; x++, i++) {
        const d2 = ((x - px) * (x - px) + dy2) * w2;
        if (d2 < out[i]!) out[i] = d2;
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]!);
  return out;
}

/** Distance (px) from every pixel to a polyline through `pts` ([col, row]). */
export function lineDistance(g: FieldGrid, pts: readonly (readonly [number, number])[]): Float32Array {
  const out = new Float32Array(g.width * g.height);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
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
      out[y * g.width + x] = Math.sqrt(best);
    }
  return out;
}

/** `a + w·b`, pixel by pixel (a distance made irregular by a noise field). */
export function blend(a: Float32Array, b: Float32Array, w: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + w * b[i]!;
  return out;
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare's quickselect). */
function kthSmallest(a: Float32Array, k: number): number {
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

/**
 * Picks the `n` pixels of `from` (a 0/1 mask) with the lowest score (ties by pixel order), clears
 * them in `from` and returns them as a new mask. Throws when `from` has fewer than `n` pixels: the
 * counts this is asked for are targets that must be met exactly, never silently short.
 */
export function takeLowest(score: Float32Array, from: Uint8Array, n: number, what: string): Uint8Array {
  const picked = new Uint8Array(from.length);
  if (n === 0) return picked;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}: ${n} px is not a pixel count`);
  let m = 0;
  for (let i = 0; i < from.length; i++) if (from[i]) m++;
  if (m < n) throw new RangeError(`${what}: ${n} px wanted, ${m} available`);
  const candidates = new Float32Array(m);
  for (let i = 0, j = 0; i < from.length; i++) if (from[i]) candidates[j++] = score[i]!;
  const threshold = kthSmallest(candidates, n - 1);
  let below = 0;
  for (let i = 0; i < from.length; i++) if (from[i] && score[i]! < threshold) below++;
  let ties = n - below;
  for (let i = 0; i < from.length; i++) {
    if (!from[i]) continue;
    const s = score[i]!;
    if (s < threshold || (s === threshold && ties-- > 0)) {
      picked[i] = 1;
      from[i] = 0;
    }
  }
  return picked;
}

/** The number of set pixels of a mask. */
export function countOf(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  return n;
}
