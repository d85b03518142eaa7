import type { TFunction } from "i18next";
import { staleReasonCode, type StaleReasonCode } from "../../contract/analysis-record.ts";
import type { ApiWarning } from "../../contract/area.ts";
import { api } from "../../presentation/i18n/catalogue/api.ts";

/**
 * A stale reason in the app's language: the answer's code (or the code read back from the stored
 * English sentence, as the analyses list answers only the sentence) through the `api` catalogue;
 * the English sentence itself when it has no code.
 */
export function staleReasonLabel(
  t: TFunction<["common", "web"]>,
  reason: string | null | undefined,
  code?: StaleReasonCode | null,
): string | undefined {
  const c = code ?? staleReasonCode(reason);
  if (c) return t(`api:${c.code}`, { ...c.params, defaultValue: reason ?? "" });
  return reason ?? undefined;
}

const isApiKey = (k: string): k is keyof (typeof api)["en"] => Object.hasOwn(api.en, k);

/** A warning of the API in the app's language: its code through the `api` catalogue, else its English message. */
export function apiWarningText(t: TFunction<["common", "web"]>, w: ApiWarning): string {
  return isApiKey(w.code) ? t(`api:${w.code}`, { ...w.params, defaultValue: w.message }) : w.message;
}
