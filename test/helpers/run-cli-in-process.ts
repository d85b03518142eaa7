import { main } from "../../src/cli/main.ts";

/** Runs the CLI in this process (fast); what it prints to stdout and stderr, and its exit code. */
export async function cliInProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const write = process.stderr.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await main(["node", "minecarbon", ...args], (s) => (out += s));
    return { code, out, err };
  } finally {
    process.stderr.write = write;
  }
}
