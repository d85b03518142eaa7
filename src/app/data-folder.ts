import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Where the server keeps files: uploaded maps, analysis outputs and reports, beside the PGlite
 * database (or alone, when the database is a PostgreSQL server). Files are written under `tmp`
 * first and moved into place only when complete, so nothing half-written is ever referenced.
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

  /** A fresh path under tmp (same file system as the targets, so a rename is atomic). */
  temp(suffix = ""): string {
    return join(this.dir("tmp"), `${randomUUID()}${suffix}`);
  }
}
