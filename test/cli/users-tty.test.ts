import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cliInProcess } from "../helpers/run-cli-in-process.ts";

const work = mkdtempSync(join(tmpdir(), "mc-users-tty-"));
const data = join(work, "data");
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A terminal that types one line each time the command starts listening for keys. */
class FakeTerminal extends PassThrough {
  readonly isTTY = true;
  raw = false;
  constructor(lines: string[]) {
    super();
    this.on("newListener", (event) => {
      if (event !== "data") return;
      const line = lines.shift();
      if (line !== undefined) setImmediate(() => this.write(line));
    });
  }
  setRawMode(on: boolean): this {
    this.raw = on;
    return this;
  }
}

function cli(args: string[], terminal: FakeTerminal) {
  vi.stubEnv("DATABASE_URL", "");
  vi.spyOn(process, "stdin", "get").mockReturnValue(terminal as unknown as typeof process.stdin);
  return cliInProcess(...args, "--data", data);
}

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", "");
  expect((await cliInProcess("regions", "add", "140000", "--name", "Shanxi", "--data", data)).code).toBe(0);
  const dept = await cliInProcess(
    "orgs",
    "add",
    "--kind",
    "department",
    "--name",
    "Shanxi NR",
    "--region",
    "140000",
    "--department-kind",
    "natural-resources",
    "--level",
    "province",
    "--data",
    data,
  );
  expect(dept.code).toBe(0);
  vi.unstubAllEnvs();
});

describe("users add at a terminal", () => {
  it("asks for the password twice without echo (raw mode; backspace edits)", async () => {
    const terminal = new FakeTerminal(["Str0ng-passw\u007fword!\r", "Str0ng-password!\r"]);
    const r = await cli(["users", "add", "reg-sx", "--org", "2", "--role", "regulator"], terminal);
    expect(r).toMatchObject({ code: 0, out: "added user reg-sx (id 1)\n" });
    expect(r.err).toBe("Password for reg-sx: \nThe same password again: \n");
    expect(terminal.raw).toBe(false);
  });

  it("refuses two different entries, and Ctrl+C gives up", async () => {
    const differ = await cli(
      ["users", "add", "reg-2", "--org", "2", "--role", "regulator"],
      new FakeTerminal(["Str0ng-password!\r", "Str0ng-password?\r"]),
    );
    expect(differ.code).toBe(2);
    expect(differ.err).toContain("the two entries differ");
    const cancelled = await cli(
      ["users", "add", "reg-2", "--org", "2", "--role", "regulator", "--lang", "zh"],
      new FakeTerminal(["Str0ng\u0003"]),
    );
    expect(cancelled.code).toBe(2);
    expect(cancelled.err).toContain("reg-2 的密码：");
    expect(cancelled.err).toContain("cancelled");
  });
});
