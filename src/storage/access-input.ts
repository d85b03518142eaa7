import { isStoredId } from "../contract/stored-id.ts";
import { TEXT_BOUNDS } from "../domain/common/input-bounds.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { textProblem } from "../domain/validation/user-text.ts";

/**
 * Checks of the inputs of the access repositories (regions, organisations, users, mines) shared by
 * them: a name of 1 to 200 characters a database can store, and ids of the form the tables use.
 */
export function nameIssues(path: string, value: string | null | undefined, required: boolean): InputIssue[] {
  if (value === null || value === undefined) return required ? [{ path, message: "is required" }] : [];
  if (value.trim().length === 0) return [{ path, message: "must not be empty" }];
  if (value.length > TEXT_BOUNDS.name)
    return [{ path, message: `must be at most ${TEXT_BOUNDS.name} characters long` }];
  const problem = textProblem(value);
  return problem ? [{ path, message: problem }] : [];
}

/** True when `id` has the form of a row id (the tables' bigint identities): src/contract's STORED_ID. */
export const isRowId = isStoredId;
