import { z } from "zod";
import { areaKeyFigures, areaSeries } from "../../app/area-overview.ts";
import { areaLayers } from "../../app/area-layers.ts";
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
  feedbackInput,
  feedbackPageSchema,
  feedbackReplyInput,
  feedbackSchema,
  publicFeedbackSchema,
  publicAreaSchema,
  publicAreaSummarySchema,
  serverInfoSchema,
} from "../../contract/public.ts";
import { STORED_ID } from "../../contract/stored-id.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { DEMO_ACCOUNTS } from "../../app/demo-directory.ts";
import { queryScope } from "../../domain/access/policy.ts";
import type { RegionCode } from "../../domain/access/region-code.ts";
import { LANGS } from "../../presentation/i18n/index.ts";
import { FEEDBACK_PAGE_MAX, type Feedback } from "../../storage/feedback-repository.ts";
import type { MiningArea } from "../../storage/mining-area-repository.ts";
import type { ApiApp } from "../api-app.ts";
import { ApiError, notFound } from "../api-error.ts";
import { authorise } from "../auth/authorise.ts";
import { isId, type AppContext } from "../context.ts";
import { FEEDBACK_LIMIT, feedbackLimit } from "../rate-limits.ts";
import { errors, file, idParams } from "../route-schema.ts";
import { sendFile } from "./area-routes.ts";
import { recipients } from "../../app/manage/supervision-recipients.ts";
import { asSystem } from "../../storage/row-scope.ts";
import { findFor } from "../access/find-for.ts";
import { publicFeedbackJson, publicMineRoutes } from "./public-mine-routes.ts";

const langQuery = z.object({
  lang: z.enum(LANGS).default("en").describe("language of the figures' sources"),
});

/** The public URL of a published area's land-use layer of `year` (`v` changes with the map and colours). */
const publicLayerUrl = (areaId: string, year: number, privateUrl: string) =>
  `/api/public/areas/${areaId}/maps/${year}/layer.png${privateUrl.slice(privateUrl.indexOf("?"))}`;

const feedbackJson = (f: Feedback) => ({
  id: f.id,
  areaId: f.areaId,
  mineId: f.mineId,
  organisationId: f.organisationId,
  regionCode: f.regionCode,
  category: f.category,
  point: f.point,
  name: f.name,
  contact: f.contact,
  message: f.message,
  status: f.status,
  reply: f.reply,
  repliedAt: f.repliedAt?.toISOString() ?? null,
  public: f.public,
  createdAt: f.createdAt.toISOString(),
});

/** The order of a message's statuses: a reply moves it forward or leaves it, never back. */
const statusRank = (s: Feedback["status"]) => FEEDBACK_STATUSES.indexOf(s);

/**
 * The public portal: published areas with their key figures, series and latest land-use map, for
 * anyone (access "public"; what is read is scoped by `published.read`, so an unpublished area is
 * not found whoever asks here). No inputs, no raw maps, no boundaries of mining rights. And the
 * public's feedback: sent by anyone (rate-limited per address, audited), read by regulators within
 * their jurisdiction (`feedback.read`). The public mines' summaries are in public-mine-routes.ts.
 */
