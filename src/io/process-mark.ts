import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { hostname } from "node:os";

/**
 * Who wrote a temporary entry: host, process id and the process's start time. A process id alone is
 * reused (in a container the server is often pid 1 after every restart); with the start time, a
 * new process that got an old id is told apart from the one that wrote the entry.
 */
export interface ProcessMark {
  readonly host: string;
  readonly pid: number;
  /** Start time in clock ticks since boot (Linux /proc/<pid>/stat field 22), or "0" where unknown. */
  readonly start: string;
}

/** Host names as they can stand in a file name ("+" separates the parts of a mark). */
const safeHost = (h: string) => h.replace(/[^A-Za-z0-9.-]/g, "_") || "host";

/**
 * The start time of a process from /proc: a string of clock ticks, `null` when there is no such
 * process, `undefined` when this system has no /proc (then only the pid can be checked).
 */
export function processStart(pid: number): string | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return undefined;
    return hasProc() ? null : undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? undefined; // field 22 overall; fields[0] is field 3
}

let procSeen: boolean | undefined;
function hasProc(): boolean {
  if (procSeen === undefined) {
    try {
      readFileSync("/proc/self/stat", "utf8");
      procSeen = true;
    } catch {
      procSeen = false;
    }
  }
  return procSeen;
}

let own: ProcessMark | undefined;
/** This process's mark. */
export function currentProcessMark(): ProcessMark {
  own ??= { host: safeHost(hostname()), pid: process.pid, start: processStart(process.pid) ?? "0" };
  return own;
}

/** The mark as the start of a file name: `host+pid+start`. */
export const formatMark = (m: ProcessMark) => `${safeHost(m.host)}+${m.pid}+${m.start}`;

/** The mark at the start of a file name (followed by "-"), or undefined when the name has none. */
export function parseMark(name: string): ProcessMark | undefined {
  const m = /^([A-Za-z0-9._-]+)\+(\d+)\+(\d+)-/.exec(name);
  return m ? { host: m[1]!, pid: Number(m[2]), start: m[3]! } : undefined;
}

/**
 * Whether the process of a mark may still be running: true for marks of other hosts (this host
 * cannot see their processes), false only when this host's process of that id is gone or is
 * another process that started at another time.
 */
export function mayBeAlive(m: ProcessMark): boolean {
  const me = currentProcessMark();
  if (m.host !== me.host) return true;
  if (m.pid === me.pid && m.start === me.start) return true;
  const start = processStart(m.pid);
  if (start === null) return false;
  if (start !== undefined) return start === m.start || m.start === "0";
  try {
    process.kill(m.pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the entries of `dir` named `<prefix><mark>-…` whose writer is dead (see mayBeAlive) and
 * returns their names. Entries with the prefix but no mark are removed only when `unmarked` says
 * so, those of other hosts only when `foreign` says so; entries without the prefix are never touched. An entry that cannot be removed is left.
 */
export function removeDeadEntries(
  dir: string,
  o: {
    prefix?: string;
    unmarked?: (path: string) => boolean;
    /** Whether an entry of another host (whose processes this one cannot see) is stale anyway. */
    foreign?: (path: string) => boolean;
  } = {},
): string[] {
  const prefix = o.prefix ?? "";
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed; // no folder, nothing left behind
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dir, name);
    const mark = parseMark(name.slice(prefix.length));
    try {
      const stale = !mark
        ? o.unmarked?.(path) === true
        : mark.host !== currentProcessMark().host
          ? o.foreign?.(path) === true
          : !mayBeAlive(mark);
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove (permissions): leave it.
    }
  }
  return removed;
}
