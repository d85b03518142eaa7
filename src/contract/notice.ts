import { z } from "zod";
import { storedId } from "./stored-id.ts";

/**
 * Rectification notices (issue 13): issued by a regulator from a flag (or on its own) with a
 * deadline, answered by the enterprise with evidence, closed or escalated by the regulator; each
 * step an append-only event. Version 1.
 */
export const NOTICE_STATES = ["open", "responded", "closed", "escalated"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_EVENT_TYPES = ["issue", "respond", "close", "escalate"] as const;
export type NoticeEventType = (typeof NOTICE_EVENT_TYPES)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const noticeText = z.string().trim().min(1, "must not be blank").max(4000);

export const evidenceItemSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    bytes: z.number().int().min(1).meta({ "x-unit": "bytes" }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits"),
  })
  .strict()
  .meta({ description: "a file offered as evidence: its name, size and SHA-256" });

export const noticeEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.enum(NOTICE_EVENT_TYPES),
    byUserId: storedId,
    byOrganisationId: storedId,
    at: z.string(),
    text: z.string(),
    evidence: z.array(evidenceItemSchema),
  })
  .strict()
  .meta({ id: "NoticeEvent" });

export const noticeSchema = z
  .object({
    id: storedId,
    mineId: storedId,
    flagId: storedId.nullable(),
    issuedByOrganisationId: storedId,
    text: z.string(),
    deadline: z.string().regex(DAY).meta({ description: "the day by which to rectify (YYYY-MM-DD)" }),
    state: z.enum(NOTICE_STATES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
  .meta({ id: "Notice" });
export type NoticeJson = z.infer<typeof noticeSchema>;

export const noticeWithEventsSchema = noticeSchema
  .extend({ events: z.array(noticeEventSchema) })
  .meta({ id: "NoticeWithEvents" });

export const noticeInput = z
  .object({
    text: noticeText.meta({ description: "what must be rectified" }),
    deadline: z
      .string()
      .regex(DAY, "must be a day YYYY-MM-DD")
      .refine(
        (d) =>
          !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
          new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        "must be a real day",
      )
      .meta({ description: "the day by which to rectify (YYYY-MM-DD, China Standard Time)" }),
    flagId: storedId.optional().meta({ description: "the flag the notice is about (set to notice-issued)" }),
  })
  .strict()
  .meta({ id: "NoticeIssue" });

export const noticeResponseInput = z
  .object({
    text: noticeText.meta({ description: "what was done" }),
    evidence: z.array(evidenceItemSchema).max(50).optional(),
  })
  .strict()
  .meta({ id: "NoticeResponse" });

export const noticeStepInput = z
  .object({ text: noticeText.meta({ description: "why it is closed or escalated" }) })
  .strict()
  .meta({ id: "NoticeStep" });

export const noticeQuery = z
  .object({ mineId: storedId.optional(), state: z.enum(NOTICE_STATES).optional() })
  .strict();

/**
 * Which step may follow which state (docs/supervision.md): the enterprise responds to an open or
 * escalated notice, and may add to its response; the regulator escalates one open or responded, and
 * closes any not yet closed. A closed notice is final.
 */
export const NOTICE_STEPS: Readonly<
  Record<Exclude<NoticeEventType, "issue">, { from: readonly NoticeState[]; to: NoticeState }>
> = {
  respond: { from: ["open", "responded", "escalated"], to: "responded" },
  escalate: { from: ["open", "responded"], to: "escalated" },
  close: { from: ["open", "responded", "escalated"], to: "closed" },
};
