import type { Lang } from "./lang.ts";
import { reportT } from "./index.ts";
import {
  FACTOR_NAMES_ZH,
  FACTOR_SOURCES_ZH,
  FACTOR_TABLES_ZH,
  UNCERTAINTY_SOURCES_ZH,
} from "../../domain/factor/factor-texts-zh.ts";

/*
 * A factor's name and source in the language. The library's English texts are its own; the Chinese
 * ones stand beside them (factor-texts-zh.ts). A citation (authors, year, title, publisher, table)
 * stays as the source wrote it — a Chinese report cites an English-language publication so — and a
 * text the library does not know (a user's factor file) has only the words around its citations
 * translated.
 */

interface LibraryTexts {
  readonly names: Readonly<Record<string, string>>;
  readonly sources: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, string>>;
  readonly uncertainty: Readonly<Record<string, string>>;
}

const LIBRARY_TEXTS: Readonly<Record<Lang, LibraryTexts>> = {
  en: { names: {}, sources: {}, tables: {}, uncertainty: {} },
  zh: {
    names: FACTOR_NAMES_ZH,
    sources: FACTOR_SOURCES_ZH,
    tables: FACTOR_TABLES_ZH,
    uncertainty: UNCERTAINTY_SOURCES_ZH,
  },
};

const own = (texts: Readonly<Record<string, string>>, key: string) =>
  Object.hasOwn(texts, key) ? texts[key] : undefined;

/** A factor's name (its `quantity`) in the language; `quantity` itself when the library has no other. */
export function factorName(lang: Lang, id: string, quantity: string): string {
  return own(LIBRARY_TEXTS[lang].names, id) ?? quantity;
}

/** A default uncertainty's source with its table in the language (`text` as written when unknown). */
export function uncertaintySourceText(lang: Lang, id: string, text: string): string {
  return own(LIBRARY_TEXTS[lang].uncertainty, id) ?? text;
}

const CONNECTIVES: readonly [
  RegExp,
  (
    | "source.asCitedIn"
    | "source.asQuotedBy"
    | "source.asQuotedIn"
    | "source.asReportedBy"
    | "source.citingItsRef"
    | "source.citing"
    | "source.via"
  ),
][] = [
  [/, as cited in (.+)$/, "source.asCitedIn"],
  [/, as quoted by (.+)$/, "source.asQuotedBy"],
  [/, as quoted in (.+)$/, "source.asQuotedIn"],
  [/, as reported by (.+)$/, "source.asReportedBy"],
  [/, citing its ref\. (.+)$/, "source.citingItsRef"],
  [/, citing (.+)$/, "source.citing"],
  [/ via (.+)$/, "source.via"],
];

/** The words around the citations of a source or table text, in the language. */
export function citationText(lang: Lang, text: string): string {
  const rt = reportT(lang);
  for (const [re, key] of CONNECTIVES) {
    const m = text.match(re);
    if (m) return citationText(lang, text.slice(0, m.index)) + rt(key, { x: citationText(lang, m[1]!) });
  }
  const body = text.match(/^(.+) text$/);
  if (body) return rt("source.text", { x: body[1] });
  if (text === "news report") return rt("source.newsReport");
  return text;
}

/** A source text of the library (or a user's) in the language. */
export function sourceText(lang: Lang, source: string): string {
  return own(LIBRARY_TEXTS[lang].sources, source) ?? citationText(lang, source);
}

/** A source named after the factor it is read from, "<factor id>: <source>", in the language. */
export function factorIdSourceText(lang: Lang, text: string): string {
  const m = text.match(/^([a-z0-9][a-z0-9_.-]*): (.+)$/s);
  return m
    ? reportT(lang)("labelled", { label: m[1], text: sourceText(lang, m[2]!) })
    : sourceText(lang, text);
}

/** A factor's source with the table it cites (`-` for none), in the language. */
export function factorSourceText(lang: Lang, f: { source: string; table: string }): string {
  const source = sourceText(lang, f.source);
  return f.table && f.table !== "-"
    ? reportT(lang)("source.withTable", {
        source,
        table: own(LIBRARY_TEXTS[lang].tables, f.table) ?? citationText(lang, f.table),
      })
    : source;
}
