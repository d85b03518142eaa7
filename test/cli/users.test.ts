import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { verifyAuditChain } from "../../src/storage/audit-log.ts";
import { openStore, type Store } from "../../src/storage/open-database.ts";
import { creditCodeFor } from "../helpers/credit-code.ts";
import { cliInProcess } from "../helpers/run-cli-in-process.ts";

const work = mkdtempSync(join(tmpdir(), "mc-users-cli-"));
const data = join(work, "data");
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Runs the CLI on the test's data folder with `stdin` as piped standard input. */
function cli(args: string[], stdin = "") {
  // The data folder's PGlite, also where CI sets DATABASE_URL for the storage tests.
  vi.stubEnv("DATABASE_URL", "");
  vi.spyOn(process, "stdin", "get").mockReturnValue(
    Readable.from([stdin]) as unknown as typeof process.stdin,
  );
  return cliInProcess(...args, "--data", data);
}

/** Works on the CLI's store between commands (PGlite serves one process at a time: closed after). */
async function onStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: join(data, "db") });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const client = { address: "192.0.2.9", userAgent: "test" };

describe("minecarbon regions, orgs and users", () => {
  it("adds regions and organisations by the model's rules, and lists them in the language asked", async () => {
    expect((await cli(["regions", "add", "140000", "--name", "Shanxi", "--name-zh", "山西省"])).code).toBe(0);
    expect((await cli(["regions", "add", "140600", "--name", "Shuozhou"])).code).toBe(0);
    const dept = await cli([
      "orgs",
      "add",
      "--kind",
      "department",
      "--name",
      "Shanxi NR",
      "--name-zh",
      "山西省自然资源厅",
      "--region",
      "140000",
      "--department-kind",
      "natural-resources",
      "--level",
      "province",
      "--json",
    ]);
    expect(dept.code).toBe(0);
    expect(JSON.parse(dept.out)).toMatchObject({ id: "2", kind: "department", level: "province" });
    const wrong = await cli([
      "orgs",
      "add",
      "--kind",
      "enterprise",
      "--name",
      "A",
      "--region",
      "140600",
      "--credit-code",
      "91140000X",
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("creditCode");
    const ent = await cli([
      "orgs",
      "add",
      "--kind",
      "enterprise",
      "--name",
      "Mine A",
      "--region",
      "140600",
      "--credit-code",
      creditCodeFor(7),
      "--parent",
      "2",
    ]);
    expect(ent.out).toBe("added organisation 3: Mine A\n");
    const zh = await cli(["orgs", "list", "--lang", "zh"]);
    expect(zh.out).toContain("山西省自然资源厅");
    expect(zh.out).toContain("统一社会信用代码");
    expect(zh.out).toContain("140600 Shuozhou");
  });

  it("adds a user with the password from standard input, never from the command line", async () => {
    const onLine = await cli([
      "users",
      "add",
      "reg-sx",
      "--org",
      "2",
      "--role",
      "regulator",
      "--password",
      "x",
    ]);
    expect(onLine.code).toBe(2);
    expect(onLine.err).toContain("unknown option '--password'");
    const weak = await cli(
      ["users", "add", "reg-sx", "--org", "2", "--role", "regulator"],
      "reg-sx-password\n",
    );
    expect(weak.code).toBe(2);
    expect(weak.err).toContain("must not contain the username");
    const misfit = await cli(
      ["users", "add", "reg-sx", "--org", "2", "--role", "verifier"],
      "Str0ng-password!\n",
    );
    expect(misfit.code).toBe(2);
    expect(misfit.err).toContain("roles[0]: a user of a department cannot be verifier");
    const ok = await cli(
      ["users", "add", "Reg-SX", "--org", "2", "--role", "regulator"],
      "Str0ng-password!\n",
    );
    expect(ok).toMatchObject({ code: 0, out: "added user reg-sx (id 1)\n" });
    expect(
      (
        await cli(
          ["users", "add", "editor-a", "--org", "3", "--role", "enterprise-editor"],
          "Ed1tor-password\r\n",
        )
      ).code,
    ).toBe(0);
    const roles = await cli([
      "users",
      "set-roles",
      "editor-a",
      "--role",
      "enterprise-submitter",
      "--role",
      "enterprise-editor",
      "--lang",
      "zh",
    ]);
    expect(roles.out).toBe("editor-a 现有角色：企业填报人员、企业报送人员\n");
    expect((await cli(["users", "set-roles", "editor-a", "--role", "regulator"])).err).toContain("roles[0]");
    const listed = await cli(["users", "list", "--lang", "zh"]);
    expect(listed.out).toContain("监管人员");
    expect(listed.out).toContain("企业填报人员");
    const login = await onStore((s) =>
      new Identity(s.db, DEFAULT_SESSION_LIFETIMES).login("editor-a", "Ed1tor-password", client),
    );
    expect(login.ok).toBe(true);
  });

  it("disable ends the user's sessions and reset-password makes them change it; each change is audited", async () => {
    const secret = await onStore(async (s) => {
      const r = await new Identity(s.db, DEFAULT_SESSION_LIFETIMES).login(
        "reg-sx",
        "Str0ng-password!",
        client,
      );
      if (!r.ok) throw new Error("login failed");
      return r.sessionSecret;
    });
    const disabled = await cli(["users", "disable", "reg-sx"]);
    expect(disabled).toMatchObject({ code: 0, out: "disabled user reg-sx; ended 1 open session(s)\n" });
    expect(
      await onStore((s) => new Identity(s.db, DEFAULT_SESSION_LIFETIMES).sessionActor(secret)),
    ).toBeUndefined();
    expect((await cli(["users", "enable", "reg-sx"])).code).toBe(0);

    const again = await onStore(async (s) => {
      const r = await new Identity(s.db, DEFAULT_SESSION_LIFETIMES).login(
        "reg-sx",
        "Str0ng-password!",
        client,
      );
      if (!r.ok) throw new Error("login failed");
      return r.sessionSecret;
    });
    const reset = await cli(["users", "reset-password", "reg-sx"], "N3w-password-please\n");
    expect(reset.out).toContain("ended 1 open session(s)");
    await onStore(async (s) => {
      const identity = new Identity(s.db, DEFAULT_SESSION_LIFETIMES);
      expect(await identity.sessionActor(again)).toBeUndefined();
      expect((await identity.login("reg-sx", "Str0ng-password!", client)).ok).toBe(false);
      expect((await identity.login("reg-sx", "N3w-password-please", client)).ok).toBe(true);
      const user = await s.db
        .selectFrom("users")
        .selectAll()
        .where("username", "=", "reg-sx")
        .executeTakeFirstOrThrow();
      expect(user.must_change_password).toBe(true);
      // regions 2, organisations 2, users 2, set-roles, disable, enable, reset: one event each, the chain intact.
      const events = await s.db
        .selectFrom("audit_events")
        .select(["action", "username"])
        .orderBy("seq")
        .execute();
      expect(events.map((e) => e.action)).toEqual([
        "organisation.manage",
        "organisation.manage",
        "organisation.manage",
        "organisation.manage",
        "user.manage",
        "user.manage",
        "user.manage",
        "user.manage",
        "user.manage",
        "user.manage",
      ]);
      expect(events.every((e) => e.username?.startsWith("cli:"))).toBe(true);
      expect((await verifyAuditChain(s.db)).ok).toBe(true);
    });
    // A disabled organisation's users cannot log in (they are told so only with the right password).
    expect((await cli(["orgs", "disable", "3"])).out).toBe(
      "disabled organisation 3: Mine A; its users can no longer log in\n",
    );
    expect(
      await onStore((s) =>
        new Identity(s.db, DEFAULT_SESSION_LIFETIMES).login("editor-a", "Ed1tor-password", client),
      ),
    ).toEqual({ ok: false, reason: "disabled" });
    expect((await cli(["orgs", "enable", "3"])).code).toBe(0);
    expect((await cli(["orgs", "disable", "99"])).code).toBe(2);
    const unknown = await cli(["users", "disable", "nobody"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no user nobody");
  });
});
