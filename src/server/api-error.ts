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
  constructor(code: ErrorCode, message: string, details?: readonly InputIssue[]);
  /** The former form: the status must be the table's for the code (it is checked, not used). */
  constructor(status: number, code: ErrorCode, message: string, details?: readonly InputIssue[]);
  constructor(
    a: ErrorCode | number,
    b: string,
    c?: string | readonly InputIssue[],
    d: readonly InputIssue[] = [],
  ) {
    const legacy = typeof a === "number";
    super(legacy ? (c as string) : b);
    this.code = (legacy ? b : a) as ErrorCode;
    this.details = legacy ? d : ((c as readonly InputIssue[] | undefined) ?? []);
    if (legacy && a !== this.status)
      throw new Error(`internal: ApiError(${a}, "${this.code}") but the error table gives ${this.status}`);
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
