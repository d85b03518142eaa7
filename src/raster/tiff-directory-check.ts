import { closeSync, openSync, readSync } from "node:fs";

/** Bytes per value of each TIFF field type (TIFF 6.0 §2, BigTIFF adds 16–18). */
export const TYPE_BYTES: Readonly<Record<number, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};

/**
 * What is impossible in the first image directory of a TIFF of `fileBytes` bytes, or undefined
 * when nothing is. A directory entry that claims more values than the file has bytes, or values
 * past its end, cannot be right; geotiff.js would allocate an array of the claimed length while
 * parsing (a 400-byte file could ask for gigabytes), so this is checked first, on the entries only.
 */
export function tiffDirectoryProblem(path: string, fileBytes: number): string | undefined {
  const fd = openSync(path, "r");
  try {
    const read = (offset: number, length: number): Buffer | undefined => {
      if (offset < 0 || offset + length > fileBytes) return undefined;
      const b = Buffer.alloc(length);
      return readSync(fd, b, 0, length, offset) === length ? b : undefined;
    };
    const head = read(0, 16) ?? read(0, 8);
    if (!head) return undefined; // too short to be a TIFF: geotiff.js says so in its own words
    const little = head.toString("latin1", 0, 2) === "II";
    if (!little && head.toString("latin1", 0, 2) !== "MM") return undefined;
    const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
    const u64 = (b: Buffer, at: number) => Number(little ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at));
    const magic = u16(head, 2);
    if (magic !== 42 && magic !== 43) return undefined;
    const big = magic === 43;
    if (big && head.length < 16) return "is cut off inside its header";
    const ifd = big ? u64(head, 8) : u32(head, 4);
    const countBytes = big ? 8 : 2;
    const entryBytes = big ? 20 : 12;
    const inlineBytes = big ? 8 : 4;
    const countField = read(ifd, countBytes);
    if (!countField)
      return `says its image directory is at byte ${ifd.toLocaleString("en-US")}, past its end (${fileBytes.toLocaleString("en-US")} bytes); the file is truncated — copy or export it again`;
    const entries = big ? u64(countField, 0) : u16(countField, 0);
    const table = read(ifd + countBytes, entries * entryBytes);
    if (!table)
      return `has an image directory of ${entries.toLocaleString("en-US")} entries that runs past its end (${fileBytes.toLocaleString("en-US")} bytes); the file is truncated — copy or export it again`;
    for (let e = 0; e < entries; e++) {
      const at = e * entryBytes;
      const tag = u16(table, at);
      const size = TYPE_BYTES[u16(table, at + 2)];
      if (size === undefined) continue; // unknown types are skipped by readers
      const count = big ? u64(table, at + 4) : u32(table, at + 4);
      const bytes = count * size;
      if (bytes <= inlineBytes) continue;
      const offset = big ? u64(table, at + 12) : u32(table, at + 8);
      if (bytes > fileBytes || offset + bytes > fileBytes)
        return `has a directory entry (tag ${tag}) of ${count.toLocaleString("en-US")} values at byte ${offset.toLocaleString("en-US")}, which cannot lie inside its ${fileBytes.toLocaleString("en-US")} bytes; the file is truncated or corrupt — copy or export it again`;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
