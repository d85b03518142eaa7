import { describe, expect, it } from "vitest";
import { LoginGate } from "./login-gate.ts";

/** A check that ends when `finish` is called, recording when it started. */
function pending(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { check: async () => (started.push(name), await done, name), finish };
}

describe("LoginGate", () => {
  it("runs `running` checks at once, queues `waiting` more in order and turns the rest away", async () => {
    const gate = new LoginGate(1, 2);
    const started: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => pending(started, n));
    const ra = gate.run(a!.check);
    const rb = gate.run(b!.check);
    const rc = gate.run(c!.check);
    expect(await gate.run(d!.check)).toBeUndefined();
    await Promise.resolve();
    expect(started).toEqual(["a"]);
    a!.finish();
    expect(await ra).toEqual({ value: "a" });
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(["a", "b"]);
    b!.finish();
    c!.finish();
    expect(await Promise.all([rb, rc])).toEqual([{ value: "b" }, { value: "c" }]);
    // Everything freed: a new check starts at once.
    const e = pending(started, "e");
    const re = gate.run(e.check);
    await Promise.resolve();
    expect(started.at(-1)).toBe("e");
    e.finish();
    expect(await re).toEqual({ value: "e" });
  });

  it("frees its place when a check fails", async () => {
    const gate = new LoginGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await gate.run(async () => 1)).toEqual({ value: 1 });
  });
});
