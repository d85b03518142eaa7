import { z } from "zod";

/** One problem of a request: the field's path and "`<field>` must …; got …". */
export const inputIssueSchema = z.object({
  path: z.string().meta({ description: "the field, e.g. legend.classes[2].code; empty for the whole" }),
  message: z.string(),
});

/** The API's error body, for every 4xx and 500 answer. Version 1. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "the error code (src/contract/error-codes.ts)" }),
      message: z.string(),
      details: z.array(inputIssueSchema),
    }),
  })
  .meta({ id: "ErrorBody" });

export type ErrorBody = z.infer<typeof errorBodySchema>;
