/** The two languages of the web app and the reports. */
export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/** The BCP 47 locale of a language: number and date formats, Ant Design's locale. */
export const LOCALE: Readonly<Record<Lang, "en-US" | "zh-CN">> = { en: "en-US", zh: "zh-CN" };

/** `value` as a Lang, or undefined (query strings, stored preferences, Accept-Language). */
export function parseLang(value: unknown): Lang | undefined {
  return value === "en" || value === "zh" ? value : undefined;
}
