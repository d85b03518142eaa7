import { ERROR_CODES, isErrorCode, type ErrorCode } from "../contract/error-codes.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { ApiError } from "./api-error.ts";

/**
 * What the API answers for an error — the one place errors become HTTP: an ApiError as it is; an
 * error of the domain, the raster reader or the upload check by its `code` through the error table
 * (an InputError's issues, a MapRejected's details, or its message at the empty path); fastify's
 * own refusals of malformed requests (bad JSON, wrong content type, a body over the limit) keep
 * their 4xx status as "bad-request" ("too-large" for 413); anything else is "internal" (500) and
 * says nothing of the cause. `internal` (the caller logs the error with its cause) holds for every
 * answer of status 500 or more — an "internal" error, a stored result that no longer reads
 * ("stored-invalid"), … — since each is the server's fault, not the request's.
 */
export function errorAnswer(error: unknown): {
  status: number;
  error: ApiError;
  internal: boolean;
} {
  const answer = (status: number, out: ApiError) => ({ status, error: out, internal: status >= 500 });
  if (error instanceof ApiError) return answer(error.status, error);
  const e = error as {
    code?: unknown;
    message?: string;
    issues?: unknown;
    details?: unknown;
    statusCode?: unknown;
  };
  if (isErrorCode(e?.code) && e.code !== "internal") {
    const code: ErrorCode = e.code;
    const listed = Array.isArray(e.issues) ? e.issues : Array.isArray(e.details) ? e.details : undefined;
    const details: InputIssue[] = listed
      ? (listed as InputIssue[]).map((d) => ({ path: String(d.path ?? ""), message: String(d.message) }))
      : [{ path: "", message: String(e.message) }];
    // An InputError's message lists its problems line by line; the details carry them.
    const first = String(e.message ?? ERROR_CODES[code].title.en)
      .split("\n")[0]!
      .replace(/:$/, "");
    const message = Array.isArray(e.issues) ? `${first}; see details` : first;
    const out = new ApiError(code, message, details);
    return answer(out.status, out);
  }
  const status = typeof e?.statusCode === "number" ? e.statusCode : undefined;
  if (status && status >= 400 && status < 500) {
    const out = new ApiError(status === 413 ? "too-large" : "bad-request", String(e.message));
    return answer(status, out);
  }
  return answer(500, new ApiError("internal", "an internal error; it has been logged"));
}
