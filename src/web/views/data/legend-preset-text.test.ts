import { describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../../domain/landuse/legend.ts";
import { web } from "../../../presentation/i18n/catalogue/web.ts";

describe("the legend presets' texts in the web catalogue", () => {
  it("say what every preset holds, in English and Chinese", () => {
    for (const id of Object.keys(LEGEND_PRESETS)) {
      const key = `legendPreset.${id}`;
      expect(Object.hasOwn(web.en, key), key).toBe(true);
      expect(Object.hasOwn(web.zh, key), key).toBe(true);
    }
  });
});
