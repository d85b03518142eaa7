import type { ColumnType, Generated, Kysely, Selectable } from "kysely";
import { scenarioSchema, type Scenario } from "../domain/pathway/scenario-spec.ts";
import { z } from "zod";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** migration 011_mine_pathway.sql: a mine's pathway plans, one row per change (append-only). */
export interface MinePathwaysTable {
  id: Generated<string>;
  mine_id: string;
  scenario: ColumnType<unknown, string, string>;
  baseline: ColumnType<unknown, string, string>;
  stored_by: string;
  stored_by_organisation_id: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module "./schema.ts" {
  interface Database {
    mine_pathways: MinePathwaysTable;
  }
}

/** A mine's pathway plan as stored: the scenario, the baseline inventory it starts from, who and when. */
export interface StoredMinePathway {
  readonly id: string;
  readonly mineId: string;
  readonly scenario: Scenario;
  /** The plan's baseline: a mine-inventory document (parsed by the domain where it is used). */
  readonly baseline: Record<string, unknown>;
  readonly storedBy: string;
  readonly storedByOrganisationId: string;
  readonly createdAt: Date;
}

const baselineSchema = z.record(z.string(), z.unknown());

const toPathway = (r: Selectable<Database["mine_pathways"]>): StoredMinePathway => ({
  id: String(r.id),
  mineId: String(r.mine_id),
  scenario: parseStored(scenarioSchema, r.scenario, {
    table: "mine_pathways",
    id: String(r.id),
    column: "scenario",
  }),
  baseline: parseStored(baselineSchema, r.baseline, {
    table: "mine_pathways",
    id: String(r.id),
    column: "baseline",
  }),
  storedBy: String(r.stored_by),
  storedByOrganisationId: String(r.stored_by_organisation_id),
  createdAt: new Date(r.created_at),
});

/**
 * The pathway plan of each mine (issue 13, seed 002's evaluate-and-adjust): every change is a new
 * row, the newest is the plan in force; earlier plans stay (the table is append-only).
 */
export class MinePathwayRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The plan in force for the mine (its newest row), or undefined. */
  async current(mineId: string): Promise<StoredMinePathway | undefined> {
    if (!isRowId(mineId)) return undefined;
    const r = await this.db
      .selectFrom("mine_pathways")
      .selectAll()
      .where("mine_id", "=", mineId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return r ? toPathway(r) : undefined;
  }

  /** Every plan the mine has had, oldest first. */
  async history(mineId: string): Promise<StoredMinePathway[]> {
    if (!isRowId(mineId)) return [];
    const rows = await this.db
      .selectFrom("mine_pathways")
      .selectAll()
      .where("mine_id", "=", mineId)
      .orderBy("id")
      .execute();
    return rows.map(toPathway);
  }

  /** Stores a new plan for the mine; it is in force from now on. */
  async store(p: {
    mineId: string;
    scenario: Scenario;
    baseline: Record<string, unknown>;
    storedBy: string;
    storedByOrganisationId: string;
  }): Promise<StoredMinePathway> {
    const r = await this.db
      .insertInto("mine_pathways")
      .values({
        mine_id: p.mineId,
        scenario: JSON.stringify(p.scenario),
        baseline: JSON.stringify(p.baseline),
        stored_by: p.storedBy,
        stored_by_organisation_id: p.storedByOrganisationId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPathway(r);
  }
}
