import type { CodeArray } from "../raster/geotiff-source.ts";

/**
 * Decoded blocks kept by key, least recently used dropped first, bounded in bytes: mines sorted by
 * place share the blocks they touch, and memory stays flat however large the rasters are.
 */
export class BlockCache {
  private readonly blocks = new Map<string, Promise<CodeArray>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  /** Blocks read and decoded (misses), and blocks served from the cache (hits). */
  reads = 0;
  hits = 0;

  /** @param maxBytes the most decoded bytes held */
  constructor(private readonly maxBytes: number) {}

  /** The block under `key`, read by `load` when not held. */
  get(key: string, load: () => Promise<CodeArray>): Promise<CodeArray> {
    const held = this.blocks.get(key);
    if (held) {
      this.hits++;
      this.blocks.delete(key);
      this.blocks.set(key, held);
      return held;
    }
    this.reads++;
    const p = load();
    this.blocks.set(key, p);
    p.then(
      (a) => {
        if (this.blocks.get(key) !== p) return;
        this.sizes.set(key, a.byteLength);
        this.bytes += a.byteLength;
        this.evict();
      },
      () => this.blocks.delete(key),
    );
    return p;
  }

  private evict(): void {
    for (const key of this.blocks.keys()) {
      if (this.bytes <= this.maxBytes) return;
      const size = this.sizes.get(key);
      if (size === undefined) continue;
      this.blocks.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}
