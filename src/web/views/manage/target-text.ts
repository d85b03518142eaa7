import type { TFunction } from "i18next";
import type { TargetBody } from "../../../contract/target.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import { termName } from "../../../presentation/i18n/domain-text.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";

/** What a target asks, in a sentence of the language with its unit ("−18 % t CO2e per t of coal by 2030 from 2025"). */
export function targetText(t: TFunction<["manage"]>, lang: Lang, target: TargetBody): string {
  const years = { base: target.baseYear, year: target.targetYear };
  const pct = (x: number) => formatNumber(lang, x * 100, 1);
  switch (target.kind) {
    case "intensity-reduction":
      return t("manage:web.targetText.intensity-reduction", {
        ...years,
        pct: pct(target.reductionFraction),
        horizon: t(`manage:web.horizon.${target.horizon}`),
      });
    case "emission-cap":
      return t("manage:web.targetText.emission-cap", {
        ...years,
        cap: formatNumber(lang, target.capTCO2ePerYr, 0),
      });
    case "reclamation-area":
      return t("manage:web.targetText.reclamation-area", {
        ...years,
        area: formatNumber(lang, target.areaHa, 1),
      });
    case "reclamation-rate":
      return t("manage:web.targetText.reclamation-rate", { ...years, pct: pct(target.rate) });
    case "land-use-cap":
      return t("manage:web.targetText.land-use-cap", {
        ...years,
        role: termName(lang, "classRole", target.role),
        cap: formatNumber(lang, target.capHa, 1),
      });
    case "methane-utilisation":
      return t("manage:web.targetText.methane-utilisation", { ...years, pct: pct(target.rate) });
  }
}
