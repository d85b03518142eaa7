import type { z } from "zod";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";

/**
 * A stored value that does not fit its declared schema (src/contract/): a row written by an older
 * version or by hand. Named by table, row id, column and path, and answered as "stored-invalid"
 * (500 with this message, since the row and not the request is at fault); never skipped.
 */
export class StoredRowInvalid extends Error {
  readonly code = "stored-invalid";
  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly column: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(
      `stored ${table} row ${rowId} does not fit its schema: ${problems
        .slice(0, 5)
        .map(
          (p) => `${column}${p.path ? (p.path.startsWith("[") ? p.path : `.${p.path}`) : ""}: ${p.message}`,
        )
        .join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`,
    );
  }
}

/** Parses a stored column against its schema, once, where it is read; a misfit throws StoredRowInvalid. */
export function parseStored<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: { table: string; id: string; column: string },
): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new StoredRowInvalid(where.table, where.id, where.column, zodIssuesToInputIssues(r.error, value));
}
