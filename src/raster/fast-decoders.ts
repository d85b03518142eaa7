import { inflateSync } from "node:zlib";
import { addDecoder, BaseDecoder } from "geotiff";
import { decodeLzw } from "./lzw.ts";
import { decodePackBits } from "./packbits.ts";

/** Bytes a full block decodes to; no valid block decodes to more, so decoders stop there. */
function fullBlockBytes(d: BaseDecoder): number {
  const { tileWidth, tileHeight, bitsPerSample } = d.parameters;
  const bits = typeof bitsPerSample === "number" ? bitsPerSample : Number(bitsPerSample[0] ?? 8);
  return (tileWidth * tileHeight * bits) / 8;
}

/** The bytes of a Node Buffer as an ArrayBuffer of their own (small ones sit in a shared pool). */
const own = (out: Uint8Array): ArrayBufferLike =>
  out.byteOffset === 0 && out.byteLength === out.buffer.byteLength
    ? out.buffer
    : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);

/**
 * geotiff.js decodes DEFLATE with pako and LZW bit by bit, in JavaScript. Node's own zlib is
 * several times faster, and so is MineCarbon's LZW decoder; the Node adapter registers both through
 * geotiff.js's decoder registry, and the library still applies the predictor. Every decoder stops
 * at the block's size: a corrupt or hostile block (a DEFLATE bomb) cannot make more.
 */
class NodeZlibDeflateDecoder extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
    const max = fullBlockBytes(this);
    try {
      return own(inflateSync(new Uint8Array(buffer), { maxOutputLength: Math.max(1, max) }));
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new RangeError(`DEFLATE: decodes to more than the block's ${max} bytes`);
      throw e;
    }
  }
}

class FastLzwDecoder extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
    const max = fullBlockBytes(this);
    return own(decodeLzw(new Uint8Array(buffer), max, max));
  }
}

/** geotiff.js's PackBits decoder grows a JavaScript array without bound and reads -128 as a run. */
class BoundedPackBitsDecoder extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
    return own(decodePackBits(new Uint8Array(buffer), fullBlockBytes(this)));
  }
}

let registered = false;
/** Registers the fast, bounded decoders once per thread: DEFLATE (8 and the old 32946), LZW (5), PackBits (32773). */
export function useFastDecoders(): void {
  if (registered) return;
  addDecoder([8, 32946], () => Promise.resolve(NodeZlibDeflateDecoder), undefined, false);
  addDecoder(5, () => Promise.resolve(FastLzwDecoder), undefined, false);
  addDecoder(32773, () => Promise.resolve(BoundedPackBitsDecoder), undefined, false);
  registered = true;
}
