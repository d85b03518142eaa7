import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** How a spot check's sample is drawn; stored with each check so that anyone can redraw it. */
export const SPOT_CHECK_METHOD =
  "population: the mines' ids in ascending numeric order; seed: FNV-1a (32 bit) of the seed text's UTF-8 bytes " +
  "seeds pure-rand's xoroshiro128+; sample: the first n of a Fisher–Yates shuffle (for i = 0 … n−1, swap i with uniformInt(i, N−1))";

/** FNV-1a, 32 bit, of the text's UTF-8 bytes, as a signed 32-bit integer. */
export function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(seed)) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The population in its canonical order: ids ascending as numbers. */
export const canonicalPopulation = (ids: readonly string[]): string[] =>
  [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));

/** The sample of `size` mines from `population` for `seed` (SPOT_CHECK_METHOD): same inputs, same sample. */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const xs = canonicalPopulation(population);
  const n = Math.min(Math.max(0, Math.floor(size)), xs.length);
  const rng = xoroshiro128plus(seedNumber(seed));
  for (let i = 0; i < n; i++) {
    const j = uniformInt(rng, i, xs.length - 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs.slice(0, n);
}

/** The sample size a share asks for: rounded up, at least one mine when there is any. */
export const sizeOfShare = (share: number, populationSize: number) =>
  populationSize === 0 ? 0 : Math.max(1, Math.ceil(share * populationSize));
