import { ERROR_CODES, errorCodeOf } from "../contract/error-codes.ts";

/** The exit code of an error, from the error table: 2 for errors in what the user gave, 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return ERROR_CODES[errorCodeOf(error)].exit;
}

/** True for the errors that mean the input is wrong, not the program (exit code 2 in the error table). */
export function isBadInput(error: unknown): boolean {
  return exitCodeOf(error) === 2;
}

/** The message to print for an error: bad input as it is; anything else as an internal failure to report. */
export function describeError(error: unknown): string {
  if (isBadInput(error)) return `error: ${(error as Error).message}`;
  const e = error as Error;
  return `internal error: ${e?.message ?? String(error)}\nThis is a bug in MineCarbon, not in your input; please report it with the command you ran.${
    process.env.MINECARBON_DEBUG ? `\n${e?.stack ?? ""}` : " (set MINECARBON_DEBUG=1 for the stack)"
  }`;
}
