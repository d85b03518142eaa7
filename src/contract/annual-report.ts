import { z } from "zod";
import { TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { REPORT_EVENT_TYPES, REPORT_STATES } from "../domain/manage/report-workflow.ts";
import { MEASURE_KINDS } from "../domain/pathway/scenario-spec.ts";
import { textProblem, userText } from "../domain/validation/user-text.ts";
import { storedId } from "./stored-id.ts";

/**
 * The annual report (issue 13): what an enterprise reports for one mine and year, the workflow's
 * events as the API takes them, and the answers about reports, versions, evidence and checks.
 * Version 1 of the content (`ANNUAL_REPORT_CONTENT_VERSION`); a version stored once is never
 * rewritten, so a later content version must still read version 1.
 *
 * A draft is parsed leniently (`annualReportDraftSchema`: every part may be missing, items may be
 * half filled, but what is there has the right type and bounds); a submission must be complete
 * (`annualReportContentSchema`), and its inventory must compute (checked by the workflow service).
 */
export const ANNUAL_REPORT_CONTENT_VERSION = 1;

/** Most items of each list in a report (measures, reclamation lines, evidence files). */
export const ANNUAL_REPORT_LIST_MAX = 200;
/** Largest money amount, CNY (10¹² = one trillion yuan: no mine's yearly measure is near it). */
export const INVESTMENT_CNY_MAX = 1e12;
/** Largest reclaimed area of one plot, ha (10⁵ ha = 1,000 km², larger than any mining area). */
export const RECLAIMED_HA_MAX = 1e5;
/** Largest expected abatement of one measure, t CO2e/yr (10⁸: a large province's coal mines together). */
export const ABATEMENT_TCO2E_MAX = 1e8;

const tuple = <T extends string>(xs: readonly T[]) => xs as unknown as [T, ...T[]];
const money = z
  .number()
  .min(0)
  .max(INVESTMENT_CNY_MAX)
  .meta({ "x-unit": "CNY", description: "investment, yuan (CNY)" });
const name = userText(TEXT_BOUNDS.name).min(1);
const text = userText(TEXT_BOUNDS.text);

/** What the enterprise reclaimed on one plot of the mine this year. */
export const reclamationLineSchema = z
  .object({
    plotId: storedId.meta({ description: "a plot of the mine (GET /api/mines/{id}/plots)" }),
    areaReclaimedHa: z
      .number()
      .min(0)
      .max(RECLAIMED_HA_MAX)
      .meta({ "x-unit": "ha", description: "area reclaimed this year" }),
    targetRole: userText(60).min(1).meta({ description: "the land use reclaimed to, as a legend role" }),
    species: userText(TEXT_BOUNDS.name).optional().meta({ description: "species planted, if any" }),
    investmentCny: money,
  })
  .strict();

export const MEASURE_STATUSES = ["planned", "in-progress", "done"] as const;
/** A measure's kind: a pathway measure's (scenario-spec.ts), or `other`. */
export const REPORT_MEASURE_KINDS = [...MEASURE_KINDS, "other"] as const;

/** A low-carbon measure carried out (or under way) with its investment and expected abatement. */
export const reportMeasureSchema = z
  .object({
    name,
    kind: z.enum(tuple(REPORT_MEASURE_KINDS)),
    investmentCny: money,
    expectedAbatementTCO2ePerYr: z
      .number()
      .min(0)
      .max(ABATEMENT_TCO2E_MAX)
      .meta({ "x-unit": "t CO2e/yr", description: "expected abatement once in full effect" }),
    status: z.enum(MEASURE_STATUSES),
  })
  .strict();

/** The land-use data the report rests on: an analysis area holding the mine, its maps or analysis. */
export const reportLandUseSchema = z
  .object({
    areaId: storedId.meta({ description: "an analysis area holding the mine" }),
    mapIds: z.array(storedId).max(50).optional().meta({ description: "land-use maps of that area" }),
    analysisId: storedId.optional().meta({ description: "a land-use analysis of that area" }),
  })
  .strict();

/** The person who declares the report true and complete, for the enterprise. */
export const declarationSchema = z
  .object({
    name,
    position: name,
    accepted: z.literal(true).meta({ description: "the declaration is accepted (must be true)" }),
  })
  .strict();

/**
 * The inventory input: a mine-inventory document as JSON (the YAML format of examples/yongning.yaml,
 * as POST /api/areas/{id}/inventories takes it) holding exactly the report's year, all its sources
 * and sinks. Checked and computed by the domain's inventory model on submission.
 */
const inventoryDocument = z
  .record(z.string(), z.unknown())
  .meta({ description: "a mine-inventory document (kind: mine-inventory) holding the report's year" });

/** A complete report: what a submission freezes as a version. */
export const annualReportContentSchema = z
  .object({
    inventory: inventoryDocument,
    landUse: reportLandUseSchema.optional(),
    reclamation: z.array(reclamationLineSchema).max(ANNUAL_REPORT_LIST_MAX),
    measures: z.array(reportMeasureSchema).max(ANNUAL_REPORT_LIST_MAX),
    evidence: z
      .array(storedId)
      .max(ANNUAL_REPORT_LIST_MAX)
      .meta({ description: "ids of the report's evidence files" }),
    declaration: declarationSchema,
    notes: text.optional(),
  })
  .strict()
  .meta({ id: "AnnualReportContent" });
export type AnnualReportContent = z.infer<typeof annualReportContentSchema>;

/** A draft: each part may be missing and each item half filled; what is there is typed and bounded. */
export const annualReportDraftSchema = z
  .object({
    inventory: inventoryDocument.optional(),
    landUse: reportLandUseSchema.partial().optional(),
    reclamation: z.array(reclamationLineSchema.partial()).max(ANNUAL_REPORT_LIST_MAX).optional(),
    measures: z.array(reportMeasureSchema.partial()).max(ANNUAL_REPORT_LIST_MAX).optional(),
    evidence: z.array(storedId).max(ANNUAL_REPORT_LIST_MAX).optional(),
    declaration: z
      .object({ name: name.optional(), position: name.optional(), accepted: z.boolean().optional() })
      .strict()
      .optional(),
    notes: text.optional(),
  })
  .strict()
  .check((ctx) => {
    // The inventory is free JSON until it is submitted: no text in it may be one a database refuses.
    const walk = (v: unknown, path: (string | number)[]) => {
      if (typeof v === "string") {
        const problem = textProblem(v);
        if (problem) ctx.issues.push({ code: "custom", message: problem, input: v, path });
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          const problem = textProblem(k);
          if (problem) ctx.issues.push({ code: "custom", message: problem, input: k, path });
          walk(x, [...path, k]);
        }
    };
    walk(ctx.value.inventory, ["inventory"]);
  });
export type AnnualReportDraft = z.infer<typeof annualReportDraftSchema>;

const fieldComment = z
  .object({
    path: userText(TEXT_BOUNDS.name).meta({ description: 'the field, as "measures[0].investmentCny"' }),
    comment: userText(4000),
  })
  .strict();

/** `POST /api/annual-reports/{id}/events`: one workflow event (report-workflow.ts) without who and when. */
export const reportEventInput = z.discriminatedUnion("type", [
  z
    .object({ type: z.enum(["submit", "resubmit"]) })
    .strict()
    .describe("submit (or resubmit) the current draft as the next version"),
  z.object({ type: z.literal("send-to-verification"), verifierOrganisationId: storedId }).strict(),
  z
    .object({
      type: z.literal("conclude-verification"),
      conclusion: z
        .object({
          conforms: z.boolean(),
          statement: userText(4000),
          findings: z.array(fieldComment).max(ANNUAL_REPORT_LIST_MAX).optional(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      type: z.literal("return"),
      reason: userText(4000),
      fieldComments: z.array(fieldComment).max(ANNUAL_REPORT_LIST_MAX).optional(),
    })
    .strict(),
  z.object({ type: z.literal("reject"), reason: userText(4000) }).strict(),
  z.object({ type: z.enum(["approve", "publish"]) }).strict(),
]);
export type ReportEventInput = z.infer<typeof reportEventInput>;

const iso = z.string().meta({ description: "ISO 8601 time" });

export const reportStateSchema = z.enum(tuple(REPORT_STATES));
export const reportEventTypeSchema = z.enum(tuple(REPORT_EVENT_TYPES));

/** A line of the report list. */
export const annualReportListItemSchema = z
  .object({
    id: storedId,
    mine: z.object({ id: storedId, name: z.string(), nameZh: z.string().nullable() }).strict(),
    year: z.number().int(),
    state: reportStateSchema,
    updatedAt: iso,
    latestVersion: z.number().int().nullable().meta({ description: "the last submission's number" }),
    verifierOrganisationId: storedId.nullable(),
  })
  .strict()
  .meta({ id: "AnnualReportListItem" });
export type AnnualReportListItem = z.infer<typeof annualReportListItemSchema>;

export const reportVersionSummarySchema = z
  .object({ number: z.number().int(), submittedAt: iso, submittedBy: storedId })
  .strict();

/** An event as stored: its type, who fired it and when, and what it carried. */
export const reportEventRecordSchema = z
  .object({
    seq: z.number().int(),
    type: reportEventTypeSchema,
    by: z.object({ userId: storedId, organisationId: storedId }).strict(),
    at: iso,
    body: z.record(z.string(), z.unknown()).meta({
      description:
        "what it carried: version (submit), verifierOrganisationId, conclusion, reason and fieldComments",
    }),
  })
  .strict()
  .meta({ id: "AnnualReportEvent" });
export type ReportEventRecord = z.infer<typeof reportEventRecordSchema>;

export const evidenceFileSchema = z
  .object({
    id: storedId,
    name: z.string(),
    mediaType: z.string(),
    bytes: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedBy: storedId,
    createdAt: iso,
    /** Whether a submitted version refers to it (then it is kept for good). */
    inVersion: z.boolean(),
  })
  .strict()
  .meta({ id: "EvidenceFile" });
export type EvidenceFileRecord = z.infer<typeof evidenceFileSchema>;

/** One report with its draft, versions, events, evidence and the events the asker may fire now. */
export const annualReportRecordSchema = z
  .object({
    id: storedId,
    mine: z.object({ id: storedId, name: z.string(), nameZh: z.string().nullable() }).strict(),
    year: z.number().int(),
    organisationId: storedId,
    regionCode: z.string(),
    state: reportStateSchema,
    verifierOrganisationId: storedId.nullable(),
    draft: z.unknown().meta({ description: "the content being prepared (AnnualReportDraft)" }),
    versions: z.array(reportVersionSummarySchema),
    events: z.array(reportEventRecordSchema),
    evidence: z.array(evidenceFileSchema),
    nextEvents: z
      .array(reportEventTypeSchema)
      .meta({ description: "the events the asking actor may fire now (state and policy)" }),
    createdAt: iso,
    updatedAt: iso,
  })
  .strict()
  .meta({ id: "AnnualReport" });
export type AnnualReportRecord = z.infer<typeof annualReportRecordSchema>;

export const reportVersionSchema = reportVersionSummarySchema
  .extend({ content: z.unknown().meta({ description: "the frozen AnnualReportContent" }) })
  .strict()
  .meta({ id: "AnnualReportVersion" });

export const versionChangesSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }).strict()),
  })
  .strict()
  .meta({ id: "AnnualReportChanges" });

