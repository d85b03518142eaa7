import { readFileSync, statSync } from "node:fs";
import { MAX_TEXT_FILE_BYTES } from "../domain/common/input-bounds.ts";
import { InputError } from "../domain/validation/input-issue.ts";

/**
 * A text input file read whole as UTF-8, once it is known to be a readable file of at most
 * MAX_TEXT_FILE_BYTES; otherwise an InputError naming the file and what is wrong (no such file, a
 * folder, too large).
 */
export function readTextFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_FILE_BYTES)
      throw new InputError(path, [
        {
          path: "",
          message: `must be at most ${MAX_TEXT_FILE_BYTES / 2 ** 20} MiB (no input file of MineCarbon is near it); got ${(size / 2 ** 20).toFixed(1)} MiB`,
        },
      ]);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT"
        ? "no such file"
        : err.code === "EISDIR"
          ? "it is a folder, not a file"
          : err.message;
    throw new InputError(path, [{ path: "", message: `cannot be read: ${why}` }]);
  }
}
