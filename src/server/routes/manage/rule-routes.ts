import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  controlRuleInput,
  controlRulePatch,
  controlRuleRecordSchema,
  RULE_ROLES,
  type RuleBody,
} from "../../../contract/control-rule.ts";
import type { ResourceRef } from "../../../domain/access/policy.ts";
import { isRegionCode } from "../../../domain/access/region-code.ts";
import { controlRuleProblems, type ControlRule } from "../../../domain/manage/control-rule.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { ha } from "../../../units/index.ts";
import {
  controlRuleJson,
  controlRuleResource,
  type StoredControlRule,
} from "../../../storage/control-rule-repository.ts";
import { findFor } from "../../access/find-for.ts";
import { notFound } from "../../api-error.ts";
import type { ApiApp } from "../../api-app.ts";
import { authorise } from "../../auth/authorise.ts";
import type { AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";

/** The body of a write whose URL is the whole request (an empty object, or none). */
export const nothing = z
  .object({})
  .strict()
  .meta({ description: "nothing: the URL is the whole request (send {} or no body)" });

/** The domain's problems of a rule, at `rule.<field>` (and `name`). */
export function ruleIssues(name: string, rule: RuleBody): InputIssue[] {
  const domain = { ...rule, id: "", name, toleranceHa: ha(rule.toleranceHa) } as ControlRule;
  return controlRuleProblems(domain, RULE_ROLES).map((p) => ({
    path: p.path === "name" ? "name" : `rule.${p.path}`,
    message: p.message,
  }));
}

/**
 * A department's table of land-use control rules (issue 13; seed 000 §3.3). Everyone signed in
 * reads the rules (they are regulations: an enterprise must know the rule its plot is under); a
 * regulator adds, changes and retires its own department's (rule.manage). A rule is retired, never
 * deleted: plots and history keep naming it. A write finds the rule through its department: one
 * of a department the actor may not read is not found (404), as every write of the API.
 */
export function ruleRoutes(app: ApiApp, ctx: AppContext): void {
  const ruleFor = (req: FastifyRequest, id: string) =>
    findFor<StoredControlRule>(req.actor, "rule.manage", {
      read: "organisation.read",
      what: "control rule",
      id,
      load: () => ctx.controlRules.get(id),
      resource: controlRuleResource,
    });

  app.get(
    "/api/control-rules",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "the land-use control rules (regulations, readable by everyone signed in); with regionCode, those that apply there (its own and its ancestors' departments')",
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^[1-9]\d{5}$/, "must be a six-digit region code of GB/T 2260")
            .optional(),
          includeRetired: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.array(controlRuleRecordSchema), ...errors("bad-input") },
      },
    },
    async (req) => {
      const code = req.query.regionCode;
      const rules = await ctx.controlRules.list({
        ...(code !== undefined && isRegionCode(code) ? { regionCode: code } : {}),
        includeRetired: req.query.includeRetired === "true",
      });
      return rules.map(controlRuleJson);
    },
  );

  app.get(
    "/api/control-rules/:id",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "a land-use control rule",
        params: idParams,
        response: { 200: controlRuleRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const rule = await ctx.controlRules.get(req.params.id);
      if (!rule) throw notFound("control rule", req.params.id);
      return controlRuleJson(rule);
    },
  );

  app.post(
    "/api/control-rules",
    {
      config: { access: { action: "rule.manage" } },
      schema: {
        summary: "add a rule to the regulator's own department's table (name, basis, the rule)",
        body: controlRuleInput,
        response: { 201: controlRuleRecordSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      const body = req.body;
      // A rule belongs to the regulator's own department and applies in its jurisdiction.
      const jurisdiction = actor.kind === "anonymous" ? null : actor.jurisdiction;
      if (actor.kind === "anonymous" || jurisdiction === null)
        throw new InputError("the rule", [{ path: "", message: "only a department keeps a rule table" }]);
      const organisationId = actor.organisationId;
      const ref: ResourceRef = { kind: "organisation", organisationId, regionCode: jurisdiction };
      authorise(actor, "rule.manage", ref);
      const issues = ruleIssues(body.name, body.rule);
      if (await ctx.controlRules.nameTaken(organisationId, body.name))
        issues.push({ path: "name", message: `your department has a rule named "${body.name.trim()}"` });
      if (issues.length) throw new InputError(`rule "${body.name}"`, issues);
      const created = await ctx.change(req, async (tx) => {
        const r = await tx.controlRules.add({ ...body, organisationId, regionCode: jurisdiction });
        return {
          value: r,
          audit: {
            action: "rule.manage",
            resource: controlRuleResource(r),
            kind: "control-rule",
            id: r.id,
            after: controlRuleJson(r),
          },
        };
      });
      return reply.status(201).send(controlRuleJson(created));
    },
  );

  app.patch(
    "/api/control-rules/:id",
    {
      config: { access: { action: "rule.manage" } },
      schema: {
        summary:
          "change a rule's names, basis or rule (plots under it are judged by the new rule from the next supervision)",
        params: idParams,
        body: controlRulePatch,
        response: { 200: controlRuleRecordSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const before = await ruleFor(req, req.params.id);
      const body = req.body;
      const issues = ruleIssues(body.name ?? before.name, body.rule ?? before.rule);
      if (
        body.name !== undefined &&
        (await ctx.controlRules.nameTaken(before.organisationId, body.name, before.id))
      )
        issues.push({
          path: "name",
          message: `your department has another rule named "${body.name.trim()}"`,
        });
      if (issues.length) throw new InputError(`rule ${before.id}`, issues);
      const after = await ctx.change(req, async (tx) => {
        const r = (await tx.controlRules.update(before.id, body))!;
        return {
          value: r,
          audit: {
            action: "rule.manage",
            resource: controlRuleResource(r),
            kind: "control-rule",
            id: r.id,
            before: controlRuleJson(before),
            after: controlRuleJson(r),
          },
        };
      });
      return controlRuleJson(after);
    },
  );

  app.post(
    "/api/control-rules/:id/retire",
    {
      config: { access: { action: "rule.manage" } },
      schema: {
        summary:
          "retire a rule: it is kept (plots under it keep naming it until a regulator moves them), but no plot can be put under it any more",
        params: idParams,
        body: nothing,
        response: { 200: controlRuleRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const before = await ruleFor(req, req.params.id);
      if (before.retiredAt !== null) return controlRuleJson(before);
      const after = await ctx.change(req, async (tx) => {
        const r = (await tx.controlRules.retire(before.id))!;
        return {
          value: r,
          audit: {
            action: "rule.manage",
            resource: controlRuleResource(r),
            kind: "control-rule",
            id: r.id,
            before: controlRuleJson(before),
            after: controlRuleJson(r),
          },
        };
      });
      return controlRuleJson(after);
    },
  );
}
