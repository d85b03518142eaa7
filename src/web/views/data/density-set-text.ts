import type { TFunction } from "i18next";
import { web } from "../../../presentation/i18n/catalogue/web.ts";

type WebKey = keyof typeof web.en;
const isWebKey = (k: string): k is WebKey => Object.hasOwn(web.en, k);

/**
 * A density set's name (`densitySet.<id>`) or note (`densitySetNote.<id>`) from the `web`
 * catalogue, in the page's language; the set's id for a set the catalogue does not know (never the
 * domain's English description).
 */
export function densitySetText(
  t: TFunction<["common", "web"]>,
  kind: "densitySet" | "densitySetNote",
  id: string,
): string {
  const key = `${kind}.${id}`;
  return isWebKey(key) ? t(`web:${key}`) : id;
}
