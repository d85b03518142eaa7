import { z } from "zod";
import { COUNT_BOUNDS, DRAW_BOUNDS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
  signedUpTo,
  wholeYears,
} from "../validation/bounded-number.ts";
import { userText } from "../validation/user-text.ts";

const { areaHa, massT, moneyCNY, priceCNYPerTCO2e, densityTCPerHa, growthPerYear } = QUANTITY_BOUNDS;
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const share = z.number().min(0).max(1);
const year = calendarYear();
const costSchema = z
  .strictObject({
    capitalCNY: amountUpTo(moneyCNY).default(0),
    operatingCNYPerYr: amountUpTo(moneyCNY).default(0),
    lifetimeYears: wholeYears(1),
  })
  .describe("what the measure costs (CNY; capital again after each lifetime)");
const ramp = { start: year, rampYears: wholeYears(0).default(0), cost: costSchema.optional() };
const priceRef = z.union([amountUpTo(priceCNYPerTCO2e), name()]).describe("CNY/t CO2e, or a factor id");
const growth = signedUpTo(growthPerYear);
const pricePath = z.strictObject({
  start: priceRef,
  startYear: year,
  growth: z.strictObject({ low: growth, central: growth, high: growth }).describe("yearly growth rates"),
  source: note().optional(),
});

/**
 * The rule on a pathway's Monte Carlo draws, for the file, the API and --draws: each draw projects
 * every year twice (see DRAW_BOUNDS; the whole pathway's work is bounded too, in pathway-work.ts).
 */
export const PATHWAY_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.pathway.toLocaleString("en-US")} draws (each projects every year twice; see docs/input-bounds.md)`;

/** The measures a scenario can take, each with its start year and (where it makes sense) a ramp. */
export const measureSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("clean-electricity"),
    ...ramp,
    share: share.describe("share of electricity bought zero-emission"),
  }),
  z.strictObject({
    kind: z.literal("energy-saving"),
    ...ramp,
    rate: share.describe("fraction of energy use saved"),
  }),
  z.strictObject({
    kind: z.literal("methane-use"),
    ...ramp,
    share: share.describe("fraction of liberated underground CH4 pre-drained and used"),
  }),
  z.strictObject({
    kind: z.literal("vam-oxidation"),
    ...ramp,
    share: share.describe("fraction of the remaining underground CH4 oxidised"),
  }),
  z.strictObject({
    kind: z.literal("reclamation"),
    start: year,
    years: wholeYears(1),
    hectaresPerYear: positiveUpTo(areaHa),
    from: name().optional().describe("the land reclaimed: a class of the baseline land use, e.g. dump"),
    to: name().describe("target use, e.g. forest"),
    species: name().optional().describe("what is planted, for the record"),
    maxStockTCPerHa: positiveUpTo(densityTCPerHa).describe(
      "carbon the stand's vegetation saturates at along the growth curve, t C/ha (soil carbon: soilTCPerHa)",
    ),
    source: note().min(1).describe("where maxStockTCPerHa comes from"),
    k: positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear)
      .optional()
      .describe("Chapman–Richards rate, 1/yr; the scenario's standGrowth.k when omitted"),
    c: z
      .number()
      .min(1)
      .max(QUANTITY_BOUNDS.growthShape.max)
      .optional()
      .describe("Chapman–Richards shape; the scenario's standGrowth.c when omitted"),
    growthSource: note().min(1).optional().describe("where this measure's own k and c come from"),
    soilTCPerHa: amountUpTo(densityTCPerHa)
      .optional()
      .describe("soil organic carbon the reclaimed land gains, t C/ha, reached linearly over soilYears"),
    soilYears: positiveUpTo(QUANTITY_BOUNDS.spanYears)
      .optional()
      .describe(
        "years over which the soil gain is reached; IPCC's 20-year default (ipcc06.afolu.soc_transition) when omitted",
      ),
    soilSource: note().min(1).optional().describe("where soilTCPerHa comes from"),
    cost: costSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("ccs"),
    ...ramp,
    captureRate: share.describe(
      "fraction of the point-source CO2 captured and stored (stationary fuel combustion on industrial and mining land, burned recovered methane)",
    ),
  }),
  z.strictObject({
    kind: z.literal("offsets"),
    start: year,
    tCO2ePerYr: amountUpTo(massT).describe("offsets bought (their cost follows the offset price)"),
    soldTCO2ePerYr: amountUpTo(massT).default(0).describe("offsets sold (they count against the mine)"),
  }),
]);

export type Measure = z.output<typeof measureSchema>;

/** A pathway scenario: a baseline inventory, the coal-output path and measures, to an end year. */
export const scenarioSchema = z.strictObject({
  kind: z.literal("pathway-scenario"),
  name: name(),
  description: note().optional(),
  baseline: z
    .strictObject({
      inventory: note().min(1).optional().describe("a mine-inventory file, relative to the scenario"),
      inventoryId: name().optional().describe("a stored inventory (API)"),
      year: year.optional().describe("which of its years; the last when omitted"),
      analysisId: name()
        .optional()
        .describe("a stored land-use analysis (API): its last map's class areas become landUse"),
      landUse: z
        .record(name(), amountUpTo(areaHa))
        .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.legendClasses, {
          error: `must have at most ${COUNT_BOUNDS.legendClasses} classes`,
        })
        .optional()
        .describe("the baseline land use, ha by class (e.g. from an analysis): limits what can be reclaimed"),
    })
    .refine(
      (b) => (b.inventory === undefined) !== (b.inventoryId === undefined),
      "give either inventory (a file) or inventoryId (stored)",
    ),
  endYear: year.default(2060),
  standGrowth: z
    .strictObject({
      k: positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear).describe("Chapman–Richards rate, 1/yr"),
      c: z.number().min(1).max(QUANTITY_BOUNDS.growthShape.max).describe("Chapman–Richards shape"),
      source: note()
        .min(1)
        .optional()
        .describe("where k and c come from; without it they are shown as assumptions"),
    })
    .optional()
    .describe(
      "the growth curve every woody stand follows, existing (from the baseline inventory) and reclaimed; k 0.06/yr and c 2 (assumptions) when omitted",
    ),
  coalOutput: boundedList(z.strictObject({ year, t: amountUpTo(massT) }), COUNT_BOUNDS.coalOutputPoints)
    .min(1)
    .optional()
    .describe("coal output path, t/yr, linear between points; the baseline's output when omitted"),
  measures: boundedList(measureSchema, COUNT_BOUNDS.measures).default([]),
  economics: z
    .strictObject({
      discountRate: z.number().min(0).max(1),
      carbonPrice: pricePath,
      offsetPrice: pricePath,
      carbonTax: priceRef.optional(),
    })
    .optional()
    .describe("prices and discounting for the costs of the measures"),
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(DRAW_BOUNDS.pathway, { error: PATHWAY_DRAWS_RULE }),
      seed: seedNumber().default(1),
    })
    .optional()
    .describe(
      "Monte Carlo over the baseline's activity data and factors: P2.5/P50/P97.5 of the net (the 95 % interval)",
    ),
  assumptions: boundedList(note()).default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;
