/**
 * Biomass–volume parameters per tree species and age class, as factor ids: B = a + b·V (t/ha, V in
 * m³/ha; seed 002 Eq. 9) and the carbon content rate Cρ (t C per t biomass). `volume` is the
 * stand volume the source gives, used when the inventory gives none.
 */
export interface TreeSpecies {
  readonly name: string;
  readonly intercept: string;
  readonly slope: string;
  readonly carbonFraction: string;
  readonly volume: string | null;
  readonly source: string;
}

const t3 = (name: string, key: string): TreeSpecies => ({
  name,
  intercept: `seed002.t3.${key}.a`,
  slope: `seed002.t3.${key}.b`,
  carbonFraction: `seed002.t3.${key}.cf`,
  volume: `seed002.t3.${key}.volume`,
  source: "seed 002 Table 3 (mature plantations)",
});
const t4 = (name: string, key: string): TreeSpecies => ({
  name,
  intercept: `seed002.t4.${key}.a`,
  slope: `seed002.t4.${key}.b`,
  carbonFraction: `seed002.t4.${key}.cf`,
  volume: null,
  source: "seed 002 Table 4 (young trees)",
});
const zhang = (name: string, key: string): TreeSpecies => ({
  name,
  intercept: `cn.bv.zhang.${key}.b`,
  slope: `cn.bv.zhang.${key}.a`,
  carbonFraction: "cn.cf.biomass_common",
  volume: null,
  source: "Zhang et al. national parameters via Zhang C.H. et al. 2018 Table 1, CF 0.5",
});

/** Species keyed "<species>/<stage>" (stage: mature, young, national). */
export const TREE_SPECIES: Readonly<Record<string, TreeSpecies>> = {
  "locust/mature": t3("locust plantation (刺槐)", "locust"),
  "poplar/mature": t3("poplar plantation (杨树)", "poplar"),
  "oil-pine/mature": t3("Chinese pine plantation (油松)", "oil_pine"),
  "spruce/mature": t3("spruce plantation (云杉)", "spruce"),
  "poplar/young": t4("young poplar", "poplar"),
  "oil-pine/young": t4("young Chinese pine", "oil_pine"),
  "deciduous-broadleaf/young": t4("young deciduous broad-leaved trees", "deciduous_broadleaf"),
  "larch/national": zhang("larch (落叶松)", "larix"),
  "oil-pine/national": zhang("Chinese pine (油松, Pinus tabuliformis)", "ptabuliformis"),
  "poplar/national": zhang("poplar (杨树, Populus)", "populus"),
  "oak/national": zhang("oak (栎类, Quercus)", "quercus"),
  "cypress/national": zhang("arborvitae and cypress (柏木)", "cupressus"),
  "misc-broadleaf/national": zhang("Acer, Tilia, Ulmus (杂木)", "misc"),
};

/** Carbon per area of the soil under forest, added per hectare of every forest (seed 002 Eq. 8, 1.21 t C/ha). */
export const FOREST_SOIL_FACTOR = "seed002.forest_soil";
