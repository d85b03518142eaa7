/**
 * Suggestions of a legend class's role from its name — ONLY to pre-fill a row that the user then
 * confirms (the web's legend editor), never to store: a class's role decides its zoning and its
 * densities, so the server refuses a class without one (src/app/area-legend.ts,
 * src/io/read-legend-file.ts) and a guessed role is never written silently.
 */

/**
 * Words (English, whole words) and Chinese terms (any part of the name) that name each role. A name
 * matching the words of two roles ("industrial, mining and storage land") suggests none.
 */
const ROLE_WORDS: Readonly<Record<string, { en: readonly string[]; zh: readonly string[] }>> = {
  arable: { en: ["arable", "farmland", "cultivated", "paddy"], zh: ["耕地", "水田", "旱地"] },
  cropland: { en: ["cropland", "crop", "crops"], zh: [] },
  garden: { en: ["garden", "orchard"], zh: ["园地", "果园"] },
  forest: { en: ["forest", "woodland", "wood", "trees", "tree cover"], zh: ["林地", "森林"] },
  shrub: { en: ["shrub", "shrubs", "shrubland", "bush"], zh: ["灌木"] },
  grassland: { en: ["grassland", "grass", "pasture", "meadow"], zh: ["草地"] },
  wetland: { en: ["wetland", "marsh", "swamp"], zh: ["湿地"] },
  urban: { en: ["urban", "city", "town"], zh: ["城镇"] },
  rural: { en: ["rural", "village", "settlement"], zh: ["农村", "居民点"] },
  "built-up": { en: ["built up", "impervious", "construction land"], zh: ["建设用地", "不透水"] },
  transportation: { en: ["transportation", "transport", "road", "railway"], zh: ["交通"] },
  "open-pit": { en: ["open pit", "pit", "excavation"], zh: ["采场", "露天"] },
  stripping: { en: ["stripping", "stripped"], zh: ["剥离"] },
  dump: { en: ["dump", "spoil", "waste dump"], zh: ["排土"] },
  industrial: { en: ["industrial"], zh: ["工业"] },
  mining: { en: ["mining", "mine"], zh: ["采矿", "工矿"] },
  reclaimed: { en: ["reclaimed", "reclamation"], zh: ["复垦"] },
  water: { en: ["water", "river", "lake", "reservoir", "pond"], zh: ["水域", "水体", "河流", "湖", "水库"] },
  unused: { en: ["unused", "barren", "bare"], zh: ["未利用", "裸地"] },
  other: { en: ["other"], zh: ["其他"] },
};

/** Lower case, every run of characters that are not letters or digits one space, padded by spaces. */
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

/**
 * The role a class's name (and Chinese name) suggests, among `allowed` (e.g. the contract's
 * LEGEND_ROLES), or undefined when none or more than one fits. A suggestion for the user to confirm,
 * never a role to store without asking.
 */
export function suggestRole(
  names: { readonly name: string; readonly nameZh?: string | undefined },
  allowed: readonly string[],
): string | undefined {
  const en = words(names.name);
  const zh = `${names.name} ${names.nameZh ?? ""}`;
  const hits = allowed.filter((role) => {
    const w = ROLE_WORDS[role];
    const spelled = words(role);
    return (
      en.includes(spelled) ||
      (w !== undefined && (w.en.some((p) => en.includes(words(p))) || w.zh.some((p) => zh.includes(p))))
    );
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** The roles suggested for classes (undefined where none fits), in their order: to pre-fill rows only. */
export function suggestRoles(
  classes: readonly { readonly name: string; readonly nameZh?: string | undefined }[],
  allowed: readonly string[],
): (string | undefined)[] {
  return classes.map((c) => suggestRole(c, allowed));
}
