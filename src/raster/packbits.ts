/**
 * TIFF PackBits decoding (TIFF 6.0 §9, as libtiff's PackBitsDecode): a header byte n of 0..127 copies
 * the next n + 1 bytes, -1..-127 repeats the next byte 1 - n times, -128 is a no-op.
 */
export function decodePackBits(input: Uint8Array, max: number): Uint8Array {
  const out = new Uint8Array(max);
  let pos = 0;
  let p = 0;
  const len = input.length;
  while (p < len && pos < max) {
    const h = (input[p++]! << 24) >> 24;
    if (h >= 0) {
      const n = h + 1;
      if (p + n > len)
        throw new RangeError(`PackBits: a literal run of ${n} bytes passes the end of the data`);
      if (pos + n > max) throw new RangeError(`PackBits: decodes to more than the block's ${max} bytes`);
      out.set(input.subarray(p, p + n), pos);
      p += n;
      pos += n;
    } else if (h !== -128) {
      const n = 1 - h;
      if (p >= len) throw new RangeError("PackBits: a repeat run has no byte to repeat");
      if (pos + n > max) throw new RangeError(`PackBits: decodes to more than the block's ${max} bytes`);
      out.fill(input[p++]!, pos, pos + n);
      pos += n;
    }
  }
  return pos === max ? out : out.subarray(0, pos);
}
