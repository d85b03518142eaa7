import { LANGS, parseLang, type Lang } from "../../presentation/i18n/lang.ts";

const LANG_KEY = "minecarbon.lang";

/** The language asked in the URL (`?lang=zh`), else remembered from last time, else the browser's. */
export function initialLang(search: string): Lang {
  const fromUrl = parseLang(new URLSearchParams(search).get("lang"));
  if (fromUrl) return fromUrl;
  return storedLang() ?? (navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en");
}

/** The language remembered in this browser, if any. */
export function storedLang(): Lang | undefined {
  try {
    return parseLang(localStorage.getItem(LANG_KEY));
  } catch {
    return undefined;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode without storage: the URL still carries the language.
  }
}

export { LANGS, type Lang };
