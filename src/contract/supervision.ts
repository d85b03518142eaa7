import { z } from "zod";
import { FLAG_KINDS } from "../domain/manage/supervision.ts";
import { storedId } from "./stored-id.ts";

/**
 * Supervision's flags (issue 13; src/domain/manage/supervision.ts) as stored and answered, and the
 * run that raises them. Version 1. A flag is keyed by mine, kind, year and subject: a run raises it
 * once; a flag the rules no longer raise stays as it was (docs/supervision.md).
 */
export const FLAG_STATUSES = ["open", "notice-issued", "resolved", "dismissed"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const flagSchema = z
  .object({
    id: storedId,
    mineId: storedId,
    kind: z.enum(FLAG_KINDS),
    year: z.number().int(),
    subject: z.object({ kind: z.enum(["target", "plot", "report"]), id: z.string() }).strict(),
    evidence: z.string().meta({ description: "the evidence in English (the catalogue translates it)" }),
    numbers: z.record(z.string(), z.number()).meta({ description: "the numbers the evidence gives" }),
    status: z.enum(FLAG_STATUSES),
    statusReason: z.string().nullable().meta({ description: "why it was dismissed, resolved or reopened" }),
    raisedAt: z.string().meta({ description: "ISO 8601 time it was first raised" }),
    updatedAt: z
      .string()
      .meta({ description: "ISO 8601 time of its last change (or of being raised again)" }),
  })
  .strict()
  .meta({ id: "Flag" });
export type FlagJson = z.infer<typeof flagSchema>;

export const flagQuery = z
  .object({
    mineId: storedId.optional(),
    status: z.enum(FLAG_STATUSES).optional(),
    kind: z.enum(FLAG_KINDS).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
  })
  .strict();

/** `POST /api/supervision/run`. */
export const supervisionRunInput = z
  .object({
    year: z
      .number()
      .int()
      .min(1990)
      .max(2100)
      .meta({ description: "the year supervised (its report, its maps)" }),
    regionCode: z
      .string()
      .regex(/^\d{6}$/, "must be a six-digit region code")
      .optional()
      .meta({ description: "one region within the actor's jurisdiction; omitted: the whole jurisdiction" }),
  })
  .strict()
  .meta({ id: "SupervisionRun" });

export const supervisionRunSchema = z
  .object({
    year: z.number().int(),
    today: z.string().meta({ description: "the time the report deadline was judged against (ISO 8601)" }),
    reportDue: z
      .string()
      .meta({ description: "the month and day of the next year a report is due (China Standard Time)" }),
    mines: z.number().int().meta({ description: "mines supervised" }),
    raised: z.number().int().meta({ description: "flags the rules raise now (new and again)" }),
    created: z.array(storedId).meta({ description: "the ids of flags raised for the first time" }),
    reopened: z
      .array(storedId)
      .meta({ description: "resolved flags the rules raise again (open once more)" }),
    notRaised: z
      .array(storedId)
      .meta({ description: "open flags of the year that the rules no longer raise (kept as they are)" }),
    reminders: z.number().int().meta({ description: "notice deadline reminders sent (once each)" }),
    problems: z
      .array(z.object({ mineId: storedId, year: z.number().int(), message: z.string() }).strict())
      .meta({ description: "reports whose content could not be read into facts (left out, not guessed)" }),
    elapsedMs: z.number().meta({ "x-unit": "ms" }),
  })
  .strict()
  .meta({ id: "SupervisionRunResult" });

/** `POST /api/flags/{id}/dismiss`. */
export const flagDismissInput = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1, "must say why")
      .max(2000)
      .meta({ description: "why the flag is dismissed" }),
  })
  .strict();
