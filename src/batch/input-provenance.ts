import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { sha256File } from "../io/sha256-file.ts";

/** Size and modification time of a file, and its SHA-256 when asked for. */
export async function fileProvenance(
  path: string,
  sha256: boolean,
): Promise<{ path: string; bytes: number; modified: string; mtimeNs: string; sha256?: string }> {
  const st = statSync(path, { bigint: true });
  return {
    path,
    bytes: Number(st.size),
    modified: new Date(Number(st.mtimeMs)).toISOString(),
    mtimeNs: String(st.mtimeNs),
    ...(sha256 ? { sha256: await sha256File(path) } : {}),
  };
}

/** SHA-256 of a small file (mines, legend, pools, rules), hex. */
export const sha256Small = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
