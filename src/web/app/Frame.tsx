import { App as AntApp, Button, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US.js";
import zhCN from "antd/es/locale/zh_CN.js";
import { useLayoutEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { LANGS, LOCALE, parseLang, type Lang } from "../../presentation/i18n/lang.ts";
import { rememberLang } from "./lang.ts";
import { theme } from "./theme.ts";

const ANTD_LOCALE = { en: enUS, zh: zhCN } as const;
/** Each language by its own name (the switch shows the other one, in its own script). */
const ENDONYM: Readonly<Record<Lang, string>> = { en: "English", zh: "中文" };

/**
 * The language of the page: asked in the URL (`?lang=`), else the one in use (remembered or the
 * browser's). Switching rewrites the URL; the texts change in place, nothing is remounted.
 */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [params, setParams] = useSearchParams();
  const { i18n } = useTranslation();
  const lang = parseLang(params.get("lang")) ?? parseLang(i18n.language) ?? "en";
  const set = (next: Lang) => {
    rememberLang(next);
    setParams(
      (p) => {
        p.set("lang", next);
        return p;
      },
      { replace: true },
    );
  };
  return [lang, set];
}

/** The button that switches to the other language, named in its own script. */
export function LangToggle(): ReactNode {
  const { t } = useTranslation(["common"]);
  const [lang, setLang] = useLang();
  const other: Lang = LANGS.find((l) => l !== lang) ?? "en";
  return (
    <Button
      id="lang-toggle"
      className="lang-toggle"
      lang={LOCALE[other]}
      title={t("language")}
      onClick={() => setLang(other)}
    >
      {ENDONYM[other]}
    </Button>
  );
}

/** What every page sits in — the signed-in app, the login page, the public portal: language, antd's locale and theme. */
export function Frame({ children }: { children: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation(["common"]);
  const [lang] = useLang();
  const location = useLocation();
  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    if (new URLSearchParams(location.search).get("lang")) rememberLang(lang);
    document.documentElement.lang = LOCALE[lang];
    document.title = t("appTitle");
  }, [lang, i18n, t, location.search]);
  return (
    <ConfigProvider locale={ANTD_LOCALE[lang]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** A path of the app keeping the language asked in the URL. */
export function withLang(path: string, search: string): string {
  const lang = new URLSearchParams(search).get("lang");
  if (!lang) return path;
  return `${path}${path.includes("?") ? "&" : "?"}lang=${encodeURIComponent(lang)}`;
}
