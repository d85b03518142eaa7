import { randomUUID } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { currentProcessMark, formatMark, removeDeadEntries } from "../io/process-mark.ts";

/** Unmarked entries in tmp (written before entries carried their owner) older than this are removed: 24 h. */
export const UNMARKED_TEMP_MAX_AGE_MS = 24 * 3600 * 1000;

/**
 * Age beyond which a temp entry of another host is taken to be a leftover: no upload or job of a
 * live server takes a week, and a server whose container was re-created (a new host name) would
 * otherwise leave its leftovers forever.
 */
export const FOREIGN_TEMP_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Where the server keeps files: uploaded maps, analysis outputs and reports, beside the PGlite
 * database (or alone, when the database is a PostgreSQL server). Files are written under `tmp`
 * first and moved into place only when complete, so nothing half-written is ever referenced.
 * Every entry in `tmp` starts with its writer's mark (host, process id and start time), so that
 * what a killed process left can be told from what a live one (another server sharing the
 * folder) is writing.
 */
export class DataFolder {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  private dir(...parts: string[]): string {
    const d = join(this.root, ...parts);
    mkdirSync(d, { recursive: true });
    return d;
  }

  /** The folder of an area's maps. */
  maps(areaId: string): string {
    return this.dir("files", "maps", areaId);
  }

  /** The output folder of an analysis. */
  analysis(id: string): string {
    return join(this.dir("files", "analyses"), id);
  }

  /** The folder of generated reports. */
  reports(): string {
    return this.dir("files", "reports");
  }

  /**
   * A fresh path under tmp (same file system as the targets, so a rename is atomic), named
   * `<host>+<pid>+<start>-<uuid><suffix>`.
   */
  temp(suffix = ""): string {
    return join(this.dir("tmp"), `${formatMark(currentProcessMark())}-${randomUUID()}${suffix}`);
  }

  /**
   * Removes from tmp what dead processes left (a killed upload, a killed job's inputs): entries
   * whose writer ran on this host and is gone, unmarked entries older than a day, and entries of
   * another host (whose processes this one cannot see) older than a week. Entries of a live process,
   * and recent ones of other hosts, are kept. Returns the names removed.
   */
  removeLeftovers(now = Date.now()): string[] {
    return removeDeadEntries(this.dir("tmp"), {
      unmarked: (path) => now - statSync(path).mtimeMs > UNMARKED_TEMP_MAX_AGE_MS,
      foreign: (path) => now - statSync(path).mtimeMs > FOREIGN_TEMP_MAX_AGE_MS,
    });
  }
}