/** The figures the checks read, computed from an inventory by the inventory model. */
export const reportFiguresSchema = z
  .object({
    year: z.number().int(),
    emissionsTCO2ePerYr: z.number().meta({ "x-unit": "t CO2e/yr", description: "gross emissions" }),
    coalOutputT: z.number().meta({ "x-unit": "t" }),
    energyTce: z.number().meta({ "x-unit": "tce" }),
  })
  .strict();

export const reportChecksSchema = z
  .object({
    figures: reportFiguresSchema
      .nullable()
      .meta({ description: "the draft's figures; null when its inventory does not compute yet" }),
    comparedWith: reportFiguresSchema
      .nullable()
      .meta({ description: "the mine's approved report of the year before, if any" }),
    inventoryProblems: z.array(z.object({ path: z.string(), message: z.string() }).strict()),
    warnings: z.array(
      z
        .object({ path: z.string(), kind: z.enum(["jump", "out-of-range", "unit"]), message: z.string() })
        .strict(),
    ),
    ranges: z
      .object({
        yearOnYearShare: z.number(),
        intensityTCO2ePerT: z.array(z.number()),
        energyTcePerT: z.array(z.number()),
        source: z.string(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "AnnualReportChecks" });
export type ReportChecks = z.infer<typeof reportChecksSchema>;

/** After approval: the year's actual against the mine's plan, or what is missing for the comparison. */
export const reportAdjustmentSchema = z
  .object({
    year: z.number().int(),
    version: z.number().int(),
    actual: reportFiguresSchema.extend({
      balanceTCO2ePerYr: z.number().meta({ "x-unit": "t CO2e/yr" }),
      sinkTCO2ePerYr: z.number().meta({ "x-unit": "t CO2e/yr" }),
      intensityTCO2ePerT: z.number().nullable().meta({ "x-unit": "t CO2e/t" }),
    }),
    previous: reportFiguresSchema.nullable(),
    review: z
      .unknown()
      .nullable()
      .meta({ description: "pathway review of the year (review-year.ts), or null" }),
    missing: z.array(z.string()).meta({ description: "what the comparison with a plan still lacks" }),
  })
  .strict()
  .meta({ id: "AnnualReportAdjustment" });
export type ReportAdjustment = z.infer<typeof reportAdjustmentSchema>;

/** What the public sees of a published report: no person's name, no contact, no evidence file. */
export const publicAnnualReportSchema = z
  .object({
    id: storedId,
    mine: z.object({ id: storedId, name: z.string(), nameZh: z.string().nullable() }).strict(),
    year: z.number().int(),
    regionCode: z.string(),
    publishedAt: iso,
    version: z.number().int(),
    figures: reportFiguresSchema.nullable(),
    reclamation: z.array(reclamationLineSchema.omit({ plotId: true }).extend({ plotId: storedId })),
    measures: z.array(reportMeasureSchema),
    notes: z.string().nullable(),
    evidence: z
      .array(z.object({ mediaType: z.string(), bytes: z.number().int(), sha256: z.string() }).strict())
      .meta({ description: "the evidence files' fingerprints (the files themselves are not public)" }),
    verification: z
      .object({ conforms: z.boolean(), statement: z.string() })
      .strict()
      .nullable()
      .meta({ description: "the verification body's conclusion" }),
  })
  .strict()
  .meta({ id: "PublicAnnualReport" });
export type PublicAnnualReport = z.infer<typeof publicAnnualReportSchema>;

export const publicAnnualReportListItemSchema = publicAnnualReportSchema
  .pick({ id: true, mine: true, year: true, regionCode: true, publishedAt: true, figures: true })
  .strict()
  .meta({ id: "PublicAnnualReportListItem" });
