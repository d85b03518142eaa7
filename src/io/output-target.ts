import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../domain/validation/input-issue.ts";

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

/** The suffix of this process's partial outputs: `.partial-<pid>`. */
export const partialSuffix = (pid = process.pid) => `.partial-${pid}`;

/** Whether a process of this id runs on this machine (a process we may not signal still runs). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what killed runs left in `folder`: `.partial-<pid>` folders and `<name>.partial-<pid>`
 * files whose process is gone. Those of live processes (another run writing now) are kept.
 * Returns the names removed.
 */
export function removeDeadPartials(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /\.partial-(\d+)$/.exec(name);
    if (!m || Number(m[1]) === process.pid || isProcessAlive(Number(m[1]))) continue;
    rmSync(join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
