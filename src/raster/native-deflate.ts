import { inflateSync } from "node:zlib";
import { addDecoder, BaseDecoder } from "geotiff";

/**
 * geotiff.js decodes DEFLATE with pako (JavaScript). Node's own zlib is several times faster, so the
 * Node adapter registers it for both DEFLATE codes (8 and the old 32946) through geotiff.js's decoder
 * registry; the library still applies the predictor.
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

let registered = false;
/** Registers the native DEFLATE decoder once per thread. */
export function useNativeDeflate(): void {
  if (registered) return;
  addDecoder([8, 32946], () => Promise.resolve(NodeZlibDeflateDecoder), undefined, false);
  registered = true;
}
