import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { CATALOGUE } from "../../presentation/i18n/index.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";

/**
 * The app's one i18next instance over the shared catalogue (the reports read the same resources
 * through `i18nFor`). Switching the language re-renders the texts in place: components keep their
 * state, so a form being filled in keeps its input.
 */
export function createI18n(lang: Lang) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: CATALOGUE,
    ns: Object.keys(CATALOGUE.en),
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
