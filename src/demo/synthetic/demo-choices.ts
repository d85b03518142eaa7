/**
 * What the synthetic demo area invents where seed 001 publishes nothing: the areas of the classes it
 * does not give per year, and two story choices. The reproduced figures do not depend on these,
 * within the ranges the trajectory system allows (it throws when a choice leaves it without a
 * solution of whole pixels ≥ 0); they shape the maps between the published figures.
 */
export const DEMO_CHOICES = {
  /**
   * Urban, rural, transportation land and water, ha. In 1986 rural settlements take what the other
   * classes leave of the land outside sinks and mining; in 2018 transportation takes what the
   * published classes leave. Each class only grows, except rural land abandoned after 1986.
   */
  otherLandHa: {
    1986: { urban: 30, transportation: 35, water: 40 },
    2000: { urban: 200, rural: 250, transportation: 130, water: 45 },
    2009: { urban: 600, rural: 550, transportation: 450, water: 55 },
    2018: { urban: 1000, rural: 700, water: 60 },
  } as Readonly<Record<number, Readonly<Record<string, number>>>>,
  /**
   * Mining land, ha, where seed 001 gives no figure. 1986: the land still mined in 2018 is pit,
   * stripping and industrial land, the rest are the dumps reclaimed by 2000. Dumps take what the
   * other classes leave, every year.
   */
  miningLandHa: {
    1986: { "open-pit": 10, stripping: 5 },
    2000: { "open-pit": 450, stripping: 350 },
    2009: { "open-pit": 700, stripping: 700, industrial: 700 },
  } as Readonly<Record<number, Readonly<Record<string, number>>>>,
  /** Arable land and forest, ha, in the years seed 001 does not give them; grassland takes the rest. */
  sinkLandHa: {
    2000: { arable: 28_500, forest: 7_900 },
    2009: { arable: 25_500 },
  } as Readonly<Record<number, Readonly<Record<string, number>>>>,
  /** Of the land opened for mining in 1986–2000, the hectares still mined in 2018 (the pit's core and plant). */
  openedBy2000StillMinedHa: 600,
} as const;
