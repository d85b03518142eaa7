import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { InputError } from "../domain/validation/input-issue.ts";
import { currentProcessMark, formatMark, processStart, removeDeadEntries } from "./process-mark.ts";

/** Why the file system refused, in words a user can act on. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  if (code === "ENAMETOOLONG") return "the path is too long";
  return (e as Error).message;
}

const isFileSystemError = (e: unknown) =>
  typeof (e as NodeJS.ErrnoException)?.code === "string" && !(e instanceof InputError);

/**
 * The folder an output option names, created when missing. A path that is a file, or a folder that
 * cannot be made, is bad input naming the option — never an internal error.
 */
export function outputFolder(path: string, option = "--out"): string {
  const dir = resolve(path);
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory())
    throw new InputError(option, [
      { path: "", message: `${path} is a file; give a folder (it is created when missing)` },
    ]);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if (!isFileSystemError(e)) throw e;
    throw new InputError(option, [{ path: "", message: `cannot create the folder ${path}: ${reason(e)}` }]);
  }
  return dir;
}

/**
 * Writes a file that appears only when complete: the bytes go to a partial file beside it, which is
 * renamed into place (or removed on failure). The folder must exist and the path must not be one.
 */
export function writeFileWhole(path: string, bytes: Uint8Array | string, option = "--out"): void {
  const target = resolve(path);
  const folder = statSync(dirname(target), { throwIfNoEntry: false });
  if (!folder?.isDirectory())
    throw new InputError(option, [
      {
        path: "",
        message: `the folder ${dirname(path)} does not exist${folder ? " (it is a file)" : ""}; create it first or write elsewhere`,
      },
    ]);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError(option, [{ path: "", message: `${path} is a folder; give a file name` }]);
  removeDeadPartials(dirname(target), basename(target));
  const partial = `${target}${partialSuffix()}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    if (!isFileSystemError(e)) throw e;
    throw new InputError(option, [{ path: "", message: `cannot write ${path}: ${reason(e)}` }]);
  }
}

/**
 * The suffix of this process's partial outputs: `.partial-<host>+<pid>+<start>-`, the writer's mark
 * (process-mark.ts), so that a later run can tell a dead writer's leftovers from a live one's.
 */
export const partialSuffix = () => `.partial-${formatMark(currentProcessMark())}-`;

/**
 * Removes what killed runs left in `folder`: `.partial-<mark>-` folders (and `<name>.partial-<mark>-`
 * files when `name` is given) whose writer is dead, and the `.partial-<pid>` folders of versions
 * before the mark when that pid runs no more. What a live run is writing is kept. Returns the names
 * removed.
 */
export function removeDeadPartials(folder: string, name = ""): string[] {
  return removeDeadEntries(folder, {
    prefix: `${name}.partial-`,
    unmarked: (path) => {
      const pid = /\.partial-(\d+)$/.exec(path)?.[1];
      return pid !== undefined && processStart(Number(pid)) === null;
    },
  });
}
