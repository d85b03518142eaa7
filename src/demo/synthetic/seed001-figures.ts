/**
 * Seed 001's published aggregates (Yang B., Bai Z., Fu S., Cao Y. 2022, "Division of carbon sink
 * functional areas and path to carbon neutrality in coal mines") that the synthetic demo area
 * reproduces, and the readings taken where the paper's numbers cannot all hold at once.
 *
 * Readings (SPEC, "Known inconsistencies"):
 * - Area: §2.1 says 380 km², but the class areas and their percentages (§3.1: 1,109.25 ha = 2.14 %,
 *   2,243.29 = 4.34 %, 2,856.33 = 5.52 %, 914.7 = 1.77 %, forest 9,300 ha = 18 %) imply about
 *   51,700 ha. The demo has 51,696 ha (574,400 px of 0.09 ha), and every share ("of the area") is a
 *   share of these 51,696 ha, the analysed area, the base `landuse analyze` divides by. The 2018
 *   percentages themselves are not all met: of 51,696 ha the four mining classes are 2.15 / 4.34 /
 *   5.53 / 1.77 % (only 51,714–51,748 ha would give the paper's 2.14 / 4.34 / 5.52 / 1.77 %); the
 *   demo keeps the area the app and the structure-optimization example are built on.
 * - Arable land transferred out 1986–2018: 14,085.34 ha (§3.2), not 1,408.34 (§5): the 4,482.5 ha
 *   taken by mining are 31.8 % of it (§3.2; 31.82 % in §5), and alone exceed 1,408.34.
 * - Forest transferred out: 4,211.57 ha (§3.2), not 421.57 (§5): 963.49 ha taken by mining are
 *   22.88 % of it (§5).
 * - §5's "31.82 % of industrial land, open pits, stripping land and dumps are from arable land,
 *   22.88 % from forest, 23.72 % from grassland" are the shares of each class's land transferred out
 *   that went to mining (4,482.5 / 14,085.34, 963.49 / 4,211.57, 1,648.13 / 6,946.97); read so they
 *   hold with §3.2. (As shares of the mining land they would sum to 78 %, not 100 %.)
 * - Land transferred out and taken by mining are read from the one-step 1986 → 2018 matrix (Table 3
 *   is one matrix for 1986–2018); zone shares from the matrices of each interval.
 * - Reclamation: §3.3 gives 1,100 ha reclaimed in 1986–2000, 898.3 ha in 2000–2009, 556 ha in
 *   2009–2018, and 2,340 ha (1,394 forest, 946 arable) by 2016. The first cannot show on the maps:
 *   the 1986 map has 493.87 ha outside arable, forest and grassland, so at most that much can be
 *   mining land turned back to sinks by 2000. The demo keeps the total (2,340 ha: 1,394 to forest,
 *   946 to arable, over 1986–2018, as no map of 2016 exists) and 898.3 ha in 2000–2009; the other
 *   two intervals take what is left (180.54 and 1,261.16 ha).
 */
export const SEED001_FIGURES = {
  /** The analysed area, ha (see the area reading above). */
  areaHa: 51_696,
  years: [1986, 2000, 2009, 2018] as const,
  /** Class areas, ha, by year (§3.1, §5); industrial land in 2000 is 0.78 % of the area (§3.1). */
  classAreasHa: {
    1986: { arable: 32_119.86, forest: 8_426.73, grassland: 10_655.54 },
    2000: { industrial: 403.2 },
    2009: { forest: 7_372.44 },
    2018: {
      arable: 24_191.34,
      forest: 9_300,
      grassland: 8_793.36,
      stripping: 1_109.25,
      industrial: 2_243.29,
      dump: 2_856.33,
      "open-pit": 914.7,
    },
  } as Readonly<Record<number, Readonly<Record<string, number>>>>,
  /** Zone shares, % of the area, per interval (§3.3, Fig. 4; §5). */
  zoneSharesPercent: [
    {
      from: 1986,
      to: 2000,
      invariant: 66.7,
      enhancement: 4.1,
      "low-carbon-optimization": 6.8,
      "emission-control": 4.2,
    },
    {
      from: 2000,
      to: 2009,
      invariant: 48.8,
      enhancement: 9.69,
      "low-carbon-optimization": 14.6,
      "emission-control": 5.5,
    },
    {
      from: 2009,
      to: 2018,
      invariant: 42.7,
      enhancement: 14.8,
      "low-carbon-optimization": 15.7,
      "emission-control": 8.2,
    },
  ],
  /** Land taken by industrial land, open pits, stripping land and dumps 1986–2018, ha (abstract, §3.2). */
  takenByMiningHa: { arable: 4_482.5, grassland: 1_648.13, forest: 963.49 },
  /** Land transferred out 1986–2018 and the shares that went to the named classes (§3.2). */
  transferredOut: {
    arable: { totalHa: 14_085.34, toPercent: { grassland: 30.4, forest: 25.9 } },
    grassland: { totalHa: 6_946.97, toPercent: { arable: 53.9, forest: 19.8 } },
    forest: { totalHa: 4_211.57, toPercent: { arable: 53.6, grassland: 17.5 } },
  } as Readonly<Record<string, { totalHa: number; toPercent: Readonly<Record<string, number>> }>>,
  /** Mining land reclaimed (§3.3): to forest and arable land by 2016, and in 2000–2009. */
  reclaimedHa: { forest: 1_394, arable: 946, in2000to2009: 898.3 },
} as const;
