import { describe, expect, it } from "vitest";
import { DENSITY_SETS } from "../../../domain/budget/density-sets.ts";
import { web } from "../../../presentation/i18n/catalogue/web.ts";

describe("the density sets' texts in the web catalogue", () => {
  it("name every density set and say what it holds, in English and Chinese", () => {
    for (const id of Object.keys(DENSITY_SETS))
      for (const kind of ["densitySet", "densitySetNote"] as const) {
        const key = `${kind}.${id}`;
        expect(Object.hasOwn(web.en, key), key).toBe(true);
        expect(Object.hasOwn(web.zh, key), key).toBe(true);
      }
  });
});
