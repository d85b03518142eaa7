import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataFolder } from "../../src/app/data-folder.ts";
import {
  currentProcessMark,
  formatMark,
  mayBeAlive,
  parseMark,
  processStart,
  removeDeadEntries,
  type ProcessMark,
} from "../../src/io/process-mark.ts";
import { serve } from "../../src/server/serve.ts";

const dir = mkdtempSync(join(tmpdir(), "mc-leftovers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UUID = "0b5e8c1e-7a6f-4c1e-9d3a-2f4b6c8d0e1f";
/** Linux has /proc: there the start time tells a reused process id from the writer. */
const HAS_PROC = processStart(process.pid) !== undefined;

/** A process that runs until killed, and its mark. */
async function liveProcess(): Promise<{ child: ChildProcess; mark: ProcessMark }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1 << 30)"], { stdio: "ignore" });
  await new Promise((r) => child.once("spawn", r));
  const me = currentProcessMark();
  return { child, mark: { host: me.host, pid: child.pid!, start: processStart(child.pid!) ?? "0" } };
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once("exit", r));
}

/** Writes a tmp entry as a process of `mark` would: a partial upload or a job's inputs folder. */
function entry(folder: DataFolder, mark: ProcessMark | undefined, suffix: string): string {
  const name = `${mark ? `${formatMark(mark)}-` : ""}${UUID}${suffix}`;
  const path = join(folder.root, "tmp", name);
  mkdirSync(join(folder.root, "tmp"), { recursive: true });
  if (suffix.endsWith("-inputs")) {
    mkdirSync(path);
    writeFileSync(join(path, "legend.csv"), "code,name\n1,a\n");
  } else writeFileSync(path, "half an upload");
  return name;
}

describe("process marks", () => {
  it("round-trips through a file name and ignores names without one", () => {
    const m = currentProcessMark();
    expect(parseMark(`${formatMark(m)}-${UUID}.tif`)).toEqual(m);
    expect(parseMark(`${UUID}.tif`)).toBeUndefined();
    expect(parseMark("notes.txt")).toBeUndefined();
    expect(mayBeAlive(m)).toBe(true);
  });

  it("tells a process that ended from one that runs", async () => {
    const { child, mark } = await liveProcess();
    expect(mayBeAlive(mark)).toBe(true);
    child.kill("SIGKILL");
    await ended(child);
    expect(mayBeAlive(mark)).toBe(false);
  });

  it.runIf(HAS_PROC)("tells this process from an earlier one that had its id (start time differs)", () => {
    const me = currentProcessMark();
    expect(mayBeAlive({ ...me, start: String(Number(me.start) + 1) })).toBe(false);
  });

  it("cannot see other hosts' processes, so takes them to be alive", () => {
    expect(mayBeAlive({ host: "another-host.example", pid: 1, start: "1" })).toBe(true);
  });
});

describe("removeDeadEntries(dir, {prefix})", () => {
  it("removes only prefixed entries of dead writers (the web bundle's build folders)", async () => {
    const cache = join(dir, "cache");
    mkdirSync(cache, { recursive: true });
    const dead = await liveProcess();
    dead.child.kill("SIGKILL");
    await ended(dead.child);
    const deadBuild = `minecarbon-web.${formatMark(dead.mark)}-1700000000000`;
    const liveBuild = `minecarbon-web.${formatMark(currentProcessMark())}-1700000000001`;
    for (const name of [deadBuild, liveBuild, "minecarbon-web", `other.${formatMark(dead.mark)}-1`])
      mkdirSync(join(cache, name));
    expect(removeDeadEntries(cache, { prefix: "minecarbon-web." })).toEqual([deadBuild]);
    expect(readdirSync(cache).sort()).toEqual(
      ["minecarbon-web", liveBuild, `other.${formatMark(dead.mark)}-1`].sort(),
    );
  });
});

describe("DataFolder.removeLeftovers()", () => {
  it("removes what dead processes left in tmp and keeps what live ones are writing", async () => {
    const folder = new DataFolder(join(dir, "shared"));
    const live = await liveProcess();
    const dead = await liveProcess();
    dead.child.kill("SIGKILL");
    await ended(dead.child);
    try {
      const mine = folder.temp("-inputs");
      mkdirSync(mine);
      const names = {
        deadUpload: entry(folder, dead.mark, ".tif"),
        deadInputs: entry(folder, dead.mark, "-inputs"),
        liveUpload: entry(folder, live.mark, ".tif"),
        otherHost: entry(folder, { host: "another-host.example", pid: 4242, start: "99" }, "-inputs"),
        oldOtherHost: entry(folder, { host: "recreated-container", pid: 1, start: "7" }, ".tif"),
        oldUnmarked: entry(folder, undefined, "-inputs"),
      };
      // A re-created container's leftover, eight days old: its host will never come back to it.
      const eightDaysAgo = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
      utimesSync(join(folder.root, "tmp", names.oldOtherHost), eightDaysAgo, eightDaysAgo);
      const newUnmarked = `1${UUID.slice(1)}.tif`;
      writeFileSync(join(folder.root, "tmp", newUnmarked), "recent, unmarked");
      // An entry from before entries were marked, two days old.
      const twoDaysAgo = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
      utimesSync(join(folder.root, "tmp", names.oldUnmarked), twoDaysAgo, twoDaysAgo);

      const removed = folder.removeLeftovers();
      expect(removed.sort()).toEqual(
        [names.deadUpload, names.deadInputs, names.oldUnmarked, names.oldOtherHost].sort(),
      );
      expect(readdirSync(join(folder.root, "tmp")).sort()).toEqual(
        [names.liveUpload, names.otherHost, newUnmarked, mine.split("/").pop()!].sort(),
      );
      expect(existsSync(join(mine))).toBe(true);

      // When the live writer dies too, the next start removes its entry.
      live.child.kill("SIGKILL");
      await ended(live.child);
      expect(folder.removeLeftovers()).toEqual([names.liveUpload]);
    } finally {
      live.child.kill("SIGKILL");
    }
  });

  it("runs when the server starts: a killed upload and a killed job's inputs are gone after a restart", async () => {
    const data = join(dir, "server");
    const folder = new DataFolder(data);
    const dead = await liveProcess();
    dead.child.kill("SIGKILL");
    await ended(dead.child);
    const upload = entry(folder, dead.mark, ".tif");
    const inputs = entry(folder, dead.mark, "-inputs");
    const s = await serve({ port: 0, dataDir: data, demo: false });
    try {
      expect(s.leftovers.sort()).toEqual([upload, inputs].sort());
      expect(readdirSync(join(data, "tmp"))).toEqual([]);
    } finally {
      await s.stop();
    }
  }, 120_000);
});
