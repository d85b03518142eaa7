import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  spotCheckInput,
  spotCheckResultInput,
  spotCheckResultParams,
  spotCheckSchema,
} from "../../../contract/spot-check.ts";
import { queryScope, type ResourceRef } from "../../../domain/access/policy.ts";
import type { RegionCode } from "../../../domain/access/region-code.ts";
import { drawSample, SPOT_CHECK_METHOD, sizeOfShare } from "../../../app/manage/spot-check-draw.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError, notFound } from "../../api-error.ts";
import { authorise } from "../../auth/authorise.ts";
import { isId, type AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { minesIn, regionOfRequest } from "./supervision-routes.ts";

/**
 * Spot checks (issue 13; docs/supervision.md): the regulator draws a reproducible random sample of
 * its jurisdiction's mines (spot-check-draw.ts; the seed and the population are stored) and records
 * what each inspection found, for drawn mines only.
 */
export function spotCheckRoutes(app: ApiApp, ctx: AppContext): void {
  const checkRef = (c: { organisationId: string; regionCode: string }): ResourceRef => ({
    kind: "mine",
    organisationId: c.organisationId,
    regionCode: c.regionCode as RegionCode,
  });
  const checkFor = (
    req: Parameters<typeof regionOfRequest>[0],
    id: string,
    action: "mine.read" | "supervision.run",
  ) =>
    findFor(req.actor, action, {
      read: "supervision.run",
      what: "spot check",
      id,
      load: async () => (isId(id) ? ctx.spotChecks.get(id, SPOT_CHECK_METHOD) : undefined),
      resource: checkRef,
    });

  app.post(
    "/api/spot-checks",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary:
          "draw a reproducible random sample of the jurisdiction's mines (or one region's) for inspection: the seed and the population are stored",
        body: spotCheckInput,
        response: { 201: spotCheckSchema, ...errors("bad-input", "forbidden") },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const ref = regionOfRequest(req, "supervision.run", b.regionCode);
      const a = req.actor;
      if (a.kind === "anonymous") throw new ApiError("not-signed-in", "sign in first");
      const population = (await minesIn(ctx, req, "supervision.run", ref.regionCode)).map((m) => m.id);
      if (population.length === 0)
        throw new ApiError("bad-input", "there is no mine to draw from", [
          { path: "regionCode", message: "holds no mine of your jurisdiction" },
        ]);
      const size = b.sampleSize ?? sizeOfShare(b.sampleShare!, population.length);
      const seed = b.seed ?? randomBytes(8).toString("hex");
      const drawn = drawSample(population, size, seed);
      const created = await ctx.change(req, async (tx) => {
        const id = await tx.spotChecks.add({
          organisationId: a.organisationId,
          regionCode: ref.regionCode!,
          year: b.year,
          seed,
          population: [...population].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)),
          drawn,
          createdBy: a.kind === "user" ? a.userId : a.createdBy,
        });
        const c = (await tx.spotChecks.get(id, SPOT_CHECK_METHOD))!;
        return {
          value: c,
          audit: {
            action: "supervision.run" as const,
            resource: checkRef(c),
            kind: "spot-check" as const,
            id,
            after: c,
          },
        };
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/spot-checks",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary: "the spot checks of the actor's jurisdiction, newest first, with their results",
        response: { 200: z.array(spotCheckSchema) },
      },
    },
    async (req) => ctx.spotChecks.list(queryScope(req.actor, "supervision.run"), SPOT_CHECK_METHOD),
  );

  app.get(
    "/api/spot-checks/:id",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary: "a spot check: its seed, population, the mines drawn and the results",
        params: idParams,
        response: { 200: spotCheckSchema, ...errors("not-found") },
      },
    },
    async (req) => checkFor(req, req.params.id, "supervision.run"),
  );

  app.put(
    "/api/spot-checks/:id/results/:mineId",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary: "record what the inspection of a drawn mine found (again: replaces it)",
        params: spotCheckResultParams,
        body: spotCheckResultInput,
        response: { 200: spotCheckSchema, ...errors("bad-input", "not-found", "forbidden") },
      },
    },
    async (req) => {
      const c = await checkFor(req, req.params.id, "supervision.run");
      const mineId = req.params.mineId;
      if (!c.drawn.includes(mineId)) throw notFound(`drawn mine of spot check ${c.id}:`, mineId);
      const a = req.actor;
      if (a.kind === "anonymous") throw new ApiError("not-signed-in", "sign in first");
      const mine = await ctx.mines.getScoped(mineId, queryScope(a, "supervision.run"));
      if (!mine) throw notFound("mine", mineId);
      authorise(a, "supervision.run", mineResource(mine));
      return ctx.change(req, async (tx) => {
        await tx.spotChecks.record({
          spotCheckId: c.id,
          mineId,
          outcome: req.body.outcome,
          finding: req.body.finding,
          recordedBy: a.kind === "user" ? a.userId : a.createdBy,
        });
        const after = (await tx.spotChecks.get(c.id, SPOT_CHECK_METHOD))!;
        return {
          value: after,
          audit: {
            action: "supervision.run" as const,
            resource: mineResource(mine),
            kind: "spot-check" as const,
            id: c.id,
            before: c,
            after,
          },
        };
      });
    },
  );
}
