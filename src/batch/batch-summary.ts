import { z } from "zod";

/** summary.json of a batch (version 1): the inputs' provenance, the grid, the mines, the outputs. */
export const batchSummarySchema = z.object({
  version: z.literal(1),
  tool: z.object({
    name: z.literal("minecarbon"),
    version: z.string(),
    batchEngine: z.number().int(),
    node: z.string(),
  }),
  createdAt: z.string(),
  inputs: z.object({
    /**
     * How maps are fingerprinted: "size+mtime" (the default: hashing a province's decades of maps
     * would read every byte on every start) or "sha256" (with --checksum sha256).
     */
    fingerprint: z.enum(["size+mtime", "sha256"]),
    maps: z.array(
      z.object({
        year: z.number().int(),
        path: z.string(),
        bytes: z.number().int(),
        modified: z.string(),
        sha256: z.string().optional(),
        compression: z.string(),
        tiled: z.boolean(),
        blockWidth: z.number().int(),
        blockHeight: z.number().int(),
        bits: z.number().int(),
        nodata: z.number().nullable(),
      }),
    ),
    mines: z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string(), idField: z.string() }),
    legend: z.object({ id: z.string(), path: z.string().optional(), sha256: z.string().optional() }),
    pools: z.object({ path: z.string(), sha256: z.string() }).optional(),
    rules: z.object({ path: z.string(), sha256: z.string() }).optional(),
  }),
  grid: z.object({
    width: z.number().int(),
    height: z.number().int(),
    originX: z.number(),
    originY: z.number(),
    pixelWidth: z.number(),
    pixelHeight: z.number(),
    crs: z.string(),
    crsKind: z.string(),
    epsg: z.number().optional(),
    proj4: z.string().optional(),
  }),
  years: z.array(z.number().int()),
  legend: z.array(z.object({ code: z.number().int(), key: z.string(), name: z.string() })),
  miningCodes: z.array(z.number().int()),
  zoning: z.string().nullable(),
  mines: z.object({
    total: z.number().int(),
    counted: z.number().int(),
    /** Counted by an earlier run of the same batch and taken from the journal. */
    resumed: z.number().int(),
    failed: z.array(z.object({ id: z.string(), reason: z.string() })),
  }),
  outputs: z.record(z.string(), z.object({ rows: z.number().int() })),
  run: z.object({
    seconds: z.number(),
    workers: z.number().int(),
    pixelsCounted: z.number(),
    pixelsPerSecond: z.number(),
    blockReads: z.number().int(),
    blockHits: z.number().int(),
  }),
  /** A batch counted through the queue across machines (`batch --queue`, docs/batch.md). */
  queue: z
    .object({
      batchId: z.string(),
      jobs: z.number().int(),
      /** Jobs that failed after their retries: their mines are not counted. */
      deadLetters: z.array(
        z.object({
          job: z.string(),
          mines: z.array(z.string()),
          error: z.string(),
          retries: z.number().int(),
        }),
      ),
    })
    .optional(),
  warnings: z.array(z.string()),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;
