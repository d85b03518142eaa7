import { z } from "zod";

const share = z.number().min(0).max(1);
const year = z.number().int().min(1900).max(2200);
const costSchema = z
  .strictObject({
    capitalCNY: z.number().min(0).default(0),
    operatingCNYPerYr: z.number().min(0).default(0),
    lifetimeYears: z.number().int().min(1),
  })
  .describe("what the measure costs (CNY; capital again after each lifetime)");
const ramp = { start: year, rampYears: z.number().int().min(0).default(0), cost: costSchema.optional() };
const priceRef = z.union([z.number().min(0), z.string().min(1)]).describe("CNY/t CO2e, or a factor id");
const pricePath = z.strictObject({
  start: priceRef,
  startYear: year,
  growth: z
    .strictObject({ low: z.number(), central: z.number(), high: z.number() })
    .describe("yearly growth rates"),
  source: z.string().optional(),
});

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
    years: z.number().int().min(1),
    hectaresPerYear: z.number().positive(),
    from: z
      .string()
      .min(1)
      .optional()
      .describe("the land reclaimed: a class of the baseline land use, e.g. dump"),
    to: z.string().min(1).describe("target use, e.g. forest"),
    species: z.string().min(1).optional().describe("what is planted, for the record"),
    maxStockTCPerHa: z.number().positive().describe("stock the stand saturates at, t C/ha"),
    source: z.string().min(1).describe("where maxStockTCPerHa comes from"),
    k: z.number().positive().default(0.06).describe("Chapman–Richards rate, 1/yr"),
    c: z.number().min(1).default(2).describe("Chapman–Richards shape"),
    cost: costSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("ccs"),
    ...ramp,
    captureRate: share.describe("fraction of gross emissions captured and stored"),
  }),
  z.strictObject({
    kind: z.literal("offsets"),
    start: year,
    tCO2ePerYr: z.number().min(0).describe("offsets bought (their cost follows the offset price)"),
    soldTCO2ePerYr: z.number().min(0).default(0).describe("offsets sold (they count against the mine)"),
  }),
]);

export type Measure = z.output<typeof measureSchema>;

/** A pathway scenario: a baseline inventory, the coal-output path and measures, to an end year. */
export const scenarioSchema = z.strictObject({
  kind: z.literal("pathway-scenario"),
  name: z.string().min(1),
  description: z.string().optional(),
  baseline: z
    .strictObject({
      inventory: z.string().min(1).optional().describe("a mine-inventory file, relative to the scenario"),
      inventoryId: z.string().min(1).optional().describe("a stored inventory (API)"),
      year: year.optional().describe("which of its years; the last when omitted"),
      analysisId: z
        .string()
        .min(1)
        .optional()
        .describe("a stored land-use analysis (API): its last map's class areas become landUse"),
      landUse: z
        .record(z.string(), z.number().min(0))
        .optional()
        .describe("the baseline land use, ha by class (e.g. from an analysis): limits what can be reclaimed"),
    })
    .refine(
      (b) => (b.inventory === undefined) !== (b.inventoryId === undefined),
      "give either inventory (a file) or inventoryId (stored)",
    ),
  endYear: year.default(2060),
  coalOutput: z
    .array(z.strictObject({ year, t: z.number().min(0) }))
    .min(1)
    .optional()
    .describe("coal output path, t/yr, linear between points; the baseline's output when omitted"),
  measures: z.array(measureSchema).default([]),
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
    .strictObject({ draws: z.number().int().min(1).max(5000), seed: z.number().int().default(1) })
    .optional()
    .describe("Monte Carlo over the factor ranges: P5/P50/P95 of the net"),
  assumptions: z.array(z.string()).default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;
