/** The carbon pools a density set can hold per class. */
export const CARBON_POOLS = ["soil", "vegetation"] as const;
export type CarbonPool = (typeof CARBON_POOLS)[number];

/**
 * Carbon density per class and pool: a factor id in t C/ha, or the number 0 for a class that holds
 * no carbon in that pool by the set's definition (its note says why).
 */
export interface DensitySet {
  readonly id: string;
  readonly description: string;
  readonly note: string;
  readonly classes: Readonly<Record<string, Readonly<Record<CarbonPool, string | 0>>>>;
}

const noCarbon = { soil: 0, vegetation: 0 } as const;

const yang2019: DensitySet = {
  id: "seed001-yang2019",
  description:
    "Seed 001 §3.2 (Yang et al. 2019): soil and vegetation carbon lost when arable land, forest and grassland are taken by mining",
  note: "Yang et al. report losses on occupation, not measured densities. The mining classes are given 0 so that density(from) − density(mining) equals the published loss; the same figures give the carbon regained when mining land is reclaimed to that class.",
  classes: {
    arable: {
      soil: "seed001.yang2019.soil_loss.arable",
      vegetation: "seed001.yang2019.vegetation_loss.arable",
    },
    forest: {
      soil: "seed001.yang2019.soil_loss.forest",
      vegetation: "seed001.yang2019.vegetation_loss.forest",
    },
    grassland: {
      soil: "seed001.yang2019.soil_loss.grassland",
      vegetation: "seed001.yang2019.vegetation_loss.grassland",
    },
    mining: noCarbon,
    "open-pit": noCarbon,
    stripping: noCarbon,
    dump: noCarbon,
    industrial: noCarbon,
  },
};

/** The density sets shipped with MineCarbon, by id. */
export const DENSITY_SETS: Readonly<Record<string, DensitySet>> = { [yang2019.id]: yang2019 };
