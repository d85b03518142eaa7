import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * The per-mine results journal of a batch (DIR/.journal): one JSON file per counted mine, written
 * atomically (a temporary file renamed over the name), so that a batch stopped at any instant leaves
 * each mine either fully recorded or absent. Each entry carries the key it was counted under; a mine
 * whose key is unchanged on the next start is not counted again.
 */

/** Bumped whenever counting changes, so that entries of an older engine are counted again. */
export const BATCH_ENGINE_VERSION = 1;

const count = z.number().nonnegative();
export const journalEntrySchema = z.object({
  version: z.literal(1),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  id: z.string(),
  pixels: z.number().int().nonnegative(),
  areaHa: count,
  crossesEdge: z.boolean(),
  seconds: count,
  counts: z.object({
    classes: z.array(z.tuple([z.number().int(), z.number().int(), count, count])),
    transitions: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int(), count, count])),
    nodataPixels: z.array(z.number().int().nonnegative()),
  }),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/**
 * The key a mine is counted under: the engine's version, the mine's id and geometry (with the file's
 * CRS) and every map's year and fingerprint. Legend, pools, zoning and mining classes are applied
 * when the outputs are written, so changing them needs no recount.
 */
export function mineKey(id: string, geometryHash: string, mapsFingerprint: string): string {
  return createHash("sha256")
    .update(JSON.stringify([BATCH_ENGINE_VERSION, id, geometryHash, mapsFingerprint]))
    .digest("hex");
}

export class MineJournal {
  readonly dir: string;
  constructor(out: string) {
    this.dir = join(out, ".journal");
    mkdirSync(this.dir, { recursive: true });
  }

  private path(id: string): string {
    return join(this.dir, `${createHash("sha256").update(id).digest("hex").slice(0, 24)}.json`);
  }

  /** The entry of mine `id` when it was counted under `key`; undefined when absent, stale or unreadable. */
  read(id: string, key: string): JournalEntry | undefined {
    const p = this.path(id);
    if (!existsSync(p)) return undefined;
    try {
      const entry = journalEntrySchema.parse(JSON.parse(readFileSync(p, "utf8")));
      return entry.key === key && entry.id === id ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records a mine's counts: written to a temporary file, then renamed over the entry. */
  write(entry: JournalEntry): void {
    const p = this.path(entry.id);
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, p);
  }
}
