import { describe, expect, it } from "vitest";
import { BatchProgress } from "../../src/batch/batch-progress.ts";

const stream = (isTTY: boolean) => {
  const s = { isTTY, text: "", write: (t: string) => ((s.text += t), true) };
  return s;
};

describe("BatchProgress", () => {
  it("draws mines done, pixels per second and time left on a terminal", () => {
    const s = stream(true);
    const bar = new BatchProgress(s as unknown as NodeJS.WriteStream, 2, 2_000_000);
    bar.add(1_000_000);
    bar.add(1_000_000);
    bar.finish();
    expect(s.text).toMatch(/2\/2 mines · [\d.]+ Mpx\/s · 0:00 left/);
    expect(s.text.endsWith("\n")).toBe(true);
  });

  it("draws nothing when stderr is not a terminal (a log file, a pipe)", () => {
    const s = stream(false);
    const bar = new BatchProgress(s as unknown as NodeJS.WriteStream, 1, 10);
    bar.add(10);
    bar.finish();
    expect(s.text).toBe("");
  });

  it("takes the mines and pixels done as totals (a queued batch reads them from the database)", () => {
    const s = stream(true);
    const bar = new BatchProgress(s as unknown as NodeJS.WriteStream, 4, 4_000_000);
    bar.set(4, 4_000_000);
    bar.finish();
    expect(s.text).toMatch(/4\/4 mines · [\d.]+ Mpx\/s · 0:00 left/);
  });
});
