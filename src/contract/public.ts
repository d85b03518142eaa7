import { z } from "zod";
import { TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import { userText } from "../domain/validation/user-text.ts";
import { mapLayerSchema } from "./map-layer.ts";
import { keyFigureSchema, overviewPointSchema } from "./overview.ts";
import { STORED_ID } from "./stored-id.ts";

const regionRef = z.object({ code: z.string(), name: z.string(), nameZh: z.string().nullable() });
const mineName = z.object({ id: z.string(), name: z.string(), nameZh: z.string().nullable() });

/** A published area as the public portal lists it. Version 1. */
export const publicAreaSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    region: regionRef,
    mines: z.array(mineName).meta({ description: "the mines the area holds" }),
    figures: z
      .array(keyFigureSchema)
      .meta({ description: "key figures of its latest finished land-use analysis and latest inventories" }),
  })
  .meta({ id: "PublicAreaSummary" });

/** A published area's page: figures, series by year and the latest land-use map as a layer. Version 1. */
export const publicAreaSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    region: regionRef,
    mines: z.array(mineName),
    figures: z.array(keyFigureSchema),
    series: z.array(overviewPointSchema),
    analysedAt: z.string().nullable().meta({ description: "when the latest land-use analysis finished" }),
    map: z
      .object({
        crs: z
          .object({ label: z.string(), epsg: z.number().int().optional(), proj4: z.string().optional() })
          .nullable(),
        layer: mapLayerSchema,
      })
      .nullable()
      .meta({ description: "the latest map's land use as a coloured layer (its url is under /api/public/)" }),
  })
  .meta({ id: "PublicArea" });

/** Longest feedback message, characters (a letter's length; the table holds no more). */
export const FEEDBACK_MESSAGE_MAX_CHARS = 4000;

/** What a feedback message is about, as the sender chooses it. */
export const FEEDBACK_CATEGORIES = [
  "land-use",
  "reclamation",
  "emissions",
  "pollution",
  "report",
  "other",
] as const;
/** A message's handling, as the public sees it: received → in progress → handled. */
export const FEEDBACK_STATUSES = ["received", "in-progress", "handled"] as const;
/** Longest reply, characters (the table holds no more). */
export const FEEDBACK_REPLY_MAX_CHARS = 4000;

/** A point on the map in EPSG:4326 (WGS 84), longitude and latitude in degrees. */
export const feedbackPointSchema = z
  .object({
    lon: z.number().min(-180).max(180).meta({ "x-unit": "degree", description: "longitude, EPSG:4326" }),
    lat: z.number().min(-90).max(90).meta({ "x-unit": "degree", description: "latitude, EPSG:4326" }),
  })
  .strict()
  .meta({ id: "FeedbackPoint" });

/** `POST /api/public/feedback`: a message from anyone, about a published area, a public mine or the portal. */
export const feedbackInput = z
  .object({
    areaId: z.string().regex(STORED_ID, "must be a published area's id").optional(),
    mineId: z
      .string()
      .regex(STORED_ID, "must be a public mine's id")
      .optional()
      .meta({ description: "a mine with a published report or in a published area" }),
    category: z
      .enum(FEEDBACK_CATEGORIES)
      .optional()
      .meta({ description: "what it is about; omitted: other" }),
    point: feedbackPointSchema.optional().meta({ description: "where on the map (EPSG:4326)" }),
    name: userText(TEXT_BOUNDS.name).min(1).optional(),
    contact: userText(TEXT_BOUNDS.name).min(1).optional().meta({
      description: "an e-mail address or telephone number to answer to (never shown to the public)",
    }),
    message: userText(FEEDBACK_MESSAGE_MAX_CHARS)
      .min(1)
      .meta({ description: "what you want to tell (blank text is refused)" }),
  })
  .strict()
  .meta({ id: "FeedbackMessage" });

/** A feedback message as regulators read it. */
export const feedbackSchema = z
  .object({
    id: z.string(),
    areaId: z.string().nullable(),
    mineId: z.string().nullable(),
    organisationId: z.string().nullable(),
    regionCode: z.string().nullable(),
    category: z.enum(FEEDBACK_CATEGORIES),
    point: feedbackPointSchema.nullable(),
    name: z.string().nullable(),
    contact: z.string().nullable(),
    message: z.string(),
    status: z.enum(FEEDBACK_STATUSES),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    public: z.boolean().meta({ description: "shown on the portal with its reply (never the contact)" }),
    createdAt: z.string(),
  })
  .meta({ id: "Feedback" });

export const feedbackPageSchema = z
  .object({ items: z.array(feedbackSchema), next: z.string().nullable() })
  .meta({ id: "FeedbackPage" });

/** `POST /api/feedback/{id}/reply`: the regulator's reply, the message's status, and whether both are public. */
export const feedbackReplyInput = z
  .object({
    reply: userText(FEEDBACK_REPLY_MAX_CHARS)
      .min(1)
      .meta({ description: "the answer (blank text is refused)" }),
    status: z.enum(FEEDBACK_STATUSES).meta({ description: "received → in-progress → handled; never back" }),
    public: z.boolean().meta({ description: "show the message and the reply on the portal" }),
  })
  .strict()
  .meta({ id: "FeedbackReply" });

/** A public message with its reply as the portal shows it: no name, contact or address. */
export const publicFeedbackSchema = z
  .object({
    id: z.string(),
    areaId: z.string().nullable(),
    mineId: z.string().nullable(),
    category: z.enum(FEEDBACK_CATEGORIES),
    point: feedbackPointSchema.nullable(),
    message: z.string(),
    status: z.enum(FEEDBACK_STATUSES),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict()
  .meta({ id: "PublicFeedback" });

/** `GET /api/public/info`: what a visitor needs before signing in. Version 1. */
export const serverInfoSchema = z
  .object({
    demo: z
      .object({
        accounts: z
          .array(z.string())
          .meta({ description: "the demo's accounts, one per role (never their password)" }),
      })
      .nullable()
      .meta({ description: "set when this server loaded the demo: its data and organisations are not real" }),
  })
  .meta({ id: "ServerInfo" });
export type ServerInfo = z.infer<typeof serverInfoSchema>;
