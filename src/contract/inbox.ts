import { z } from "zod";
import { storedId } from "./stored-id.ts";

/**
 * A message of a user's inbox (issue 13): what it is about and its text as a catalogue key of the
 * `manage` namespace with its values, so that each reader sees it in their language. A value that
 * is itself a term (a report's state, a flag's kind) is given as `{ term: "state.returned" }` and
 * translated too.
 */
export const INBOX_KINDS = ["state-change", "deadline", "flag", "reply", "notice"] as const;

export const inboxValueSchema = z.union([z.string(), z.number(), z.object({ term: z.string() }).strict()]);
export type InboxValue = z.infer<typeof inboxValueSchema>;

export const inboxTextSchema = z
  .object({ key: z.string().regex(/^inbox\.[a-z-]+$/), values: z.record(z.string(), inboxValueSchema) })
  .strict();
export type InboxText = z.infer<typeof inboxTextSchema>;

export const inboxMessageSchema = z
  .object({
    id: storedId,
    kind: z.enum(INBOX_KINDS),
    subject: z.object({ kind: z.string(), id: z.string() }).strict(),
    text: inboxTextSchema,
    createdAt: z.string().meta({ description: "ISO 8601 time" }),
    readAt: z.string().nullable(),
  })
  .strict();
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/** A message to send: to whom, about what, and its text; `key` sends it once (a deadline's reminder). */
export interface InboxMessageInput {
  readonly userId: string;
  readonly kind: (typeof INBOX_KINDS)[number];
  readonly subject: { readonly kind: string; readonly id: string };
  readonly text: InboxText;
  readonly key?: string;
}
