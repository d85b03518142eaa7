import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { RULE_ROLES } from "../../../contract/control-rule.ts";
import { targetInput, targetPatch, targetRecordSchema, type TargetBody } from "../../../contract/target.ts";
import { grantsFor } from "../../../domain/access/policy.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { targetProblems, type Target } from "../../../domain/manage/target.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { mineResource, type Mine } from "../../../storage/mine-repository.ts";
import { targetJson, type StoredTarget } from "../../../storage/target-repository.ts";
import { findFor } from "../../access/find-for.ts";
import { ApiError } from "../../api-error.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { nothing } from "./rule-routes.ts";
import { CONFLICT, mineFor } from "./plot-routes.ts";

/** The problems of a target (target.ts targetProblems) at `target.<field>`, and a capped role the legend knows. */
export function targetIssues(body: TargetBody, setBy: Target["setBy"]): InputIssue[] {
  const issues = targetProblems({ ...body, id: "", setBy } as Target).map((p) => ({
    path: `target.${p.path}`,
    message: p.message,
  }));
  if (body.kind === "land-use-cap" && body.role.trim() !== "" && !RULE_ROLES.includes(body.role))
    issues.push({
      path: "target.role",
      message: `must be one of ${RULE_ROLES.join(", ")}; got "${body.role}"`,
    });
  return issues;
}

/** Who sets a target: the regulator (target.set) or the enterprise (target.propose, a sub-target). */
const actionOf = (setBy: Target["setBy"]) => (setBy === "regulator" ? "target.set" : "target.propose");

/** The kind of target an actor sets: the regulator's when it holds target.set, else the enterprise's sub-target. */
const setByOf = (actor: Actor): Target["setBy"] =>
  grantsFor(actor, "target.set").some((g) => g.scope !== "published") ? "regulator" : "enterprise";

/**
 * Targets of a mine (issue 13): the regulator's (target.set) and the enterprise's own sub-targets
 * (target.propose). The route decides which kind a new target is by the action the actor holds, and
 * a target is changed and withdrawn only under the action of its kind: an enterprise may not set,
 * change or withdraw a regulator's target, nor a regulator an enterprise's sub-target. Withdrawn,
 * never deleted (evaluations of past years read them). The write routes declare `signed-in` and
 * ask the policy for the action of the target's kind themselves (a route declares one action).
 */
export function targetRoutes(app: ApiApp, ctx: AppContext): void {
  const targetFor = (req: FastifyRequest, id: string, action?: "mine.read") =>
    findFor<{ target: StoredTarget; mine: Mine }>(req.actor, action ?? "mine.read", {
      read: "mine.read",
      what: "target",
      id,
      load: async (scope) => {
        const target = await ctx.targets.get(id);
        const mine = target && (await ctx.mines.getScoped(target.mineId, scope));
        return target && mine ? { target, mine } : undefined;
      },
      resource: ({ mine }) => mineResource(mine),
    });
  /** The target for changing it: under the action of its kind (404 when the mine is not readable, 403 otherwise). */
  const targetToChange = async (req: FastifyRequest, id: string) => {
    const found = await targetFor(req, id);
    return findFor(req.actor, actionOf(found.target.setBy), {
      read: "mine.read",
      what: "target",
      id,
      load: async () => found,
      resource: ({ mine }) => mineResource(mine),
    });
  };

  app.get(
    "/api/mines/:id/targets",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary:
          "the mine's targets, the regulator's and the enterprise's sub-targets, withdrawn ones flagged",
        params: idParams,
        response: { 200: z.array(targetRecordSchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "mine.read");
      return (await ctx.targets.forMine(mine.id)).map(targetJson);
    },
  );

  app.get(
    "/api/targets/:id",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "a target",
        params: idParams,
        response: { 200: targetRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => targetJson((await targetFor(req, req.params.id)).target),
  );

  app.post(
    "/api/mines/:id/targets",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "set a target: a regulator's (target.set) or, for an enterprise, its own sub-target (target.propose) — by which action the actor holds",
        params: idParams,
        body: targetInput,
        response: { 201: targetRecordSchema, ...errors("bad-input", "not-found", "forbidden") },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      const setBy = setByOf(actor);
      const mine = await mineFor(ctx, req, req.params.id, actionOf(setBy));
      const issues = targetIssues(req.body.target, setBy);
      if (issues.length) throw new InputError(`target of mine ${mine.id}`, issues);
      const created = await ctx.change(req, async (tx) => {
        const t = await tx.targets.add({
          mineId: mine.id,
          setBy,
          setByOrganisationId: actor.kind === "anonymous" ? "" : actor.organisationId,
          target: req.body.target,
          note: req.body.note ?? null,
        });
        return {
          value: t,
          audit: {
            action: actionOf(setBy),
            resource: mineResource(mine),
            kind: "target",
            id: t.id,
            after: targetJson(t),
          },
        };
      });
      return reply.status(201).send(targetJson(created));
    },
  );

  app.patch(
    "/api/targets/:id",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "change a target's measure or note (target.set for a regulator's target, target.propose for a sub-target); a withdrawn one is not changed",
        params: idParams,
        body: targetPatch,
        response: { 200: targetRecordSchema, ...errors("bad-input", "not-found", "forbidden", CONFLICT) },
      },
    },
    async (req) => {
      const { target, mine } = await targetToChange(req, req.params.id);
      if (target.withdrawnAt !== null)
        throw new ApiError(CONFLICT, `target ${target.id} was withdrawn; set a new one instead`);
      if (req.body.target) {
        const issues = targetIssues(req.body.target, target.setBy);
        if (issues.length) throw new InputError(`target ${target.id}`, issues);
      }
      const after = await ctx.change(req, async (tx) => {
        const t = (await tx.targets.update(target.id, req.body))!;
        return {
          value: t,
          audit: {
            action: actionOf(t.setBy),
            resource: mineResource(mine),
            kind: "target",
            id: t.id,
            before: targetJson(target),
            after: targetJson(t),
          },
        };
      });
      return targetJson(after);
    },
  );

  app.post(
    "/api/targets/:id/withdraw",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "withdraw a target (kept, flagged withdrawn: evaluations of past years still read it)",
        params: idParams,
        body: nothing,
        response: { 200: targetRecordSchema, ...errors("not-found", "forbidden") },
      },
    },
    async (req) => {
      const { target, mine } = await targetToChange(req, req.params.id);
      if (target.withdrawnAt !== null) return targetJson(target);
      const after = await ctx.change(req, async (tx) => {
        const t = (await tx.targets.withdraw(target.id))!;
        return {
          value: t,
          audit: {
            action: actionOf(t.setBy),
            resource: mineResource(mine),
            kind: "target",
            id: t.id,
            before: targetJson(target),
            after: targetJson(t),
          },
        };
      });
      return targetJson(after);
    },
  );
}
