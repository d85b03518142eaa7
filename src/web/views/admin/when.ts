import { LOCALE, type Lang } from "../../../presentation/i18n/lang.ts";

/** A time in the language, short (date and time), or a dash when there is none. */
export const when = (lang: Lang, iso: string | null) =>
  iso ? new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: "short", timeStyle: "short" }) : "—";
