import { z } from "zod";
import { inputIssueSchema } from "./error-body.ts";
import { landuseResultSchema, type LanduseResult } from "./landuse-result.ts";

/** The land-use result as analyses store it: declared in ./landuse-result.ts (the land-use engineer's). */
export { landuseResultSchema };
export type LanduseResultRecord = LanduseResult;

export const ANALYSIS_STATUSES = ["queued", "running", "done", "failed"] as const;
export const ANALYSIS_KINDS = ["landuse", "budget", "inventory"] as const;

/** Why a job failed, as stored and answered. */
export const jobErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: z.array(inputIssueSchema).optional(),
});

/** What marks a result computed from inputs that were replaced since. */
export const staleSchema = z.object({
  stale: z.boolean().meta({ description: "true when an input it was computed from was replaced since" }),
  staleReason: z.string().nullable().meta({ description: "what was replaced and when; null when not stale" }),
});

/** An analysis run as a job, as the API answers it (its result only where asked). Version 1. */
export const analysisRecordSchema = z
  .object({
    id: z.string(),
    areaId: z.string(),
    kind: z.enum(ANALYSIS_KINDS),
    status: z.enum(ANALYSIS_STATUSES),
    percent: z.number().min(0).max(100),
    params: z.unknown().meta({ description: "what the analysis was asked (POST /api/areas/{id}/analyses)" }),
    factorLibraryVersion: z.string().nullable(),
    error: jobErrorSchema.nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: landuseResultSchema.nullable().optional().meta({ description: "the result once done" }),
  })
  .extend(staleSchema.shape)
  .meta({ id: "Analysis" });
export type AnalysisRecord = z.infer<typeof analysisRecordSchema>;

/** A job as `GET /api/jobs/{id}` answers it. */
export const jobRecordSchema = z
  .object({
    id: z.string(),
    state: z.enum(ANALYSIS_STATUSES),
    percent: z.number(),
    result: z.string().nullable().meta({ description: "link to the finished analysis" }),
    error: jobErrorSchema.nullable(),
  })
  .meta({ id: "Job" });
export type JobRecord = z.infer<typeof jobRecordSchema>;
