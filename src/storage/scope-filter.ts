import { sql, type Expression, type SqlBool } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";

/**
 * The columns of a table (or of a query's joined tables) that a QueryScope's criteria read, as
 * references such as "mines.organisation_id". A criterion the table has no column for matches no
 * row: a table without a `published` column shows the public nothing, never everything.
 */
export interface ScopeColumns {
  /** The organisation owning the row (for the organisations table, its id). */
  readonly organisation: string | null;
  /** The region code the row lies in (six digits of GB/T 2260). */
  readonly region: string | null;
  /** A boolean column: the row is published to the public. */
  readonly published?: string;
  /** The user the row belongs to (for the users table, its id). */
  readonly user?: string;
  /**
   * Rows the given verification bodies are assigned to, as a condition (e.g. an EXISTS over
   * area_verifiers); omitted: no row is assigned to anyone.
   */
  readonly assignedVia?: (organisationIds: readonly string[]) => Expression<SqlBool>;
}

const FALSE = sql<SqlBool>`false`;
const TRUE = sql<SqlBool>`true`;

/**
 * The SQL condition of `scope` on a table: a row passes when it matches any of the scope's criteria.
 * `everything` is `true`; `nothing`, and a scope none of whose criteria the table has a column
 * for, is `false` — a forgotten or empty grant returns nothing, never everything. Use it as
 * `.where(scopeWhere(scope, columns))`.
 */
export function scopeWhere(scope: QueryScope, columns: ScopeColumns): Expression<SqlBool> {
  if (scope.kind === "everything") return TRUE;
  if (scope.kind === "nothing") return FALSE;
  const any: Expression<SqlBool>[] = [];
  if (columns.organisation !== null && scope.organisationIds.length > 0)
    any.push(sql<SqlBool>`${sql.ref(columns.organisation)} in (${sql.join(scope.organisationIds)})`);
  if (columns.region !== null)
    for (const prefix of scope.regionPrefixes) {
      // The policy never gives "" (the nation is `everything`); a prefix is digits, so LIKE needs no escape.
      if (!/^\d{2,6}$/.test(prefix))
        throw new RangeError(`a region prefix is 2 to 6 digits; got "${prefix}"`);
      any.push(sql<SqlBool>`${sql.ref(columns.region)} like ${`${prefix}%`}`);
    }
  if (columns.published !== undefined && scope.published)
    any.push(sql<SqlBool>`${sql.ref(columns.published)} = true`);
  if (columns.user !== undefined && scope.userIds.length > 0)
    any.push(sql<SqlBool>`${sql.ref(columns.user)} in (${sql.join(scope.userIds)})`);
  if (columns.assignedVia !== undefined && scope.assignedTo.length > 0)
    any.push(columns.assignedVia(scope.assignedTo));
  if (any.length === 0) return FALSE;
  return sql<SqlBool>`(${sql.join(any, sql` or `)})`;
}
