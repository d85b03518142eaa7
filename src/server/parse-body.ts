import type { z } from "zod";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { ApiError } from "./api-error.ts";

/** Checks a body against a schema; every problem becomes a detail with its field path (400). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success)
    throw new ApiError(
      400,
      "bad-input",
      "the request body has problems; see details",
      zodIssuesToInputIssues(r.error, body),
    );
  return r.data;
}