export function publicRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/public/info",
    {
      config: { access: "public" },
      schema: {
        summary:
          "what a visitor needs before signing in: whether this server runs the demo, and its accounts",
        response: { 200: serverInfoSchema },
      },
    },
    async () => {
      // The demo is a fact of the store: its accounts exist (and are not disabled).
      const accounts = (
        await ctx.store.db
          .selectFrom("users")
          .select("username")
          .where("username", "in", [...DEMO_ACCOUNTS])
          .where("disabled_at", "is", null)
          .orderBy("id")
          .execute()
      ).map((u) => u.username);
      return { demo: accounts.length ? { accounts } : null };
    },
  );

  /** The published area of an id, or a 404 (unpublished and unknown areas alike). */
  const publishedArea = async (actor: Actor, id: string): Promise<MiningArea> => {
    const a = isId(id) ? await ctx.areas.get(id, queryScope(actor, "published.read")) : undefined;
    if (!a || !a.published) throw notFound("published area", id);
    return a;
  };

  /** The area's name, region and mines, and its latest finished land-use analysis with its result. */
  const basics = async (a: MiningArea) => {
    const region = await ctx.regions.get(a.regionCode);
    const mines = [];
    for (const id of a.mineIds) {
      const m = await ctx.mines.get(id);
      if (m) mines.push({ id: m.id, name: m.name, nameZh: m.nameZh });
    }
    const done = (await ctx.analyses.forArea(a.id)).find((x) => x.status === "done" && x.kind === "landuse");
    const latest = done ? await ctx.analyses.get(done.id, { withResult: true }) : undefined;
    const inventories = await ctx.inventories.forArea(a.id);
    return {
      head: {
        id: a.id,
        name: a.name,
        nameZh: a.nameZh,
        region: { code: a.regionCode, name: region?.name ?? a.regionCode, nameZh: region?.nameZh ?? null },
        mines,
      },
      latest,
      inventories,
    };
  };

  app.get(
    "/api/public/areas",
    {
      config: { access: "public" },
      schema: {
        summary: "published areas: names, region, mines and key figures (the public portal)",
        querystring: langQuery,
        response: { 200: z.array(publicAreaSummarySchema) },
      },
    },
    async (req) => {
      const areas = (await ctx.areas.list(queryScope(req.actor, "published.read"))).filter(
        (a) => a.published,
      );
      const out = [];
      for (const a of areas) {
        const { head, latest, inventories } = await basics(a);
        out.push({ ...head, figures: areaKeyFigures(latest, inventories, req.query.lang) });
      }
      return out;
    },
  );

  app.get(
    "/api/public/areas/:id",
    {
      config: { access: "public" },
      schema: {
        summary: "a published area: key figures, carbon stock and emissions by year, the latest land-use map",
        params: idParams,
        querystring: langQuery,
        response: { 200: publicAreaSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const a = await publishedArea(req.actor, req.params.id);
      const { head, latest, inventories } = await basics(a);
      const last = (await ctx.maps.forArea(a.id)).at(-1);
      let map = null;
      if (last) {
        const layers = await areaLayers(ctx.folder, a, [last], undefined);
        const layer = layers.layers[0]!;
        map = { crs: layers.crs, layer: { ...layer, url: publicLayerUrl(a.id, last.year, layer.url) } };
      }
      return {
        ...head,
        figures: areaKeyFigures(latest, inventories, req.query.lang),
        series: areaSeries(latest, inventories),
        analysedAt: latest?.finishedAt?.toISOString() ?? null,
        map,
      };
    },
  );

  app.get(
    "/api/public/areas/:id/maps/:year/layer.png",
    {
      config: { access: "public" },
      schema: {
        summary: "a published area's land-use map of a year as a coloured PNG layer",
        params: z.object({ id: z.string(), year: z.string() }),
        response: { 200: file("image/png", "the layer"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const a = await publishedArea(req.actor, req.params.id);
      const m = (await ctx.maps.forArea(a.id)).find((x) => String(x.year) === req.params.year);
      if (!m) throw new ApiError("not-found", `published area ${a.id} has no map of ${req.params.year}`);
      const layers = await areaLayers(ctx.folder, a, [m], undefined);
      return sendFile(reply, layers.files.get(`landuse-${m.year}`)!, "image/png");
    },
  );

  app.post(
    "/api/public/feedback",
    {
      config: {
        access: "public",
        rateLimit: feedbackLimit,
      },
      schema: {
        summary: `send feedback about a published area or the portal (anyone; at most ${FEEDBACK_LIMIT.max} messages per ${FEEDBACK_LIMIT.minutes} minutes from one address)`,
        body: feedbackInput,
        response: { 201: z.object({ id: z.string() }), ...errors("bad-input", "not-found", "rate-limited") },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const message = b.message.trim();
      if (message === "")
        throw new ApiError("bad-input", "the message is empty", [
          { path: "message", message: "must not be blank" },
        ]);
      if (b.areaId !== undefined && b.mineId !== undefined)
        throw new ApiError("bad-input", "feedback is about an area or a mine, not both", [
          { path: "mineId", message: "leave out areaId or mineId" },
        ]);
      const area = b.areaId !== undefined ? await publishedArea(req.actor, b.areaId) : undefined;
      // A mine is public when it has a published report or lies in a published area. The public
      // holds no grant on mines (row-level security shows it none), so this is read as the system:
      // only whether the mine is public, and its owner and region, under which the message is filed.
      const mine =
        b.mineId !== undefined ? await asSystem(() => ctx.feedback.publicMine(b.mineId!)) : undefined;
      if (b.mineId !== undefined && !mine) throw notFound("public mine", b.mineId);
      const about = area ?? mine;
      // Anyone may send feedback about a published area or mine, or about the portal (a published page).
      authorise(req.actor, "feedback.send", {
        kind: "area",
        organisationId: about?.organisationId ?? null,
        regionCode: (about?.regionCode ?? null) as RegionCode | null,
        published: true,
      });
      const address = req.ip ? req.ip.slice(0, 64) : null;
      const regulators = about ? (await recipients(ctx.db, [])).regulatorsOf(about.regionCode) : [];
      const send = mine ? ctx.changeAsSystem.bind(ctx) : ctx.change.bind(ctx);
      // About a mine: written as the system, since row-level security's check that the sender sees
      // the mine cannot hold for the public (see above); the route checked it is public.
      const saved = await send(req, async (tx) => {
        const f = await tx.feedback.add({
          areaId: area?.id ?? null,
          mineId: mine?.id ?? null,
          category: b.category ?? "other",
          point: b.point ?? null,
          organisationId: about?.organisationId ?? null,
          regionCode: about?.regionCode ?? null,
          name: b.name?.trim() || null,
          contact: b.contact?.trim() || null,
          message,
          address,
        });
        await tx.inbox.send(
          regulators.map((userId) => ({
            userId,
            kind: "reply" as const,
            subject: { kind: "feedback", id: f.id },
            text: {
              key: "inbox.feedback-received",
              values: { about: about?.name ?? { term: "supervision.portal" } },
            },
          })),
        );
        return {
          value: f,
          audit: {
            action: "feedback.send",
            resource: {
              kind: "area",
              organisationId: f.organisationId,
              regionCode: f.regionCode as RegionCode | null,
              published: true,
            },
            kind: "feedback",
            id: f.id,
            after: feedbackJson(f),
          },
        };
      });
      return reply.status(201).send({ id: saved.id });
    },
  );

  app.get(
    "/api/feedback",
    {
      config: { access: { action: "feedback.read" } },
      schema: {
        summary:
          "feedback from the public about areas in the actor's jurisdiction (all for administrators), newest first",
        querystring: z.object({
          areaId: z.string().regex(STORED_ID).optional(),
          mineId: z.string().regex(STORED_ID).optional(),
          status: z.enum(FEEDBACK_STATUSES).optional(),
          category: z.enum(FEEDBACK_CATEGORIES).optional(),
          before: z.string().regex(STORED_ID).optional().describe("the previous page's next"),
          limit: z.coerce.number().int().min(1).max(FEEDBACK_PAGE_MAX).default(100),
        }),
        response: { 200: feedbackPageSchema, ...errors("bad-input") },
      },
    },
    async (req) => {
      const page = await ctx.feedback.list(queryScope(req.actor, "feedback.read"), {
        ...(req.query.areaId ? { areaId: req.query.areaId } : {}),
        ...(req.query.mineId ? { mineId: req.query.mineId } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
        ...(req.query.category ? { category: req.query.category } : {}),
        ...(req.query.before ? { before: req.query.before } : {}),
        limit: req.query.limit,
      });
      return { items: page.items.map(feedbackJson), next: page.next };
    },
  );

  app.post(
    "/api/feedback/:id/reply",
    {
      config: { access: { action: "feedback.reply" } },
      schema: {
        summary:
          "reply to a feedback message, set its status (received → in-progress → handled, never back) and whether it and the reply are public",
        params: idParams,
        body: feedbackReplyInput,
        response: { 200: feedbackSchema, ...errors("bad-input", "not-found", "forbidden", "not-finished") },
      },
    },
    async (req) => {
      const resourceOf = (f: Feedback) => ({
        kind: "area" as const,
        organisationId: f.organisationId,
        regionCode: f.regionCode as RegionCode | null,
      });
      const before = await findFor(req.actor, "feedback.reply", {
        read: "feedback.read",
        what: "feedback",
        id: req.params.id,
        load: async (scope) => (isId(req.params.id) ? ctx.feedback.get(req.params.id, scope) : undefined),
        resource: resourceOf,
      });
      if (statusRank(req.body.status) < statusRank(before.status))
        throw new ApiError(
          "not-finished",
          `feedback ${before.id} is ${before.status}: its status goes forward only`,
          [
            {
              path: "status",
              message: `must be ${FEEDBACK_STATUSES.slice(statusRank(before.status)).join(" or ")}`,
            },
          ],
        );
      const a = req.actor;
      const by = a.kind === "user" ? a.userId : a.kind === "token" ? a.createdBy : null;
      if (by === null) throw new ApiError("not-signed-in", "sign in first");
      const after = await ctx.change(req, async (tx) => {
        await tx.feedback.reply(before.id, {
          reply: req.body.reply.trim(),
          status: req.body.status,
          public: req.body.public,
          by,
        });
        const f = (await tx.feedback.get(before.id, { kind: "everything" }))!;
        return {
          value: f,
          audit: {
            action: "feedback.reply" as const,
            resource: resourceOf(f),
            kind: "feedback" as const,
            id: f.id,
            before: feedbackJson(before),
            after: feedbackJson(f),
          },
        };
      });
      return feedbackJson(after);
    },
  );

  app.get(
    "/api/public/feedback",
    {
      config: { access: "public" },
      schema: {
        summary:
          "the feedback messages a regulator made public, with their reply and status (never the sender's name, contact or address), newest first",
        querystring: z
          .object({
            mineId: z.string().regex(STORED_ID).optional(),
            areaId: z.string().regex(STORED_ID).optional(),
          })
          .strict(),
        response: { 200: z.array(publicFeedbackSchema), ...errors("bad-input") },
      },
    },
    async (req) =>
      (
        await ctx.feedback.listPublic({
          ...(req.query.mineId ? { mineId: req.query.mineId } : {}),
          ...(req.query.areaId ? { areaId: req.query.areaId } : {}),
        })
      ).map(publicFeedbackJson),
  );

  publicMineRoutes(app, ctx);
}
