import { InvalidArgumentError, Option, type Command } from "commander";
import type { Kysely } from "kysely";
import type { Organisation } from "../../domain/access/organisation.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import type { Database } from "../../storage/schema.ts";
import type { User } from "../../storage/user-repository.ts";
import { textTable } from "../format/text-table.ts";
import {
  auditCliChange,
  langOf,
  nameIn,
  say,
  storeOptions,
  withStore,
  type AccessCommandIo,
  type StoreOptions,
} from "./access-cli.ts";

const EVERYTHING = { kind: "everything" } as const;
const ROLE_CHOICES = ["administrator", "regulator", "enterprise-editor", "enterprise-submitter", "verifier"];
/** Most bytes read from a piped standard input for a password (a password has at most 256 characters). */
const STDIN_MAX_BYTES = 4096;

/** The first line of a piped standard input (without its line end), read to the end. */
export async function passwordFromPipe(input: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of input) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
    if (text.length > STDIN_MAX_BYTES)
      throw new InputError("the password on standard input", [
        {
          path: "password",
          message: `must be one line of at most 256 characters; got more than ${STDIN_MAX_BYTES}`,
        },
      ]);
  }
  return text.split("\n")[0]!.replace(/\r$/, "");
}

/** Reads one line from a terminal without echoing it; Ctrl+C or Ctrl+D gives up. */
function promptHidden(
  prompt: string,
  input: NodeJS.ReadStream,
  writeErr: (s: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    writeErr(prompt);
    let line = "";
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      writeErr("\n");
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004")
          return done(
            new InputError("the password", [{ path: "password", message: "not given (cancelled)" }]),
          );
        if (ch === "\u007f" || ch === "\b") line = [...line].slice(0, -1).join("");
        else line += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

/**
 * The new password of `username`: typed twice without echo when standard input is a terminal,
 * else the first line of standard input. Checked by passwordProblems (an InputError on `password`).
 */
export async function readNewPassword(username: string, lang: Lang, io: AccessCommandIo): Promise<string> {
  const writeErr = io.writeErr ?? ((s: string) => process.stderr.write(s));
  const input = process.stdin;
  let password: string;
  if (input.isTTY) {
    password = await promptHidden(say(lang, "prompt.password", { username }), input, writeErr);
    const again = await promptHidden(say(lang, "prompt.again"), input, writeErr);
    if (again !== password)
      throw new InputError("the password", [{ path: "password", message: "the two entries differ" }]);
  } else password = await passwordFromPipe(input);
  const { passwordProblems } = await import("../../app/auth/passwords.ts");
  const problems = passwordProblems(password, username);
  if (problems.length > 0)
    throw new InputError(
      "the password",
      problems.map((message) => ({ path: "password", message })),
    );
  return password;
}

/** `users list` as a table in `lang`. */
export function usersTable(users: readonly User[], orgs: readonly Organisation[], lang: Lang): string {
  if (users.length === 0) return say(lang, "say.nothing");
  const orgName = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return o ? `${id} ${nameIn(lang, o)}` : id;
  };
  return textTable(
    [
      say(lang, "col.id"),
      say(lang, "col.username"),
      say(lang, "col.organisation"),
      say(lang, "col.roles"),
      say(lang, "col.status"),
      say(lang, "col.created"),
    ],
    users.map((u) => [
      u.id,
      u.username,
      orgName(u.organisationId),
      u.roles.map((r) => say(lang, `role.${r}`)).join(", "),
      [
        say(lang, u.disabled ? "status.disabled" : "status.active"),
        ...(u.mustChangePassword ? [say(lang, "status.mustChangePassword")] : []),
      ].join(", "),
      u.createdAt.toISOString().slice(0, 16).replace("T", " "),
    ]),
  );
}

async function userNamed(db: Kysely<Database>, username: string): Promise<User> {
  const { UserRepository } = await import("../../storage/user-repository.ts");
  const user = await new UserRepository(db).getByUsername(username);
  if (!user) throw Object.assign(new Error(`no user ${username}`), { code: "not-found" });
  return user;
}

/** --role, repeatable and required: the roles of ROLE_CHOICES. */
const roleOption = () =>
  new Option(
    "--role <role>",
    `a role that fits the organisation's kind (${ROLE_CHOICES.join(", ")}); repeatable`,
  )
    .argParser((v: string, prev: string[] = []) => {
      if (!ROLE_CHOICES.includes(v))
        throw new InvalidArgumentError(`--role must be one of ${ROLE_CHOICES.join(", ")}; got "${v}"`);
      if (prev.length >= ROLE_CHOICES.length)
        throw new InvalidArgumentError(`--role may be given at most ${ROLE_CHOICES.length} times`);
      return [...prev, v];
    })
    .makeOptionMandatory();

/** The audit record of a user: the account without secrets. */
const userRecord = (u: User) => ({ ...u, roles: [...u.roles] });

/**
 * Adds `minecarbon users add|list|disable|enable|reset-password`. Passwords never come on the
 * command line (where ps and the shell's history would show them): they are typed twice without
 * echo at a terminal, or read as the first line of standard input. Disabling an account or
 * resetting its password ends its sessions; a reset password must be changed at the next login.
 * Every change is written with its audit event in one transaction.
 */
export function registerUsersCommand(program: Command, io: AccessCommandIo): void {
  const users = program
    .command("users")
    .description(
      "user accounts: add, list, disable, enable, reset-password (passwords from standard input or a prompt)",
    );

  storeOptions(
    users
      .command("add")
      .description(
        "add a user of an organisation with one or more roles; the password is typed twice (no echo) or read from standard input, never given on the command line",
      )
      .argument("<username>", "3 to 64 characters of a-z, 0-9, '.', '_' and '-'")
      .requiredOption("--org <id>", "the user's organisation (see `orgs list`)")
      .addOption(roleOption())
      .option("--display-name <name>", "the name shown in the web app")
      .option("--must-change-password", "the user must change the password at the first login")
      .option("--json", "print the user as JSON"),
  ).action(
    async (
      username: string,
      o: StoreOptions & {
        org: string;
        role: string[];
        displayName?: string;
        mustChangePassword?: boolean;
        lang?: Lang;
        json?: boolean;
      },
    ) => {
      const lang = langOf(o.lang, io);
      const name = username.trim().toLowerCase();
      const { USERNAME_FORM } = await import("../../storage/user-repository.ts");
      // The username is checked before the password is asked for.
      if (!USERNAME_FORM.test(name))
        throw new InputError(`user ${username}`, [
          {
            path: "username",
            message:
              'must be 3 to 64 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit',
          },
        ]);
      const password = await readNewPassword(name, lang, io);
      const { hashPassword } = await import("../../app/auth/passwords.ts");
      const passwordHash = await hashPassword(password);
      const user = await withStore(o, io, async (db) => {
        const { UserRepository } = await import("../../storage/user-repository.ts");
        return db.transaction().execute(async (trx) => {
          const added = await new UserRepository(trx).add({
            username: name,
            displayName: o.displayName ?? null,
            organisationId: o.org,
            roles: o.role,
            passwordHash,
            mustChangePassword: o.mustChangePassword ?? false,
          });
          await auditCliChange(trx, {
            action: "user.manage",
            resource: { kind: "user", id: added.id, organisationId: added.organisationId, regionCode: null },
            after: userRecord(added),
          });
          return added;
        });
      });
      io.write(
        o.json
          ? `${JSON.stringify(user, null, 2)}\n`
          : `${say(lang, "say.userAdded", { username: user.username, id: user.id })}\n`,
      );
    },
  );

  storeOptions(
    users
      .command("list")
      .description("list the user accounts with their organisation, roles and status")
      .option("--org <id>", "only the users of this organisation")
      .option("--json", "print them as JSON"),
  ).action(async (o: StoreOptions & { org?: string; lang?: Lang; json?: boolean }) => {
    const lang = langOf(o.lang, io);
    const [list, orgs] = await withStore(o, io, async (db) => {
      const [{ UserRepository }, { OrganisationRepository }] = await Promise.all([
        import("../../storage/user-repository.ts"),
        import("../../storage/organisation-repository.ts"),
      ]);
      // The command line is the operator's: whoever can open the database sees every account.
      return Promise.all([
        new UserRepository(db).list(EVERYTHING, o.org !== undefined ? { organisationId: o.org } : {}),
        new OrganisationRepository(db).list(EVERYTHING),
      ]);
    });
    io.write(o.json ? `${JSON.stringify(list, null, 2)}\n` : `${usersTable(list, orgs, lang)}\n`);
  });

  for (const disable of [true, false])
    storeOptions(
      users
        .command(disable ? "disable" : "enable")
        .description(disable ? "disable an account and end its sessions" : "enable a disabled account again")
        .argument("<username>", "the account"),
    ).action(async (username: string, o: StoreOptions & { lang?: Lang }) => {
      const lang = langOf(o.lang, io);
      const { sessions, user } = await withStore(o, io, async (db) => {
        const [{ UserRepository }, { Identity, DEFAULT_SESSION_LIFETIMES }] = await Promise.all([
          import("../../storage/user-repository.ts"),
          import("../../app/auth/identity.ts"),
        ]);
        const before = await userNamed(db, username);
        return db.transaction().execute(async (trx) => {
          await new UserRepository(trx).setDisabled(before.id, disable);
          const ended = disable
            ? await new Identity(trx, DEFAULT_SESSION_LIFETIMES).revokeSessions(before.id, "user-disabled")
            : 0;
          const after = (await new UserRepository(trx).get(before.id))!;
          await auditCliChange(trx, {
            action: "user.manage",
            resource: {
              kind: "user",
              id: before.id,
              organisationId: before.organisationId,
              regionCode: null,
            },
            before: userRecord(before),
            after: userRecord(after),
          });
          return { sessions: ended, user: after };
        });
      });
      io.write(
        `${say(lang, disable ? "say.userDisabled" : "say.userEnabled", { username: user.username, sessions })}\n`,
      );
    });

  storeOptions(
    users
      .command("set-roles")
      .description(
        "replace a user's roles (each must fit the organisation's kind); open sessions act with the new roles from their next request",
      )
      .argument("<username>", "the account")
      .addOption(roleOption()),
  ).action(async (username: string, o: StoreOptions & { role: string[]; lang?: Lang }) => {
    const lang = langOf(o.lang, io);
    const user = await withStore(o, io, async (db) => {
      const { UserRepository } = await import("../../storage/user-repository.ts");
      const before = await userNamed(db, username);
      return db.transaction().execute(async (trx) => {
        const after = await new UserRepository(trx).setRoles(before.id, o.role);
        await auditCliChange(trx, {
          action: "user.manage",
          resource: { kind: "user", id: before.id, organisationId: before.organisationId, regionCode: null },
          before: userRecord(before),
          after: userRecord(after),
        });
        return after;
      });
    });
    io.write(
      `${say(lang, "say.rolesSet", { username: user.username, roles: user.roles.map((r) => say(lang, `role.${r}`)).join(say(lang, "say.listSeparator")) })}\n`,
    );
  });

  storeOptions(
    users
      .command("reset-password")
      .description(
        "set a new password (typed twice without echo, or from standard input); the user must change it at the next login, and their sessions end",
      )
      .argument("<username>", "the account"),
  ).action(async (username: string, o: StoreOptions & { lang?: Lang }) => {
    const lang = langOf(o.lang, io);
    const name = username.trim().toLowerCase();
    // The account must exist before the password is asked for.
    await withStore(o, io, (db) => userNamed(db, name));
    const password = await readNewPassword(name, lang, io);
    const { hashPassword } = await import("../../app/auth/passwords.ts");
    const passwordHash = await hashPassword(password);
    const { sessions, user } = await withStore(o, io, async (db) => {
      const [{ UserRepository }, { Identity, DEFAULT_SESSION_LIFETIMES }] = await Promise.all([
        import("../../storage/user-repository.ts"),
        import("../../app/auth/identity.ts"),
      ]);
      const before = await userNamed(db, name);
      return db.transaction().execute(async (trx) => {
        await new UserRepository(trx).setPasswordHash(before.id, passwordHash, true);
        const ended = await new Identity(trx, DEFAULT_SESSION_LIFETIMES).revokeSessions(
          before.id,
          "password-changed",
        );
        const after = (await new UserRepository(trx).get(before.id))!;
        await auditCliChange(trx, {
          action: "user.manage",
          resource: { kind: "user", id: before.id, organisationId: before.organisationId, regionCode: null },
          before: userRecord(before),
          after: userRecord(after),
        });
        return { sessions: ended, user: after };
      });
    });
    io.write(`${say(lang, "say.passwordReset", { username: user.username, sessions })}\n`);
  });
}
