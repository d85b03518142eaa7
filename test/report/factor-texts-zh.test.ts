import { describe, expect, it } from "vitest";
import {
  FACTOR_NAMES_ZH,
  FACTOR_SOURCES_ZH,
  UNCERTAINTY_SOURCES_ZH,
} from "../../src/domain/factor/factor-texts-zh.ts";
import { loadFactorLibrary } from "../../src/factors/load-factor-library.ts";
import { citationText, factorName, factorSourceText } from "../../src/presentation/i18n/factor-source.ts";
import { englishLeft } from "./english-left.ts";

/*
 * The factor library in Chinese (issue 11 item 8: names, sources and assumptions): every entry has
 * its Chinese name beside its English one, every source text its Chinese (or is a citation only),
 * every default uncertainty its Chinese source; none of them keeps English but citations, units,
 * codes and symbols; and nothing is left over from entries that are gone.
 */

const lib = loadFactorLibrary();
const CJK = /[\u3400-\u9fff]/;

describe("the factor library's Chinese texts (factor-texts-zh.ts)", () => {
  it("name every entry in Chinese, and no id that is not in the library", () => {
    const ids = new Set(lib.factors.map((f) => f.id));
    expect(lib.factors.filter((f) => !Object.hasOwn(FACTOR_NAMES_ZH, f.id)).map((f) => f.id)).toEqual([]);
    expect(Object.keys(FACTOR_NAMES_ZH).filter((id) => !ids.has(id))).toEqual([]);
    const english = lib.factors
      .map((f) => ({ id: f.id, zh: factorName("zh", f.id, f.quantity), left: [] as string[] }))
      .map((x) => ({ ...x, left: englishLeft(x.zh, []) }))
      .filter((x) => !CJK.test(x.zh) || x.left.length);
    expect(english).toEqual([]);
  });
  it("give every source in Chinese around its citations, with its table, and nothing left over", () => {
    const sources = new Set(lib.factors.map((f) => f.source));
    expect(Object.keys(FACTOR_SOURCES_ZH).filter((s) => !sources.has(s))).toEqual([]);
    const english = lib.factors
      .map((f) => ({ id: f.id, zh: factorSourceText("zh", f) }))
      .map((x) => ({ ...x, left: englishLeft(x.zh, []) }))
      .filter((x) => x.left.length);
    expect(english).toEqual([]);
  });
  it("give every default uncertainty's source in Chinese", () => {
    const defaults = lib.uncertaintyDefaults;
    const ids = new Set(defaults.map((d) => d.id));
    expect(defaults.filter((d) => !Object.hasOwn(UNCERTAINTY_SOURCES_ZH, d.id)).map((d) => d.id)).toEqual([]);
    expect(Object.keys(UNCERTAINTY_SOURCES_ZH).filter((id) => !ids.has(id))).toEqual([]);
    for (const [id, zh] of Object.entries(UNCERTAINTY_SOURCES_ZH)) {
      expect(zh, id).toMatch(CJK);
      expect(englishLeft(zh, []), id).toEqual([]);
    }
  });
  it("keep the English as the library wrote it", () => {
    for (const f of lib.factors) {
      expect(factorName("en", f.id, f.quantity)).toBe(f.quantity);
      expect(factorSourceText("en", f)).toBe(
        f.table && f.table !== "-" ? `${f.source}, ${f.table}` : f.source,
      );
    }
  });
  it("translates the words around a user's citations (citationText)", () => {
    expect(citationText("zh", "Smith 2020, as cited in Jones 2021 via OpenAMEE")).toBe(
      "Smith 2020，转引自 Jones 2021，经 OpenAMEE 转录",
    );
    expect(citationText("en", "Smith 2020, as cited in Jones 2021 via OpenAMEE")).toBe(
      "Smith 2020, as cited in Jones 2021 via OpenAMEE",
    );
  });
});
