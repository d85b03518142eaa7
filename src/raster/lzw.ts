/**
 * TIFF LZW decoding (TIFF 6.0 §13: codes of 9 to 12 bits, most significant bit first, Clear 256,
 * EndOfInformation 257, code width growing one code early). geotiff.js's own decoder reads codes
 * bit by bit and is the slowest step on LZW maps (about 18 MB/s here); this one keeps a bit buffer
 * and writes each string once, back to front, from a prefix/suffix table.
 */
const CLEAR = 256;
const EOI = 257;

/**
 * Decodes one LZW block; `expected` sizes the output (it grows if the data hold more, up to `max`
 * bytes: more than that is an error, so a corrupt or hostile block cannot make unbounded output).
 */
export function decodeLzw(input: Uint8Array, expected: number, max = Infinity): Uint8Array {
  const prefix = new Uint16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let out: Uint8Array = new Uint8Array(Math.max(expected, 1));
  let pos = 0;
  let next = 258;
  let width = 9;
  let old = -1;
  let buf = 0;
  let bits = 0;
  let p = 0;
  const n = input.length;
  for (;;) {
    while (bits < width) {
      // Past the end the stream is padded with zeros; a missing EOI then ends it (as libtiff).
      buf = ((buf << 8) | (p < n ? input[p]! : 0)) >>> 0;
      bits += 8;
      p++;
    }
    const code = (buf >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    buf &= (1 << bits) - 1;
    if (code === EOI || p > n + 2) break;
    if (code === CLEAR) {
      next = 258;
      width = 9;
      old = -1;
      continue;
    }
    if (old === -1) {
      if (code > 255) throw new RangeError(`LZW: code ${code} right after a clear code`);
      if (pos >= out.length) out = grow(out, pos + 1, max);
      out[pos++] = code;
      old = code;
      continue;
    }
    let len: number;
    let head: number;
    if (code < next) {
      len = length[code]!;
      head = first[code]!;
      if (pos + len > out.length) out = grow(out, pos + len, max);
      for (let c = code, i = pos + len - 1; i >= pos; i--) {
        out[i] = suffix[c]!;
        c = prefix[c]!;
      }
    } else if (code === next) {
      len = length[old]! + 1;
      head = first[old]!;
      if (pos + len > out.length) out = grow(out, pos + len, max);
      for (let c = old, i = pos + len - 2; i >= pos; i--) {
        out[i] = suffix[c]!;
        c = prefix[c]!;
      }
      out[pos + len - 1] = head;
    } else throw new RangeError(`LZW: code ${code} is beyond the table (${next})`);
    if (next < 4096) {
      prefix[next] = old;
      suffix[next] = head;
      first[next] = first[old]!;
      length[next] = length[old]! + 1;
      next++;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
    pos += len;
    old = code;
  }
  return pos === out.length ? out : out.subarray(0, pos);
}

function grow(a: Uint8Array, need: number, max: number): Uint8Array {
  if (need > max) throw new RangeError(`LZW: decodes to more than the block's ${max} bytes`);
  const b = new Uint8Array(Math.min(max, Math.max(need, a.length * 2)));
  b.set(a);
  return b;
}
