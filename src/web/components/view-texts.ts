import { useTranslation } from "react-i18next";
import type { webViews } from "../../presentation/i18n/catalogue/web-views.ts";
import { parseLang, type Lang } from "../../presentation/i18n/lang.ts";

/** A key of the Charts, Plan and Inventory views' texts (namespace `webViews` of the catalogue). */
export type ViewTextKey = keyof typeof webViews.en;
export type ViewT = (key: ViewTextKey, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The texts of the Charts, Plan and Inventory views (namespace `webViews`) in the page's language,
 * and the language itself. Shared by those views, so it lives here and not in one of them.
 */
export function useViewTexts(): { tv: ViewT; lang: Lang } {
  const { t, i18n } = useTranslation("webViews");
  const lang = parseLang(i18n.language) ?? "en";
  const tv: ViewT = (key, vars) => t(key, { ...vars });
  return { tv, lang };
}
