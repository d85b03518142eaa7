import { userInfo } from "node:os";
import { join } from "node:path";
import { Option, type Command } from "commander";
import type { Kysely, Transaction } from "kysely";
import type { AuditAction, AuditRecordKind } from "../../domain/access/audit-event.ts";
import type { Store } from "../../storage/open-database.ts";
import { asSystem } from "../../storage/row-scope.ts";
import type { Database } from "../../storage/schema.ts";
import { access } from "../../presentation/i18n/catalogue/access.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";

/** What the access commands (orgs, regions, users) read and write besides their arguments. */
export interface AccessCommandIo {
  /** Standard output. */
  readonly write: (text: string) => void;
  /** Standard error (prompts). */
  readonly writeErr?: (text: string) => void;
  /** $DATABASE_URL: the PostgreSQL server to use instead of the data folder's PGlite. */
  readonly databaseUrl?: string | undefined;
  /** The language when --lang is not given. */
  readonly defaultLang: () => Lang;
}

export interface StoreOptions {
  readonly data: string;
  readonly databaseUrl?: string;
}

export const DATA_HELP =
  "data folder of `minecarbon serve` (its PGlite database in <dir>/db; created when missing; ignored with a database URL)";
export const STORE_NOTE =
  "\nThe store: --database-url, else $DATABASE_URL, else PGlite in --data/db. With PGlite, stop `minecarbon serve` first: PGlite serves one process at a time.";

/** Adds the store options (--data, --database-url) and --lang to a command. */
export function storeOptions(c: Command, withLang = true): Command {
  c.option("--data <dir>", DATA_HELP, "minecarbon-data").option(
    "--database-url <url>",
    "postgres://… of a PostgreSQL server (default $DATABASE_URL; prefer that when the URL holds a password, which ps would show)",
  );
  if (withLang)
    c.addOption(
      new Option("--lang <lang>", "language of the labels (default from LANG)").choices(["en", "zh"]),
    );
  return c.addHelpText("after", STORE_NOTE);
}

/** Opens the store the way `minecarbon serve` does: the URL given, else $DATABASE_URL, else PGlite in <data>/db. */
export async function openAccessStore(o: StoreOptions, io: AccessCommandIo): Promise<Store> {
  const { openStore } = await import("../../storage/open-database.ts");
  const url = o.databaseUrl ?? io.databaseUrl;
  return url ? openStore({ databaseUrl: url }) : openStore({ dataDir: join(o.data, "db") });
}

/**
 * Runs `work` on an opened store and closes it. The command line is the administrator's who runs
 * the server: it works as the system (row-scope.ts), each change audited as the CLI's.
 */
export async function withStore<T>(
  o: StoreOptions,
  io: AccessCommandIo,
  work: (db: Kysely<Database>) => Promise<T>,
) {
  const store = await openAccessStore(o, io);
  try {
    return await asSystem(() => work(store.db));
  } finally {
    await store.close();
  }
}

/** The language asked with --lang (commander has checked it), else the default. */
export const langOf = (asked: Lang | undefined, io: AccessCommandIo): Lang => asked ?? io.defaultLang();

export type AccessKey = keyof (typeof access)["en"];

/** A text of the access catalogue in `lang`, with {{name}} filled in. */
export function say(lang: Lang, key: AccessKey, vars: Record<string, string | number> = {}): string {
  return access[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ""));
}

/**
 * Who the audit trail names for a change made on the command line: the operating-system account
 * that ran it ("cli:<name>"), acting as the system administrator (whoever can open the database is).
 */
export function cliWho() {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // No entry in the password database (some containers): keep "unknown".
  }
  // eslint-disable-next-line no-control-regex -- the audit trail refuses control characters
  const clean = `cli:${name}`.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 64);
  return {
    userId: null,
    username: clean,
    tokenId: null,
    organisationId: null,
    roles: ["administrator" as const],
  };
}

/** Appends the audit event of a command-line change inside its transaction. */
export async function auditCliChange(
  trx: Transaction<Database>,
  e: {
    action: AuditAction;
    resource: {
      kind: AuditRecordKind;
      id: string | null;
      organisationId: string | null;
      regionCode: string | null;
    };
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  const { appendAuditEvent } = await import("../../storage/audit-log.ts");
  await appendAuditEvent(trx, {
    who: cliWho(),
    action: e.action,
    resource: e.resource,
    outcome: "done",
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: null,
    address: null,
  });
}

/** A name in the language: the Chinese name when there is one (the record's own, not the catalogue's). */
export const nameIn = (lang: Lang, x: { name: string; nameZh: string | null }): string =>
  ({ en: x.name, zh: x.nameZh || x.name })[lang];
