import type { Kysely } from "kysely";
import { isRowId } from "./access-input.ts";
import type { Database } from "./schema.ts";

/** One item of a mine's reclamation plan, as stored. */
export interface PlanItem {
  readonly id: string;
  readonly plotId: string;
  readonly plotName: string;
  readonly targetRole: string;
  readonly species: string | null;
  readonly startYear: number;
  readonly dueYear: number;
  readonly budgetCny: number;
  readonly updatedAt: Date;
}

export interface PlanItemInput {
  readonly plotId: string;
  readonly targetRole: string;
  readonly species?: string | null;
  readonly startYear: number;
  readonly dueYear: number;
  readonly budgetCny: number;
}

/** Reclamation plans (issue 13): one item per plot of the mine; the plan is replaced whole. */
export class ReclamationPlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The plan's items, by plot id. */
  async forMine(mineId: string): Promise<PlanItem[]> {
    if (!isRowId(mineId)) return [];
    const rows = await this.db
      .selectFrom("reclamation_plan_items as i")
      .innerJoin("plots as p", "p.id", "i.plot_id")
      .selectAll("i")
      .select("p.name as plot_name")
      .where("i.mine_id", "=", mineId)
      .orderBy("i.plot_id")
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      plotId: String(r.plot_id),
      plotName: r.plot_name,
      targetRole: r.target_role,
      species: r.species,
      startYear: r.start_year,
      dueYear: r.due_year,
      budgetCny: Number(r.budget_cny),
      updatedAt: new Date(r.updated_at),
    }));
  }

  /** Replaces the mine's plan with `items` (the caller checked each plot is the mine's). */
  async replace(mineId: string, items: readonly PlanItemInput[]): Promise<PlanItem[]> {
    await this.db.deleteFrom("reclamation_plan_items").where("mine_id", "=", mineId).execute();
    if (items.length)
      await this.db
        .insertInto("reclamation_plan_items")
        .values(
          items.map((i) => ({
            mine_id: mineId,
            plot_id: i.plotId,
            target_role: i.targetRole,
            species: i.species ?? null,
            start_year: i.startYear,
            due_year: i.dueYear,
            budget_cny: i.budgetCny,
          })),
        )
        .execute();
    return this.forMine(mineId);
  }
}
