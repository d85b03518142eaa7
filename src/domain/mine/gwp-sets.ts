/** The GWP-100 sets a result can use, and the factor that gives the GWP of coal-mine (fossil) methane in each. */
export const GWP_SETS = {
  SAR: { ch4: "gwp.sar.ch4", n2o: "gwp.sar.n2o", report: "IPCC Second Assessment Report (1995)" },
  AR4: { ch4: "gwp.ar4.ch4", n2o: "gwp.ar4.n2o", report: "IPCC Fourth Assessment Report (2007)" },
  AR5: {
    ch4: "gwp.ar5.ch4",
    n2o: "gwp.ar5.n2o",
    report: "IPCC Fifth Assessment Report (2013), without climate–carbon feedback",
  },
  AR6: {
    ch4: "gwp.ar6.ch4_fossil",
    n2o: "gwp.ar6.n2o",
    report: "IPCC Sixth Assessment Report (2021), CH4 of fossil origin (coal-mine methane is fossil)",
  },
} as const;

export type GwpSetId = keyof typeof GWP_SETS;
export const GWP_SET_IDS = Object.keys(GWP_SETS) as GwpSetId[];
