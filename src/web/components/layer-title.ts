import type { LayerInfo } from "../api/queries.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";

/** A layer's title in the language (the API answers both). */
export function layerTitle(layer: Pick<LayerInfo, "title" | "titleZh">, lang: Lang): string {
  return { en: layer.title, zh: layer.titleZh }[lang];
}
