import type { TFunction } from "i18next";
import type { TargetBody } from "../../../contract/target.ts";
import { formatNumber } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";

/** Kinds whose measure, expected and actual values are fractions (shown as percentages). */
const FRACTION_KINDS = new Set<TargetBody["kind"]>([
  "intensity-reduction",
  "reclamation-rate",
  "methane-utilisation",
]);

/** A value in a target's unit as the language writes it (a fraction as a percentage). */
export function targetValue(
  kind: TargetBody["kind"],
  v: number | null,
  lang: Lang,
  t: TFunction<["portal"]>,
): string {
  if (v === null) return "—";
  if (FRACTION_KINDS.has(kind)) return t("portal:unit.percent", { v: formatNumber(lang, v * 100, 1) });
  if (kind === "emission-cap") return t("portal:unit.tco2e", { v: formatNumber(lang, v, 0) });
  return t("portal:unit.ha", { v: formatNumber(lang, v, 1) });
}

/** What a target asks, in a sentence: its measure and its years. */
export function targetMeasure(b: TargetBody, lang: Lang, t: TFunction<["portal"]>): string {
  const years = { base: b.baseYear, year: b.targetYear };
  switch (b.kind) {
    case "intensity-reduction":
      return t("portal:target.intensity-reduction", {
        ...years,
        v: targetValue(b.kind, b.reductionFraction, lang, t),
      });
    case "emission-cap":
      return t("portal:target.emission-cap", { ...years, v: targetValue(b.kind, b.capTCO2ePerYr, lang, t) });
    case "reclamation-area":
      return t("portal:target.reclamation-area", { ...years, v: targetValue(b.kind, b.areaHa, lang, t) });
    case "reclamation-rate":
      return t("portal:target.reclamation-rate", { ...years, v: targetValue(b.kind, b.rate, lang, t) });
    case "land-use-cap":
      return t("portal:target.land-use-cap", {
        ...years,
        role: t(`terms:classRole.${b.role}`, { defaultValue: b.role }),
        v: targetValue(b.kind, b.capHa, lang, t),
      });
    case "methane-utilisation":
      return t("portal:target.methane-utilisation", { ...years, v: targetValue(b.kind, b.rate, lang, t) });
  }
}
