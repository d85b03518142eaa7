import { z } from "zod";
import {
  organisationInput,
  organisationPatch,
  organisationSchema,
  regionInput,
  regionSchema,
} from "../../../contract/admin.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { queryScope, type ResourceRef } from "../../../domain/access/policy.ts";
import { isRegionCode, type RegionCode } from "../../../domain/access/region-code.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { ApiError } from "../../api-error.ts";
import { authorise } from "../../auth/authorise.ts";
import type { AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { orgResource } from "./records.ts";

/**
 * Regions (public reference data, added by administrators) and organisations: listed as the policy
 * scopes `organisation.read`, added, disabled and enabled by administrators.
 */
export function organisationRoutes(app: ApiApp, ctx: AppContext): void {
  /** The organisation of an id for `action`: 404 when the actor may not read it, 403 when it may not act. */
  const organisationFor = (actor: Actor, id: string, action: ActionId) =>
    findFor(actor, action, {
      read: "organisation.read",
      what: "organisation",
      id,
      load: () => ctx.organisations.get(id),
      resource: orgResource,
    });

  // Regions ------------------------------------------------------------------------------------
  app.get(
    "/api/regions",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "the regions of GB/T 2260 the system knows (public reference data), by code",
        response: { 200: z.array(regionSchema), ...errors("not-signed-in") },
      },
    },
    async () => ctx.regions.list(),
  );
  app.post(
    "/api/regions",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary: "add a region below its parent (administrators)",
        body: regionInput,
        response: { 201: regionSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const ref: ResourceRef = {
        kind: "organisation",
        organisationId: null,
        regionCode: req.body.code as RegionCode,
      };
      authorise(req.actor, "organisation.manage", ref);
      const region = await ctx.change(req, async (tx) => {
        const r = await tx.regions.add(req.body);
        return {
          value: r,
          audit: { action: "organisation.manage", resource: ref, kind: "region", id: r.code, after: r },
        };
      });
      return reply.status(201).send(region);
    },
  );

  // Organisations ------------------------------------------------------------------------------
  app.get(
    "/api/organisations",
    {
      config: { access: { action: "organisation.read" } },
      schema: {
        summary:
          "the organisations the actor may see (its own; a regulator's jurisdiction; all for administrators)",
        response: { 200: z.array(organisationSchema) },
      },
    },
    async (req) => ctx.organisations.list(queryScope(req.actor, "organisation.read")),
  );
  app.post(
    "/api/organisations",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary: "add an organisation: a department, an enterprise or a verification body (administrators)",
        body: organisationInput,
        response: { 201: organisationSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      authorise(req.actor, "organisation.manage", {
        kind: "organisation",
        organisationId: null,
        regionCode: isRegionCode(req.body.regionCode) ? req.body.regionCode : null,
      });
      const org = await ctx.change(req, async (tx) => {
        const o = await tx.organisations.add(req.body);
        return {
          value: o,
          audit: { action: "organisation.manage", resource: orgResource(o), id: o.id, after: o },
        };
      });
      return reply.status(201).send(org);
    },
  );
  app.patch(
    "/api/organisations/:id",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary:
          "disable an organisation (its users cannot sign in, its sessions and API tokens stop) or enable it",
        params: idParams,
        body: organisationPatch,
        response: { 200: organisationSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const before = await organisationFor(req.actor, req.params.id, "organisation.manage");
      if (req.body.disabled && req.actor.kind !== "anonymous" && req.actor.organisationId === before.id)
        throw new ApiError("bad-input", "an administrator cannot disable their own organisation", [
          { path: "disabled", message: "would lock you out: ask another administrator" },
        ]);
      return ctx.change(req, async (tx) => {
        const after = (await tx.organisations.setDisabled(before.id, req.body.disabled))!;
        return {
          value: after,
          audit: {
            action: "organisation.manage",
            resource: orgResource(after),
            id: after.id,
            before,
            after,
          },
        };
      });
    },
  );
}
