import i18next, { type i18n, type TFunction } from "i18next";
import { access } from "./catalogue/access.ts";
import { api } from "./catalogue/api.ts";
import { common } from "./catalogue/common.ts";
import { evidence } from "./catalogue/evidence.ts";
import { figures } from "./catalogue/figures.ts";
import { manage } from "./catalogue/manage.ts";
import { portal } from "./catalogue/portal.ts";
import { report } from "./catalogue/report.ts";
import { reportsWeb } from "./catalogue/reports-web.ts";
import { terms } from "./catalogue/terms.ts";
import { web } from "./catalogue/web.ts";
import { webViews } from "./catalogue/web-views.ts";
import type { Lang } from "./lang.ts";

export { LANGS, LOCALE, parseLang, type Lang } from "./lang.ts";

/**
 * The one catalogue of the web app and the reports, by namespace: `common` (the default),
 * `terms` (zones, pools, measures, class roles), `figures` (key figures), `report`, `web` (the app's frame and its Overview, Map and Data views), `webViews`
 * (its Charts, Plan and Inventory views), `api`, `access` (organisations, users, roles and the audit
 * trail, for the command line and the administration view), `manage` (the management system: report
 * states, targets, rules, flags, notices, feedback, the inbox, and the management dashboard),
 * `evidence` (the evidence of flags and plausibility warnings),
 * `reportsWeb` (the web app's annual reports: wizard, findings, review), `portal` (the public portal).
 * A key in another namespace is
 * written `ns:key`.
 */
export const CATALOGUE = {
  en: {
    common: common.en,
    terms: terms.en,
    figures: figures.en,
    report: report.en,
    web: web.en,
    webViews: webViews.en,
    api: api.en,
    access: access.en,
    manage: manage.en,
    evidence: evidence.en,
    reportsWeb: reportsWeb.en,
    portal: portal.en,
  },
  zh: {
    common: common.zh,
    terms: terms.zh,
    figures: figures.zh,
    report: report.zh,
    web: web.zh,
    webViews: webViews.zh,
    api: api.zh,
    access: access.zh,
    manage: manage.zh,
    evidence: evidence.zh,
    reportsWeb: reportsWeb.zh,
    portal: portal.zh,
  },
} as const;

export type Namespace = keyof (typeof CATALOGUE)["en"];

const instances = new Map<Lang, i18n>();

/**
 * The i18next instance of a language, initialised synchronously from the bundled catalogue
 * (nothing is fetched). One per language: reports in both languages can be made at once.
 */
export function i18nFor(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      // A missing key shows the key itself, so that a gap in the catalogue is visible and
      // caught by the catalogue test rather than silently shown in English.
      fallbackLng: false,
      resources: CATALOGUE,
      ns: Object.keys(CATALOGUE.en),
      defaultNS: "common",
      initAsync: false,
      // React and the report's HTML writer escape what they insert.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}

/** The translation function of a language. */
export function translator(lang: Lang): TFunction {
  return i18nFor(lang).t;
}

/** The translation function of a language for the report's texts (namespace `report`). */
export function reportT(lang: Lang) {
  return i18nFor(lang).getFixedT(lang, "report");
}

/** The translation function of a language for the names of the domain's things (namespace `terms`). */
export function termsT(lang: Lang) {
  return i18nFor(lang).getFixedT(lang, "terms");
}

/** An inbox message's text in the reader's language: its key, with term values translated too. */
export function inboxText(
  lang: Lang,
  text: {
    readonly key: string;
    readonly values: Readonly<Record<string, string | number | { term: string }>>;
  },
): string {
  const t = translator(lang);
  const values = Object.fromEntries(
    Object.entries(text.values).map(([k, v]) => [
      k,
      typeof v === "object" ? t(`manage:${v.term}`, { defaultValue: v.term }) : v,
    ]),
  );
  return t(`manage:${text.key}`, { ...values, defaultValue: text.key });
}
