import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The GeoTIFF variants of the reader's fixture matrix (striped/tiled, compressions, 8/16-bit, COG). */
export const VARIANT_DIR = join(import.meta.dirname, "..", "fixtures", "geotiff-variants");

export const variantNames = (): string[] =>
  readdirSync(VARIANT_DIR)
    .filter((f) => f.endsWith(".tif"))
    .sort();

export const readVariant = (name: string): Buffer => readFileSync(join(VARIANT_DIR, name));

/**
 * The roles the seed legend's classes take in turn. Several classes share each (they may: two
 * forest classes are both forest). None of seed 001's mining roles (open-pit, dump …) is among them,
 * so seed 001's zoning rules do not fit the legend (the `default-zoning-unfit` case).
 */
const SEED_ROLES = ["arable", "forest", "grassland", "built-up", "mining", "water", "unused"] as const;

/**
 * A legend (CSV) with a class for every 8-bit code but 254 and 255 (nodata of the fixtures; the
 * engine counts at most 254 classes), so that damage, not codes, refuses a map. Each class states
 * its role, as every legend the server takes must.
 */
export const EVERY_CODE_LEGEND_CSV = `code,name,role\n${Array.from(
  { length: 254 },
  (_, c) => `${c},class ${c},${SEED_ROLES[c % SEED_ROLES.length]}`,
).join("\n")}\n`;

/** The first `fraction` of a file, as a copy cut short in transit would be. */
export function truncated(bytes: Buffer, fraction: number): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/**
 * A copy with `count` bits flipped in the last two thirds of the file (where GDAL puts the blocks;
 * the header and directory stay intact, so the damage is in the data), chosen by a seeded generator.
 */
export function bitFlipped(bytes: Buffer, seed: number, count = 8): Buffer {
  const out = Buffer.from(bytes);
  let s = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic and good enough to spread flips.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const start = Math.floor(out.length / 3);
  for (let i = 0; i < count; i++) {
    const at = start + (next() % (out.length - start));
    out[at]! ^= 1 << (next() % 8);
  }
  return out;
}

/**
 * A hand-made little-endian GeoTIFF header (one band, 8-bit, uncompressed, projected EPSG:32650 at
 * 30 m) with one strip of `stripBytes` at the end of the file, which may declare far more pixels
 * than the file can hold — the "386 bytes declaring 100000 × 100000 pixels" of issue 9.
 */
export function headerOnlyTiff(width: number, height: number, stripBytes = 16): Buffer {
  const tags: [number, number, number, number[]][] = [];
  // [tag, type (3 SHORT, 4 LONG, 12 DOUBLE), count, values]
  const entries = (stripOffset: number) => [
    [256, 4, 1, [width]],
    [257, 4, 1, [height]],
    [258, 3, 1, [8]],
    [259, 3, 1, [1]],
    [262, 3, 1, [1]],
    [273, 4, 1, [stripOffset]],
    [277, 3, 1, [1]],
    [278, 4, 1, [height]],
    [279, 4, 1, [width * height]],
    [284, 3, 1, [1]],
    [33550, 12, 3, [30, 30, 0]],
    [33922, 12, 6, [0, 0, 0, 500000, 4400000, 0]],
    [34735, 3, 12, [1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32650]],
  ];
  tags.push(...(entries(0) as typeof tags));
  const ifdSize = 2 + tags.length * 12 + 4;
  let extra = 8 + ifdSize;
  const extraOffsets: number[] = [];
  for (const [, type, count] of tags) {
    const size = (type === 12 ? 8 : type === 4 ? 4 : 2) * count;
    extraOffsets.push(size > 4 ? extra : -1);
    if (size > 4) extra += size;
  }
  const stripOffset = extra;
  const total = extra + stripBytes;
  const buf = Buffer.alloc(total);
  buf.write("II", 0, "latin1");
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(8, 4);
  buf.writeUInt16LE(tags.length, 8);
  const final = entries(stripOffset) as typeof tags;
  final.forEach(([tag, type, count, values], i) => {
    const at = 10 + i * 12;
    buf.writeUInt16LE(tag, at);
    buf.writeUInt16LE(type, at + 2);
    buf.writeUInt32LE(count, at + 4);
    const where = extraOffsets[i]! >= 0 ? extraOffsets[i]! : at + 8;
    if (extraOffsets[i]! >= 0) buf.writeUInt32LE(where, at + 8);
    values.forEach((v, k) => {
      if (type === 12) buf.writeDoubleLE(v, where + 8 * k);
      else if (type === 4) buf.writeUInt32LE(v >>> 0, where + 4 * k);
      else buf.writeUInt16LE(v, where + 2 * k);
    });
  });
  buf.writeUInt32LE(0, 10 + tags.length * 12);
  return buf;
}
