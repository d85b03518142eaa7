import type { InputIssue } from "../domain/validation/input-issue.ts";

/** The API's error body: `{error: {code, message, details[]}}`, details naming each field. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly InputIssue[];
  };
}

/** An error the API answers with a 4xx status and the body above. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly InputIssue[] = [],
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, "not-found", `${what} ${id} does not exist`);
