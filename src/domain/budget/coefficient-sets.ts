/**
 * Which factor ids give the absorption and emission coefficient of each land type. A land type
 * with no coefficient of one kind in its source (seed 000 Table 1 prints "–") has `null` there,
 * and results show it as "not given", not as a hidden zero.
 */
export interface CoefficientSet {
  readonly id: string;
  readonly description: string;
  readonly landTypes: Readonly<Record<string, { absorption: string | null; emission: string | null }>>;
}

const zhao = (landType: string, absorption: boolean, emission: boolean) => ({
  absorption: absorption ? `seed000.t1.zhao2013.${landType}.absorption` : null,
  emission: emission ? `seed000.t1.zhao2013.${landType}.emission` : null,
});

const zhao2013: CoefficientSet = {
  id: "seed000-zhao2013",
  description:
    "Seed 000 Table 1, the rows of Zhao et al. (2013): the only study in the table that covers every land type",
  landTypes: {
    cultivated: zhao("cultivated", true, true),
    garden: zhao("garden", true, true),
    forest: zhao("forest", true, true),
    pasture: zhao("pasture", true, false),
    urban_industrial_mining: zhao("urban_industrial_mining", true, true),
    rural_settlement: zhao("rural_settlement", true, true),
    transportation: zhao("transportation", false, true),
    water: zhao("water", true, true),
  },
};

const nationalStudies: CoefficientSet = {
  id: "seed000-national-studies",
  description:
    "Seed 000 Table 1 with the long-period national studies for sinks: forest Fang et al. (2018), pasture Zhang et al. (2016), cultivated Xie et al. (2010); Zhao et al. (2013) for the rest",
  landTypes: {
    ...zhao2013.landTypes,
    cultivated: {
      absorption: "seed000.t1.xie2010.cultivated.absorption",
      emission: zhao2013.landTypes.cultivated!.emission,
    },
    forest: {
      absorption: "seed000.t1.fang2018.forest.absorption",
      emission: zhao2013.landTypes.forest!.emission,
    },
    pasture: { absorption: "seed000.t1.zhang2016.pasture.absorption", emission: null },
  },
};

/** The coefficient sets shipped with MineCarbon, by id. */
export const COEFFICIENT_SETS: Readonly<Record<string, CoefficientSet>> = {
  [zhao2013.id]: zhao2013,
  [nationalStudies.id]: nationalStudies,
};
