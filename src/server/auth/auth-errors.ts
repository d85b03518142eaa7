import type { ErrorCode } from "../../contract/error-codes.ts";
import type { InputIssue } from "../../domain/validation/input-issue.ts";
import { ApiError } from "../api-error.ts";
import { errors } from "../route-schema.ts";

/** The error codes of signing in and access (src/contract/error-codes.ts gives their statuses). */
export type AuthErrorCode = "not-signed-in" | "forbidden" | "csrf" | "rate-limited";

/** An ApiError of one of the codes above, answered by the one error handler. */
export const authError = (code: AuthErrorCode, message: string, details: readonly InputIssue[] = []) =>
  new ApiError(code as ErrorCode, message, details);

/** The error answers of a route by code, for its schema (route-schema.ts's `errors` for these codes). */
export const authErrorAnswers = (...codes: (AuthErrorCode | ErrorCode)[]) =>
  errors(...(codes as ErrorCode[]));
