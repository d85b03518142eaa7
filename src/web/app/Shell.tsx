import { App as AntApp, Button, ConfigProvider, Layout, Menu, Select, Space, Typography } from "antd";
import enUS from "antd/es/locale/en_US.js";
import zhCN from "antd/es/locale/zh_CN.js";
import { useLayoutEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { className } from "../../presentation/i18n.ts";
import { LANGS, LOCALE, parseLang, type Lang } from "../../presentation/i18n/lang.ts";
import { useAreas } from "../api/queries.ts";
import { rememberLang } from "./lang.ts";
import { theme } from "./theme.ts";
import { VIEWS, viewPath, type View } from "./views.ts";

const ANTD_LOCALE = { en: enUS, zh: zhCN } as const;
/** Each language by its own name (the switch shows the other one, in its own script). */
const ENDONYM: Readonly<Record<Lang, string>> = { en: "English", zh: "中文" };
/** The label of each view (the shared catalogue's words where they exist). */
const VIEW_LABEL = {
  overview: "overview",
  map: "map",
  charts: "charts",
  plan: "plan",
  data: "data",
  inventory: "web:view.inventory",
} as const satisfies Record<View, string>;

/** The view shown, from the path (`/areas/:areaId/<view>`). */
function currentView(pathname: string): View | undefined {
  const seg = pathname.split("/")[3];
  return VIEWS.find((v) => v === seg);
}

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

/** The app's frame: header (name, area, views, language, API docs) around the view. */
export function Shell(): ReactNode {
  const { t, i18n } = useTranslation(["common", "web"]);
  const [lang, setLang] = useLang();
  const { areaId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const areas = useAreas();
  const view = currentView(location.pathname);

  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    if (new URLSearchParams(location.search).get("lang")) rememberLang(lang);
    document.documentElement.lang = LOCALE[lang];
    document.title = t("appTitle");
  }, [lang, i18n, t, location.search]);

  const other: Lang = LANGS.find((l) => l !== lang) ?? "en";
  return (
    <ConfigProvider locale={ANTD_LOCALE[lang]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Layout className="shell">
          <Layout.Header className="shell-header">
            <Typography.Title level={1} className="brand">
              <Link to={areaId ? viewPath(areaId, "overview", location.search) : "/"}>MineCarbon</Link>
            </Typography.Title>
            <label className="area-pick">
              <span className="area-pick-label">{t("areas")}</span>
              <Select
                id="area-select"
                className="area-select"
                aria-label={t("areas")}
                value={areaId}
                loading={areas.isLoading}
                placeholder={t("areas")}
                popupMatchSelectWidth={false}
                options={(areas.data ?? []).map((a) => ({
                  value: a.id,
                  label: className(lang, a),
                }))}
                onChange={(id: string) => void navigate(viewPath(id, view ?? "overview", location.search))}
              />
            </label>
            <Space className="tools" size="middle">
              <Button
                id="lang-toggle"
                className="lang-toggle"
                lang={LOCALE[other]}
                title={t("language")}
                onClick={() => setLang(other)}
              >
                {ENDONYM[other]}
              </Button>
              <a href="/docs" target="_blank" rel="noreferrer" className="docs-link">
                {t("apiDocs")}
              </a>
            </Space>
          </Layout.Header>
          {areaId && (
            <Menu
              className="view-menu"
              mode="horizontal"
              selectedKeys={view ? [view] : []}
              items={VIEWS.map((v) => ({
                key: v,
                label: (
                  <Link id={`tab-${v}`} to={viewPath(areaId, v, location.search)}>
                    {t(VIEW_LABEL[v])}
                  </Link>
                ),
              }))}
            />
          )}
          <Layout.Content className="view" id="view">
            <Outlet />
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
