import { z } from "zod";
import { userText } from "../domain/validation/user-text.ts";
import { storedId } from "./stored-id.ts";

const year = z.number().int().min(1990).max(2100);

/** One item of `PUT /api/mines/{id}/reclamation-plan`: what a plot is reclaimed to, when, for how much. */
export const planItemInput = z
  .object({
    plotId: storedId,
    targetRole: z
      .string()
      .min(1)
      .max(60)
      .meta({ description: "the land-use role the plot is reclaimed to (forest …)" }),
    species: userText(200).nullable().optional().meta({ description: "what is planted" }),
    startYear: year,
    dueYear: year,
    budgetCny: z.number().min(0).max(1e12).meta({ description: "budget, CNY" }),
  })
  .strict();

/** `PUT /api/mines/{id}/reclamation-plan`: the whole plan (it replaces the stored one). */
export const reclamationPlanInput = z.object({ items: z.array(planItemInput).max(10_000) }).strict();

export const planItemSchema = planItemInput.extend({
  id: storedId,
  plotName: z.string(),
  species: z.string().nullable(),
  updatedAt: z.string(),
});

/** A mine's reclamation plan. Version 1. */
export const reclamationPlanSchema = z
  .object({
    mineId: z.string(),
    items: z.array(planItemSchema),
    totalBudgetCny: z.number(),
  })
  .meta({ id: "ReclamationPlan" });
export type ReclamationPlan = z.infer<typeof reclamationPlanSchema>;

/** The plan's progress: per item, what the plot's observed land use says. Version 1. */
export const reclamationProgressSchema = z
  .object({
    mineId: z.string(),
    items: z.array(
      z.object({
        itemId: z.string(),
        plotId: z.string(),
        plotName: z.string(),
        targetRole: z.string(),
        dueYear: z.number().int(),
        plotAreaHa: z.number(),
        observedYear: z
          .number()
          .int()
          .nullable()
          .meta({ description: "the year of the map observed; null: not observed" }),
        targetRoleHa: z.number().nullable().meta({ description: "area in the target role in that map, ha" }),
        targetRoleShare: z
          .number()
          .nullable()
          .meta({ description: "share of the observed plot in the target role, 0–1" }),
        status: z.enum(["not-observed", "done", "on-schedule", "overdue"]).meta({
          description:
            "done: the map shows the whole plot (within 1 %) in the target role; overdue: not done on a map after the due year; on-schedule otherwise",
        }),
      }),
    ),
  })
  .meta({ id: "ReclamationProgress" });
export type ReclamationProgress = z.infer<typeof reclamationProgressSchema>;
