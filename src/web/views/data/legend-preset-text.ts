import type { TFunction } from "i18next";
import { web } from "../../../presentation/i18n/catalogue/web.ts";

type WebKey = keyof typeof web.en;
const isWebKey = (k: string): k is WebKey => Object.hasOwn(web.en, k);

/**
 * What a legend preset holds (`legendPreset.<id>` of the `web` catalogue) in the page's language;
 * the preset's id for one the catalogue does not know (never the domain's English description).
 */
export function legendPresetText(t: TFunction<["common", "web"]>, id: string): string {
  const key = `legendPreset.${id}`;
  return isWebKey(key) ? t(`web:${key}`) : id;
}
