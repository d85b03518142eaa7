import { useTranslation } from "react-i18next";
import { webViews } from "../../../presentation/i18n/catalogue/web-views.ts";
import { LANGS, parseLang, type Lang } from "../../../presentation/i18n/lang.ts";

/** A key of the Charts, Plan and Inventory views' texts (src/presentation/i18n/catalogue/web-views.ts). */
export type ViewTextKey = keyof typeof webViews.en;
export type ViewT = (key: ViewTextKey, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The texts of these views in the page's language, through the app's i18next instance (namespace
 * `webViews`, added here until the shared catalogue registers it), and the language itself.
 * TODO(catalogue): once `webViews` is a namespace of CATALOGUE, use `t("webViews:…")` directly.
 */
export function useViewTexts(): { tv: ViewT; lang: Lang } {
  const { i18n } = useTranslation();
  for (const l of LANGS)
    if (!i18n.hasResourceBundle(l, "webViews")) i18n.addResourceBundle(l, "webViews", webViews[l]);
  const lang = parseLang(i18n.language) ?? "en";
  // The namespace is not in the typed catalogue yet: keys are checked by ViewTextKey instead.
  const fixed = i18n.getFixedT(lang, "webViews" as never);
  const tv: ViewT = (key, vars) => String(fixed(key as never, vars as never));
  return { tv, lang };
}
