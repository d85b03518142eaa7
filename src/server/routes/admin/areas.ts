import { z } from "zod";
import {
  areaOwnerAnswer,
  publishInput,
  transferInput,
  verificationBodySchema,
  verifierInput,
} from "../../../contract/admin.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import type { Organisation } from "../../../domain/access/organisation.ts";
import { SYSTEM_SCOPE } from "../../../domain/access/policy.ts";
import { asSystem } from "../../../storage/row-scope.ts";
import { isRegionCode, isWithinRegion, type RegionCode } from "../../../domain/access/region-code.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { areaResource, type MiningArea } from "../../../storage/mining-area-repository.ts";
import type { ApiApp } from "../../api-app.ts";
import { authorise } from "../../auth/authorise.ts";
import { isId, type AppContext, type Repositories } from "../../context.ts";
import { errors, idParam, idParams } from "../../route-schema.ts";
import { orgResource } from "./records.ts";

/** An area's owner fields: what these routes answer and what the trail's before/after records digest. */
const areaOwnerRecord = (a: MiningArea) => ({
  id: a.id,
  organisationId: a.organisationId,
  regionCode: a.regionCode,
  published: a.published,
  verifierOrganisationIds: [...a.verifierOrganisationIds],
});

const bodyJson = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  nameZh: o.nameZh,
  regionCode: o.regionCode,
});

/** `DELETE /api/areas/{id}/verifiers/{organisationId}`. */
const assignmentParams = idParams.extend({
  organisationId: idParam.meta({ description: "the verification body's id" }),
});

/**
 * Areas' owners, publication and verification bodies: the owner publishes an area and chooses who
 * verifies it (`area.update`); the administrator hands an area to another owner
 * (`organisation.manage`). Every change writes one audit event in the transaction that makes it.
 */
export function areaAdminRoutes(app: ApiApp, ctx: AppContext): void {
  /**
   * Verification bodies: accredited bodies are public reference data, which an enterprise assigning
   * one (or a reader of an area's assignments) may see although the organisations it may read are
   * only its own. Listed in SYSTEM_SCOPE (no scope of the actor's); row-level security lets everyone
   * read them (migration 007's `organisations` read policy), so no `asSystem`: any other
   * organisation stays hidden from who may not read it.
   */
  const enabledBodies = () => ctx.organisations.list(SYSTEM_SCOPE, { kind: "verification-body" });
  const bodyOf = (id: string) => ctx.organisations.get(id);

  /** Changes an area with its audit event; answers the owner fields after. */
  const changeArea = (
    req: Parameters<AppContext["change"]>[0],
    before: MiningArea,
    action: ActionId,
    change: (tx: Repositories) => Promise<unknown>,
  ) =>
    ctx.change(req, async (tx) => {
      await change(tx);
      const after = (await tx.areas.get(before.id, SYSTEM_SCOPE))!;
      return {
        value: areaOwnerRecord(after),
        audit: {
          action,
          resource: areaResource(after),
          id: after.id,
          before: areaOwnerRecord(before),
          after: areaOwnerRecord(after),
        },
      };
    });

  app.post(
    "/api/areas/:id/publish",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary: "show the area on the public portal (published: true) or take it off",
        params: idParams,
        body: publishInput,
        response: { 200: areaOwnerAnswer, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      return changeArea(req, area, "area.update", (tx) =>
        tx.areas.setPublished(area.id, req.body.published, SYSTEM_SCOPE),
      );
    },
  );

  app.post(
    "/api/areas/:id/transfer",
    {
      config: { access: { action: "organisation.manage" } },
      schema: {
        summary:
          "hand an area to another owner and region (administrators; e.g. areas the migration gave to the first organisation)",
        params: idParams,
        body: transferInput,
        response: { 200: areaOwnerAnswer, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const { organisationId, regionCode } = req.body;
      const org = await ctx.organisations.get(organisationId);
      const issues: InputIssue[] = [];
      if (!org) issues.push({ path: "organisationId", message: `no organisation ${organisationId}` });
      else if (org.kind === "verification-body")
        issues.push({
          path: "organisationId",
          message: "a verification body owns no areas (assign it instead)",
        });
      else if (org.disabled)
        issues.push({ path: "organisationId", message: `organisation ${org.id} is disabled` });
      if (!isRegionCode(regionCode) || !(await ctx.regions.get(regionCode)))
        issues.push({ path: "regionCode", message: `region ${regionCode} does not exist` });
      else if (org?.kind === "department" && !isWithinRegion(regionCode, org.regionCode))
        issues.push({
          path: "regionCode",
          message: `must lie within ${org.regionCode}, the jurisdiction of department ${org.id}`,
        });
      if (issues.length || !org) throw new InputError("the transfer", issues);
      authorise(req.actor, "organisation.manage", orgResource(org));
      // The administrator's grant is over organisations, not areas: row-level security gives it no
      // area to write, so the move the policy allowed here is written as the system.
      return asSystem(() =>
        changeArea(req, area, "organisation.manage", (tx) =>
          tx.areas.transfer(area.id, { organisationId: org.id, regionCode: regionCode as RegionCode }),
        ),
      );
    },
  );

  app.get(
    "/api/verification-bodies",
    {
      // Whoever may assign a body to some area (area.update) may see which bodies there are.
      config: { access: { action: "area.update" } },
      schema: {
        summary:
          "the enabled verification bodies (accredited bodies: public knowledge), for those who assign them to areas",
        response: { 200: z.array(verificationBodySchema) },
      },
    },
    async () =>
      // Not the actor's view of organisations: the accredited bodies are reference data (like
      // /api/regions), told only to actors who may assign one to an area.
      (await enabledBodies()).filter((o) => !o.disabled).map(bodyJson),
  );

  app.get(
    "/api/areas/:id/verifiers",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "the verification bodies assigned to the area",
        params: idParams,
        response: { 200: z.array(verificationBodySchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const bodies = await Promise.all(area.verifierOrganisationIds.map(bodyOf));
      return bodies.filter((o) => o !== undefined).map(bodyJson);
    },
  );

  app.post(
    "/api/areas/:id/verifiers",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary: "assign a verification body to the area (it may then read the area and its mines)",
        params: idParams,
        body: verifierInput,
        response: { 200: areaOwnerAnswer, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      const org = await bodyOf(req.body.organisationId);
      if (!org || org.kind !== "verification-body" || org.disabled)
        throw new InputError("the assignment", [
          { path: "organisationId", message: `no enabled verification body ${req.body.organisationId}` },
        ]);
      return changeArea(req, area, "area.update", (tx) => tx.areas.assignVerifier(area.id, org.id));
    },
  );

  app.delete(
    "/api/areas/:id/verifiers/:organisationId",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary:
          "unassign a verification body from the area (it no longer reads the area and its mines); also when it was not assigned",
        params: assignmentParams,
        response: { 200: areaOwnerAnswer, ...errors("not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      const body = req.params.organisationId;
      return changeArea(req, area, "area.update", async (tx) => {
        // An id that is no row's was never assigned: nothing to delete, and the answer says so.
        if (!isId(body)) return;
        await tx.areas.unassignVerifier(area.id, body);
      });
    },
  );
}
