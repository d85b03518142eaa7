import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeLzw } from "../../src/raster/lzw.ts";

/** A plain TIFF LZW encoder (9–12-bit codes, MSB first, as libtiff writes them), only to test the decoder. */
function encodeLzw(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let width = 9;
  const emit = (code: number) => {
    buf = (buf << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((buf >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buf &= (1 << bits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  const reset = () => {
    table = new Map();
    next = 258;
    width = 9;
  };
  emit(256);
  let w = "";
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (w === "" || (wc.length > 1 ? table.has(wc) : true)) {
      w = wc;
      continue;
    }
    emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    // The encoder widens one code later than the decoder, which lags one code behind it (libtiff).
    if (next >= 1 << width && width < 12) width++;
    if (next >= 4094) {
      emit(256);
      reset();
    }
    w = String.fromCharCode(byte);
  }
  if (w) emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  emit(257);
  if (bits > 0) out.push((buf << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

describe("LZW decoder", () => {
  it("round-trips with a reference encoder, including table resets and the KwKwK case", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), fc.integer({ min: 1, max: 6 }), (raw, alphabet) => {
        // Few distinct bytes make long repeats, so codes reach 12 bits and the table clears.
        const data = raw.map((b) => b % (alphabet * 2));
        expect(Array.from(decodeLzw(encodeLzw(data), data.length))).toEqual(Array.from(data));
      }),
      { numRuns: 60 },
    );
    const runs = new Uint8Array(100000).fill(7);
    expect(decodeLzw(encodeLzw(runs), 100000)).toEqual(runs);
  });
});
