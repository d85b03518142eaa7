import { z } from "zod";
import { areaKeyFigures, areaSeries } from "../../app/area-overview.ts";
import { areaLayers } from "../../app/area-layers.ts";
import {
  feedbackInput,
  feedbackPageSchema,
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
import { areaResource, type MiningArea } from "../../storage/mining-area-repository.ts";
import type { ApiApp } from "../api-app.ts";
import { ApiError, notFound } from "../api-error.ts";
import { authorise } from "../auth/authorise.ts";
import { isId, type AppContext } from "../context.ts";
import { FEEDBACK_LIMIT, feedbackLimit } from "../rate-limits.ts";
import { errors, file, idParams } from "../route-schema.ts";
import { sendFile } from "./area-routes.ts";

const langQuery = z.object({
  lang: z.enum(LANGS).default("en").describe("language of the figures' sources"),
});

/** The public URL of a published area's land-use layer of `year` (`v` changes with the map and colours). */
const publicLayerUrl = (areaId: string, year: number, privateUrl: string) =>
  `/api/public/areas/${areaId}/maps/${year}/layer.png${privateUrl.slice(privateUrl.indexOf("?"))}`;

const feedbackJson = (f: Feedback) => ({
  id: f.id,
  areaId: f.areaId,
  organisationId: f.organisationId,
  regionCode: f.regionCode,
  name: f.name,
  contact: f.contact,
  message: f.message,
  createdAt: f.createdAt.toISOString(),
});

/**
 * The public portal: published areas with their key figures, series and latest land-use map, for
 * anyone (access "public"; what is read is scoped by `published.read`, so an unpublished area is
 * not found whoever asks here). No inputs, no raw maps, no boundaries of mining rights. And the
 * public's feedback: sent by anyone (rate-limited per address, audited), read by regulators within
 * their jurisdiction (`feedback.read`).
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
      const area = b.areaId !== undefined ? await publishedArea(req.actor, b.areaId) : undefined;
      // Anyone may send feedback about a published area, or about the portal (a published page).
      authorise(
        req.actor,
        "feedback.send",
        area ? areaResource(area) : { kind: "area", organisationId: null, regionCode: null, published: true },
      );
      const address = req.ip ? req.ip.slice(0, 64) : null;
      const saved = await ctx.change(req, async (tx) => {
        const f = await tx.feedback.add({
          areaId: area?.id ?? null,
          organisationId: area?.organisationId ?? null,
          regionCode: area?.regionCode ?? null,
          name: b.name?.trim() || null,
          contact: b.contact?.trim() || null,
          message,
          address,
        });
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
          before: z.string().regex(STORED_ID).optional().describe("the previous page's next"),
          limit: z.coerce.number().int().min(1).max(FEEDBACK_PAGE_MAX).default(100),
        }),
        response: { 200: feedbackPageSchema, ...errors("bad-input") },
      },
    },
    async (req) => {
      const page = await ctx.feedback.list(queryScope(req.actor, "feedback.read"), {
        ...(req.query.areaId ? { areaId: req.query.areaId } : {}),
        ...(req.query.before ? { before: req.query.before } : {}),
        limit: req.query.limit,
      });
      return { items: page.items.map(feedbackJson), next: page.next };
    },
  );
}
