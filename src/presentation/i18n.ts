import { reportT, translator } from "./i18n/index.ts";
import { LOCALE, type Lang } from "./i18n/lang.ts";
import type { common } from "./i18n/catalogue/common.ts";

export { LANGS, type Lang } from "./i18n/lang.ts";

export type MessageKey = keyof typeof common.en;

/** The text of `key` in `lang` (the catalogue's common namespace). */
export function t(lang: Lang, key: MessageKey): string {
  return translator(lang)(key);
}

/** A number in the language's format, with at most `digits` decimals. */
export function formatNumber(lang: Lang, v: number, digits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(v);
}

/** A class or zone name in the language (the Chinese name when there is one). */
export function className(lang: Lang, c: { name: string; nameZh?: string | null }): string {
  // The Chinese name is the user's own (a legend's nameZh), not the catalogue's.
  return { en: c.name, zh: c.nameZh || c.name }[lang];
}

/** A number of class changes of a pixel (accumulated changes) in the language: "no change", "2 changes". */
export function changeCountName(lang: Lang, changes: number): string {
  const t = reportT(lang);
  return changes === 0 ? t("noChange") : t("changeCount", { count: changes });
}

/** A zone name in the language. */
export function zoneName(lang: Lang, zone: string): string {
  const t = translator(lang);
  // Zones of a user's own rule table have no entry in the catalogue: their id is their name.
  return t(`terms:zone.${zone}`, { defaultValue: zone });
}
