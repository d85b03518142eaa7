/** 2 for errors in what the user gave (every error class with code "bad-input"), 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return isBadInput(error) ? 2 : 1;
}

/** True for the errors that mean the input is wrong, not the program. */
export function isBadInput(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "bad-input" || code === "gas-basis-mismatch" || code === "non-finite-quantity";
}

/** The message to print for an error: bad input as it is; anything else as an internal failure to report. */
export function describeError(error: unknown): string {
  if (isBadInput(error)) return `error: ${(error as Error).message}`;
  const e = error as Error;
  return `internal error: ${e?.message ?? String(error)}\nThis is a bug in MineCarbon, not in your input; please report it with the command you ran.${
    process.env.MINECARBON_DEBUG ? `\n${e?.stack ?? ""}` : " (set MINECARBON_DEBUG=1 for the stack)"
  }`;
}
