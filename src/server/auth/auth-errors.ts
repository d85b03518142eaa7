import type { ErrorCode } from "../../contract/error-codes.ts";
import type { InputIssue } from "../../domain/validation/input-issue.ts";
import { ApiError } from "../api-error.ts";

/** The error codes of signing in and access (src/contract/error-codes.ts gives their statuses). */
export type AuthErrorCode = Extract<ErrorCode, "not-signed-in" | "forbidden" | "csrf" | "rate-limited">;

/** An ApiError of one of the codes above, answered by the one error handler. */
export const authError = (code: AuthErrorCode, message: string, details: readonly InputIssue[] = []) =>
  new ApiError(code, message, details);
