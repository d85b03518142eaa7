import { z } from "zod";
import { LEGEND_ROLES } from "./area.ts";
import { userText } from "../domain/validation/user-text.ts";
import { storedId } from "./stored-id.ts";

/** The land-use roles a rule may name: the legend's roles (src/contract/area.ts). */
export const RULE_ROLES = Object.keys(LEGEND_ROLES) as readonly string[];

const role = z
  .string()
  .max(60)
  .meta({ description: `a land-use role of the legend (${RULE_ROLES.join(", ")})` });
const roles = z.array(role).max(40);
const tolerance = z.number().min(0).max(1e6).meta({
  description:
    "area (ha) under which a breach is not reported: the maps' smallest reliable patch; 0 by default",
});

/**
 * The rule itself (src/domain/manage/control-rule.ts ControlRule without id and name), as stored in
 * control_rules.rule and answered. Version 1.
 */
const ruleBody = <T extends z.ZodType>(toleranceHa: T) =>
  z.discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("no-conversion").meta({
          description:
            'land of `fromRoles` may not become land of `toRoles` ("arable land may not be converted to construction or mining land")',
        }),
        fromRoles: roles,
        toRoles: roles,
        toleranceHa,
      })
      .strict(),
    z
      .object({
        kind: z.literal("reclaim-by").meta({
          description: 'the plot is reclaimed to `toRoles` by `deadlineYear` ("reclaim to forest by 2028")',
        }),
        deadlineYear: z.number().int().min(1990).max(2100),
        toRoles: roles,
        toleranceHa,
      })
      .strict(),
    z
      .object({
        kind: z.literal("cap").meta({
          description: 'at most `capHa` ha of `role` land in the plot ("construction land capped at N ha")',
        }),
        role,
        capHa: z.number().min(0).max(1e7).meta({ description: "the cap, ha" }),
        toleranceHa,
      })
      .strict(),
    z
      .object({
        kind: z.literal("allowed-uses").meta({ description: "only `roles` are allowed in the plot" }),
        roles,
        toleranceHa,
      })
      .strict(),
  ]);

/** A rule as answered and stored (toleranceHa always there). */
export const ruleBodySchema = ruleBody(tolerance);
/** A rule as entered (toleranceHa 0 when left out). */
export const ruleBodyInput = ruleBody(tolerance.default(0));
export type RuleBody = z.output<typeof ruleBodySchema>;

const notBlank = (s: string) => s.trim().length > 0;
const name = userText(200).min(1).refine(notBlank, "must not be blank");
const basis = userText(1000)
  .min(1)
  .refine(notBlank, "must not be blank")
  .meta({ description: "the legal or planning basis (a plan, a permit, a regulation's article); required" });

/** `POST /api/control-rules`: a department adds a rule to its own table. */
export const controlRuleInput = z
  .object({
    name,
    nameZh: name.nullable().optional(),
    basis,
    rule: ruleBodyInput,
  })
  .strict();

/** `PATCH /api/control-rules/{id}`: any of the fields. */
export const controlRulePatch = z
  .object({
    name: name.optional(),
    nameZh: name.nullable().optional(),
    basis: basis.optional(),
    rule: ruleBodyInput.optional(),
  })
  .strict();

/** A rule of a department's table as the API answers it. Version 1. */
export const controlRuleRecordSchema = z
  .object({
    id: storedId,
    organisationId: z.string().meta({ description: "the department whose table holds it" }),
    regionCode: z
      .string()
      .meta({ description: "the department's region (GB/T 2260): where the rule applies" }),
    name: z.string(),
    nameZh: z.string().nullable(),
    basis: z.string(),
    rule: ruleBodySchema,
    plots: z.number().int().meta({ description: "how many plots are under the rule" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    retiredAt: z
      .string()
      .nullable()
      .meta({ description: "when it was retired (kept: plots and history name it)" }),
  })
  .meta({ id: "ControlRule" });
export type ControlRuleRecord = z.infer<typeof controlRuleRecordSchema>;
