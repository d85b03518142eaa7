import { ERROR_CODES, type ErrorCode } from "../contract/error-codes.ts";
import type { ErrorBody } from "../contract/error-body.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";

/** The API's error body: `{error: {code, message, details[]}}`, details naming each field. */
export type ApiErrorBody = ErrorBody;

/**
 * An error the API answers with the body above; its HTTP status is the error table's for its code
 * (src/contract/error-codes.ts), never chosen where it is thrown.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly InputIssue[];
  constructor(code: ErrorCode, message: string, details: readonly InputIssue[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }

  /** The HTTP status of the code, from the error table. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, details: [...this.details] } };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError("not-found", `${what} ${id} does not exist`);
