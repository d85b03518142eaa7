import type { TFunction } from "i18next";
import { ERROR_CODES, isErrorCode } from "../../../contract/error-codes.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { ApiError } from "../../api/client.ts";

/**
 * A failed call said in the language: the login's refusal in the app's own words (never which of
 * name or password was wrong), any other API error by its code's title in the error table, with
 * the server's message after it; a network failure as such.
 */
export function apiErrorText(t: TFunction<["common", "web"]>, lang: Lang, error: Error): string {
  if (!(error instanceof ApiError)) return t("web:auth.networkFailed");
  if (error.code === "not-signed-in") return t("web:auth.refused");
  if (isErrorCode(error.code)) return ERROR_CODES[error.code].title[lang];
  return error.message;
}
