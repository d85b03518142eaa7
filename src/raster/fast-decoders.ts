import { inflateSync } from "node:zlib";
import { addDecoder, BaseDecoder } from "geotiff";
import { decodeLzw } from "./lzw.ts";

/**
 * geotiff.js decodes DEFLATE with pako and LZW bit by bit, in JavaScript. Node's own zlib is
 * several times faster, and so is MineCarbon's LZW decoder; the Node adapter registers both through
 * geotiff.js's decoder registry, and the library still applies the predictor.
 */
class NodeZlibDeflateDecoder extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
    const out = inflateSync(new Uint8Array(buffer));
    // Large outputs own their memory; small ones may sit in Node's shared pool and are copied out.
    return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength
      ? out.buffer
      : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  }
}

class FastLzwDecoder extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
    const { tileWidth, tileHeight, bitsPerSample } = this.parameters;
    const bits = typeof bitsPerSample === "number" ? bitsPerSample : Number(bitsPerSample[0] ?? 8);
    const out = decodeLzw(new Uint8Array(buffer), (tileWidth * tileHeight * bits) / 8);
    return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength
      ? out.buffer
      : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  }
}

let registered = false;
/** Registers the fast decoders once per thread: DEFLATE (8 and the old 32946) and LZW (5). */
export function useFastDecoders(): void {
  if (registered) return;
  addDecoder([8, 32946], () => Promise.resolve(NodeZlibDeflateDecoder), undefined, false);
  addDecoder(5, () => Promise.resolve(FastLzwDecoder), undefined, false);
  registered = true;
}
