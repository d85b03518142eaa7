import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  mineAreaSchema,
  mineInput,
  minePatch,
  mineRecordSchema,
  type MineRecord,
} from "../../contract/mine.ts";
import { queryScope } from "../../domain/access/policy.ts";
import { isRegionCode, isWithinRegion } from "../../domain/access/region-code.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { mineResource, type Mine } from "../../storage/mine-repository.ts";
import { findFor } from "../access/find-for.ts";
import type { ApiApp } from "../api-app.ts";
import { authorise } from "../auth/authorise.ts";
import type { AppContext } from "../context.ts";
import { errors, idParams } from "../route-schema.ts";

export const mineJson = (m: Mine): MineRecord => ({
  id: m.id,
  organisationId: m.organisationId,
  regionCode: m.regionCode,
  name: m.name,
  nameZh: m.nameZh,
  stage: m.stage,
  miningRightBoundary: m.miningRightBoundary,
  productionArea: m.productionArea,
  livingArea: m.livingArea,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

/**
 * Mines: the register a regulator keeps of the mines in its jurisdiction, each owned by an
 * enterprise. Listed and read as the policy scopes `mine.read` (an enterprise its own, a regulator
 * its jurisdiction's, a verifier those of the areas it is assigned to); a mine the actor may not
 * read is not found (404), one it may read but not change is refused (403).
 */
export function mineRoutes(app: ApiApp, ctx: AppContext): void {
  /** The mine of an id from the URL for `action`: 404 when the actor may not read it, 403 when it may not act. */
  const mineFor = (req: FastifyRequest, id: string, action: "mine.read" | "mine.update") =>
    findFor(req.actor, action, {
      read: "mine.read",
      what: "mine",
      id,
      load: (scope) => ctx.mines.getScoped(id, scope),
      resource: mineResource,
    });

  app.get(
    "/api/mines",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the mines the actor may see (its own, its jurisdiction's or those assigned to it), by id",
        response: { 200: z.array(mineRecordSchema) },
      },
    },
    async (req) => (await ctx.mines.list(queryScope(req.actor, "mine.read"))).map(mineJson),
  );

  app.get(
    "/api/mines/:id",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "a mine",
        params: idParams,
        response: { 200: mineRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => mineJson(await mineFor(req, req.params.id, "mine.read")),
  );

  app.post(
    "/api/mines",
    {
      config: { access: { action: "mine.create" } },
      schema: {
        summary:
          "register a mine (a regulator, within its jurisdiction; the owning enterprise must lie in the jurisdiction too)",
        body: mineInput,
        response: { 201: mineRecordSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const actor = req.actor;
      // The owner must be an enterprise the regulator supervises; one outside is answered as unknown
      // (on PostgreSQL row-level security hides it anyway: the same answer either way).
      const org = await ctx.organisations.get(body.organisationId);
      const jurisdiction = actor.kind === "anonymous" ? null : actor.jurisdiction;
      if (jurisdiction !== null && (!org || !isWithinRegion(org.regionCode, jurisdiction)))
        throw new InputError(`mine "${body.name}"`, [
          {
            path: "organisationId",
            message: `no enterprise ${body.organisationId} within your jurisdiction`,
          },
        ]);
      if (isRegionCode(body.regionCode))
        authorise(actor, "mine.create", {
          kind: "mine",
          organisationId: body.organisationId,
          regionCode: body.regionCode,
        });
      const created = await ctx.change(req, async (tx) => {
        const m = await tx.mines.add(body);
        return {
          value: m,
          audit: { action: "mine.create", resource: mineResource(m), id: m.id, after: mineJson(m) },
        };
      });
      return reply.status(201).send(mineJson(created));
    },
  );

  app.patch(
    "/api/mines/:id",
    {
      config: { access: { action: "mine.update" } },
      schema: {
        summary: "change a mine's stage, names or boundaries",
        params: idParams,
        body: minePatch,
        response: { 200: mineRecordSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const before = await mineFor(req, req.params.id, "mine.update");
      const after = await ctx.change(req, async (tx) => {
        const m = (await tx.mines.update(before.id, req.body))!;
        return {
          value: m,
          audit: {
            action: "mine.update",
            resource: mineResource(m),
            id: m.id,
            before: mineJson(before),
            after: mineJson(m),
          },
        };
      });
      return mineJson(after);
    },
  );

  app.get(
    "/api/mines/:id/areas",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the analysis areas holding the mine that the actor may read",
        params: idParams,
        response: { 200: z.array(mineAreaSchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const m = await mineFor(req, req.params.id, "mine.read");
      const areas = await ctx.areas.list(queryScope(req.actor, "area.read"));
      return areas
        .filter((a) => a.mineIds.includes(m.id))
        .map((a) => ({
          id: a.id,
          name: a.name,
          nameZh: a.nameZh,
          organisationId: a.organisationId,
          regionCode: a.regionCode,
          published: a.published,
        }));
    },
  );
}
