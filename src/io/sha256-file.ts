import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 of a file, hex, read as a stream (maps can be gigabytes). */
export async function sha256File(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest("hex");
}
