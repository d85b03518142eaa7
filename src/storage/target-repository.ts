import type { Kysely, Selectable } from "kysely";
import { targetBodySchema, type TargetBody, type TargetRecord } from "../contract/target.ts";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A target of a mine, as stored. */
export interface StoredTarget {
  readonly id: string;
  readonly mineId: string;
  readonly setBy: "regulator" | "enterprise";
  readonly setByOrganisationId: string;
  readonly target: TargetBody;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly withdrawnAt: Date | null;
}

export const targetJson = (t: StoredTarget): TargetRecord => ({
  id: t.id,
  mineId: t.mineId,
  setBy: t.setBy,
  setByOrganisationId: t.setByOrganisationId,
  target: t.target,
  note: t.note,
  withdrawn: t.withdrawnAt !== null,
  withdrawnAt: t.withdrawnAt === null ? null : t.withdrawnAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const toTarget = (r: Selectable<Database["targets"]>): StoredTarget => ({
  id: String(r.id),
  mineId: String(r.mine_id),
  setBy: r.set_by,
  setByOrganisationId: String(r.set_by_organisation_id),
  target: parseStored(targetBodySchema, r.target, { table: "targets", id: String(r.id), column: "target" }),
  note: r.note,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at),
});

/**
 * Targets of mines (issue 13): the regulator's and the enterprise's own sub-targets. Withdrawn,
 * never deleted: evaluations of past years still read them.
 */
export class TargetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<StoredTarget | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db.selectFrom("targets").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toTarget(r) : undefined;
  }

  /** A mine's targets by id, withdrawn ones included (they carry `withdrawnAt`). */
  async forMine(mineId: string): Promise<StoredTarget[]> {
    if (!isRowId(mineId)) return [];
    const rows = await this.db
      .selectFrom("targets")
      .selectAll()
      .where("mine_id", "=", mineId)
      .orderBy("id")
      .execute();
    return rows.map(toTarget);
  }

  async add(t: {
    mineId: string;
    setBy: "regulator" | "enterprise";
    setByOrganisationId: string;
    target: TargetBody;
    note?: string | null;
  }): Promise<StoredTarget> {
    const r = await this.db
      .insertInto("targets")
      .values({
        mine_id: t.mineId,
        set_by: t.setBy,
        set_by_organisation_id: t.setByOrganisationId,
        target: JSON.stringify(t.target),
        note: t.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTarget(r);
  }

  async update(
    id: string,
    change: { target?: TargetBody; note?: string | null },
  ): Promise<StoredTarget | undefined> {
    const r = await this.db
      .updateTable("targets")
      .set({
        updated_at: new Date(),
        ...(change.target !== undefined ? { target: JSON.stringify(change.target) } : {}),
        ...(change.note !== undefined ? { note: change.note } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toTarget(r) : undefined;
  }

  /** Withdraws a target (kept, with the time); undefined when it was already withdrawn or is not there. */
  async withdraw(id: string, at: Date = new Date()): Promise<StoredTarget | undefined> {
    const r = await this.db
      .updateTable("targets")
      .set({ withdrawn_at: at, updated_at: at })
      .where("id", "=", id)
      .where("withdrawn_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    return r ? toTarget(r) : undefined;
  }
}
