import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";

/*
 * A web font of the characters a report uses, cut from Noto Sans SC (10.5 MB whole). fontkit (the
 * font library pdfkit embeds its subsets with) writes the outline tables of a subset, which is all a
 * PDF needs; a browser also needs a character map and the naming tables, so they are added here:
 * cmap (format 4: the Basic Multilingual Plane, where all of Chinese and the report's symbols are),
 * OS/2 and name as the whole font has them, and post version 3 (no glyph names).
 */

interface Table {
  readonly tag: string;
  readonly data: Uint8Array;
}

/** The tables of an sfnt (TrueType) file by tag. */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt file of these tables (sorted by tag, 4-byte aligned, checksums and head's adjustment set). */
function writeFont(tables: readonly Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = sorted.length;
  const headerLength = 12 + 16 * n;
  let size = headerLength;
  for (const t of sorted) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const maxPow2 = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, maxPow2 * 16);
  view.setUint16(8, Math.log2(maxPow2));
  view.setUint16(10, n * 16 - maxPow2 * 16);
  let offset = headerLength;
  let headOffset = -1;
  sorted.forEach((t, i) => {
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    const data = new Uint8Array(t.data);
    if (t.tag === "head") {
      new DataView(data.buffer).setUint32(8, 0); // checkSumAdjustment, set below
      headOffset = offset;
    }
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** A cmap with one format-4 subtable (Windows, Unicode BMP) mapping code points to glyph ids. */
function cmapFormat4(map: ReadonlyMap<number, number>): Uint8Array {
  const cps = [...map.keys()].filter((c) => c <= 0xfffe).sort((a, b) => a - b);
  // Runs where both the code point and the glyph id go up by one share a segment.
  const segs: { start: number; end: number; delta: number }[] = [];
  for (const cp of cps) {
    const gid = map.get(cp)!;
    const last = segs.at(-1);
    if (last && cp === last.end + 1 && (gid - cp) % 65536 === last.delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta: (gid - cp) % 65536 });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segs.length;
  const length = 16 + 8 * segCount;
  if (length > 0xffff) throw new RangeError(`too many characters for one cmap subtable (${cps.length})`);
  const sub = new DataView(new ArrayBuffer(length));
  const pow = 2 ** Math.floor(Math.log2(segCount));
  sub.setUint16(0, 4);
  sub.setUint16(2, length);
  sub.setUint16(4, 0);
  sub.setUint16(6, segCount * 2);
  sub.setUint16(8, pow * 2);
  sub.setUint16(10, Math.log2(pow));
  sub.setUint16(12, segCount * 2 - pow * 2);
  segs.forEach((s, i) => {
    sub.setUint16(14 + 2 * i, s.end);
    sub.setUint16(16 + 2 * segCount + 2 * i, s.start);
    sub.setUint16(16 + 4 * segCount + 2 * i, (s.delta + 65536) % 65536);
    sub.setUint16(16 + 6 * segCount + 2 * i, 0);
  });
  const head = new DataView(new ArrayBuffer(12));
  head.setUint16(0, 0);
  head.setUint16(2, 1);
  head.setUint16(4, 3); // Windows
  head.setUint16(6, 1); // Unicode BMP
  head.setUint32(8, 12);
  const out = new Uint8Array(12 + length);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(new Uint8Array(sub.buffer), 12);
  return out;
}

/** post version 3: the whole font's header (italic angle, underline, fixed pitch), no glyph names. */
function post3(post: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(post.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/**
 * A TrueType font holding the glyphs of `text`'s characters (and .notdef) from the font at `path`,
 * usable as a web font. Characters the font lacks are left out (the reader's fallback shows them).
 */
export function subsetFont(path: string, text: string): Uint8Array {
  const bytes = readFileSync(path);
  const font = fontkit.create(bytes);
  const subset = font.createSubset();
  const map = new Map<number, number>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xfffe || !font.hasGlyphForCodePoint(cp)) continue;
    map.set(cp, subset.includeGlyph(font.glyphForCodePoint(cp)));
  }
  const tables = readTables(subset.encode());
  const whole = readTables(bytes);
  tables.set("cmap", cmapFormat4(map));
  tables.set("OS/2", whole.get("OS/2")!);
  tables.set("name", whole.get("name")!);
  tables.set("post", post3(whole.get("post")!));
  return writeFont([...tables].map(([tag, data]) => ({ tag, data })));
}
