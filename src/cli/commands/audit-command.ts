import { existsSync, readFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { ACTIONS, type ResourceKind } from "../../domain/access/actions.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import {
  AUDIT_PAGE_MAX,
  type AuditAnchor,
  type AuditChainReport,
  type ChainedAuditEvent,
} from "../../storage/audit-log.ts";
import type { Store } from "../../storage/open-database.ts";
import { asSystem } from "../../storage/row-scope.ts";

/** `audit verify`'s exit code when the chain is broken (0 intact, 2 bad input, 1 internal failure). */
export const EXIT_AUDIT_BROKEN = 3;
/** The CommanderError code `audit verify` throws with EXIT_AUDIT_BROKEN, for main() to return it. */
export const AUDIT_BROKEN_CODE = "minecarbon.auditChainBroken";

const RESOURCE_KINDS = [...new Set(Object.values(ACTIONS).map((a) => a.resource))] as ResourceKind[];

export interface AuditCommandIo {
  /** Standard output. */
  readonly write: (text: string) => void;
  /** Standard error (the broken link's report). */
  readonly writeErr?: (text: string) => void;
  /** The PostgreSQL server to use instead of the data folder's PGlite ($DATABASE_URL). */
  readonly databaseUrl?: string | undefined;
}

/**
 * The store of `minecarbon serve --data <dir>` (PGlite in <dir>/db) or of `databaseUrl`; a data folder
 * without a database is bad input rather than a new, empty trail that would verify.
 */
async function openAuditStore(data: string, databaseUrl: string | undefined): Promise<Store> {
  const { openStore } = await import("../../storage/open-database.ts");
  if (databaseUrl) return openStore({ databaseUrl });
  const dir = join(data, "db");
  if (!existsSync(dir))
    throw new InputError("--data", [
      {
        path: "",
        message: `must be the data folder of \`minecarbon serve --data\` (it holds db/); ${dir} does not exist (or set DATABASE_URL for a PostgreSQL server)`,
      },
    ]);
  return openStore({ dataDir: dir });
}

async function roleExists(store: Store, role: string): Promise<boolean> {
  const { sql } = await import("kysely");
  return (await sql`SELECT 1 FROM pg_roles WHERE rolname = ${role}`.execute(store.db)).rows.length > 0;
}

/** The heads recorded in a witness file: one `seq hash time` line each, `#` comments. */
export function readWitness(file: string): AuditAnchor[] {
  if (!existsSync(file)) return [];
  const anchors: AuditAnchor[] = [];
  const issues: { path: string; message: string }[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const text = line.trim();
      if (!text || text.startsWith("#")) return;
      const m = /^(\d{1,15})\s+([0-9a-f]{64})(\s.*)?$/.exec(text);
      if (!m) issues.push({ path: `line ${i + 1}`, message: "must be `<seq> <64 hex digits> [time]`" });
      else anchors.push({ seq: Number(m[1]), hash: m[2]! });
    });
  if (issues.length) throw new InputError(file, issues);
  return anchors;
}

/** What `audit verify` prints when the chain holds. */
export function intactText(r: AuditChainReport): string {
  return `audit trail intact: ${r.events.toLocaleString("en-US")} event${r.events === 1 ? "" : "s"}; head: event ${r.last.seq}, hash ${r.last.hash}`;
}

/** What `audit verify` prints when it does not: the first broken link and what to do. */
export function brokenText(r: AuditChainReport): string {
  const b = r.firstBroken!;
  return [
    `audit trail BROKEN at event ${b.seq} (${b.reason}): ${b.detail}.`,
    b.seq > 2
      ? `Events 1 to ${b.seq - 1} are intact.`
      : b.seq === 2
        ? "Event 1 is intact."
        : "There is no intact event before it.",
    "What to do: keep the database as it is (copy the data folder or dump the database now; do not repair",
    "or re-chain the trail, it is the evidence), compare the events from there on with a backup to see",
    `what was changed, and report it to whoever is responsible for the system's security. \`minecarbon audit list --before ${b.seq + 3}\``,
    "shows the events around it.",
  ].join("\n");
}

/** One event as a line of `audit list`. */
export function eventLine(e: ChainedAuditEvent): string {
  const who =
    e.who.username ??
    (e.who.tokenId ? `token ${e.who.tokenId}` : e.who.userId ? `user ${e.who.userId}` : "anonymous");
  return [
    String(e.seq).padStart(6),
    e.at.toISOString(),
    who.padEnd(20),
    e.action.padEnd(18),
    `${e.resource.kind}:${e.resource.id ?? "-"}`.padEnd(16),
    e.outcome.padEnd(7),
    e.address ?? "-",
  ].join("  ");
}

const resourceOption = (value: string): { kind: ResourceKind; id?: string } => {
  const [kind, id, ...rest] = value.split(":");
  if (!RESOURCE_KINDS.includes(kind as ResourceKind) || rest.length || id === "")
    throw new InvalidArgumentError(
      `--resource must be <kind> or <kind>:<id> with kind ${RESOURCE_KINDS.join(", ")}, e.g. area:12; got "${value}"`,
    );
  return { kind: kind as ResourceKind, ...(id !== undefined ? { id } : {}) };
};

const timeOption = (name: string) => (value: string) => {
  // A date is midnight UTC; a time must say its zone, so that the range is not the machine's.
  const m = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(value);
  const t = m ? new Date(m[1] ? value : `${value}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(t.getTime()))
    throw new InvalidArgumentError(
      `${name} must be a date (2026-11-30, midnight UTC) or a time with its zone (2026-11-30T08:00+08:00); got "${value}"`,
    );
  return t;
};

const wholeOption = (name: string, min: number, max: number) => (value: string) => {
  const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new InvalidArgumentError(
      `${name} must be a whole number ${min} to ${max.toLocaleString("en-US")}; got "${value}"`,
    );
  return n;
};

const DATA_HELP =
  "data folder of `minecarbon serve` (its PGlite database in <dir>/db; ignored with a database URL)";
const URL_HELP = "postgres://… of a PostgreSQL server (default $DATABASE_URL)";
const PGLITE_NOTE =
  "\nThe store: --database-url, else $DATABASE_URL, else PGlite in --data/db. With PGlite, stop `minecarbon serve` first: PGlite serves one process at a time.";

/**
 * Adds `minecarbon audit verify`, `audit list` and `audit protect` to `program`. Verify exits 0 and prints
 * the number of events and the head's hash; on a broken chain it prints the first broken link and
 * what to do, and throws a CommanderError with exit code EXIT_AUDIT_BROKEN (code AUDIT_BROKEN_CODE).
 */
export function registerAuditCommand(program: Command, io: AuditCommandIo): void {
  const writeErr = io.writeErr ?? ((s: string) => process.stderr.write(s));
  const audit = program
    .command("audit")
    .description(
      "the hash-chained audit trail: check it (verify), read it (list), make it append-only on PostgreSQL (protect)",
    );

  audit
    .command("verify")
    .description(
      "check the whole trail: numbering without gaps, each event linked to the one before, each hash recomputed, the head; exit 0 when intact, 3 naming the first broken link",
    )
    .option("--data <dir>", DATA_HELP, "minecarbon-data")
    .option("--database-url <url>", URL_HELP)
    .option(
      "--witness <file>",
      "a file of heads recorded by earlier runs, kept outside the database: each must still be in the chain (this shows a cut-off tail or a rewritten trail, which the chain alone cannot); an intact run adds its head",
    )
    .option("--json", "print the report as JSON")
    .addHelpText("after", PGLITE_NOTE)
    .action(async (o: { data: string; databaseUrl?: string; witness?: string; json?: boolean }) => {
      const anchors = o.witness ? readWitness(o.witness) : [];
      const { verifyAuditChain } = await import("../../storage/audit-log.ts");
      const store = await openAuditStore(o.data, o.databaseUrl ?? io.databaseUrl);
      let report: AuditChainReport;
      try {
        // The whole trail, as the system (row-scope.ts): the operator checks every event.
        report = await asSystem(() => verifyAuditChain(store.db, { anchors }));
      } finally {
        await store.close();
      }
      if (o.json) io.write(`${JSON.stringify(report, null, 2)}\n`);
      if (!report.ok) {
        writeErr(`${brokenText(report)}\n`);
        throw new CommanderError(
          EXIT_AUDIT_BROKEN,
          AUDIT_BROKEN_CODE,
          `audit trail broken at event ${report.firstBroken!.seq}`,
        );
      }
      if (!o.json) io.write(`${intactText(report)}\n`);
      if (o.witness && anchors.at(-1)?.hash !== report.last.hash) {
        if (!existsSync(o.witness))
          appendFileSync(
            o.witness,
            "# heads of the MineCarbon audit trail: seq, hash, when recorded (minecarbon audit verify --witness)\n",
          );
        appendFileSync(o.witness, `${report.last.seq} ${report.last.hash} ${new Date().toISOString()}\n`);
        if (!o.json)
          io.write(
            `recorded the head in ${o.witness} (${anchors.length} earlier head${anchors.length === 1 ? "" : "s"} checked)\n`,
          );
      }
    });

  audit
    .command("protect")
    .description(
      "PostgreSQL only, run as the tables' owner: make the trail append-only for the application role (no UPDATE, DELETE or TRUNCATE; triggers that refuse changes from anyone) and say what is still open",
    )
    .requiredOption("--role <name>", "the role the application connects as")
    .option("--database-url <url>", URL_HELP)
    .action(async (o: { role: string; databaseUrl?: string }) => {
      const url = o.databaseUrl ?? io.databaseUrl;
      if (!url)
        throw new InputError("audit protect", [
          {
            path: "",
            message:
              "needs a PostgreSQL server (--database-url or $DATABASE_URL): the embedded PGlite has a single user and nobody to keep out",
          },
        ]);
      const [{ openStore }, { protectAuditTrail, auditProtectionProblems }] = await Promise.all([
        import("../../storage/open-database.ts"),
        import("../../storage/audit-protection.ts"),
      ]);
      const store = await openStore({ databaseUrl: url });
      try {
        if (!(await roleExists(store, o.role)))
          throw new InputError("--role", [
            { path: "", message: `must name an existing role; got "${o.role}"` },
          ]);
        await protectAuditTrail(store.db, o.role);
        const problems = await auditProtectionProblems(store.db, o.role);
        // Applied, but what is left open (a superuser or owner role) is the operator's to fix.
        if (problems.length)
          throw new InputError(
            `--role ${o.role}`,
            problems.map((message) => ({ path: "", message })),
          );
        io.write(
          `the audit trail is append-only for "${o.role}": it may read and append events, not change or delete them\n`,
        );
      } finally {
        await store.close();
      }
    });

  audit
    .command("list")
    .description("events of the trail, newest first, filtered")
    .option("--data <dir>", DATA_HELP, "minecarbon-data")
    .option("--database-url <url>", URL_HELP)
    .option(
      "--resource <kind[:id]>",
      `events on one record (a timeline) or one kind: ${RESOURCE_KINDS.join(", ")}`,
      resourceOption,
    )
    .option("--since <time>", "events at or after this date or time", timeOption("--since"))
    .option("--until <time>", "events before this date or time", timeOption("--until"))
    .option("--user <username>", "events by this user")
    .option("--organisation <id>", "events of this organisation (acting or acted on)")
    .option("--action <id>", "events of this action, e.g. area.update or auth.login-failed")
    .option(
      "--limit <n>",
      `at most this many events, 1 to ${AUDIT_PAGE_MAX}`,
      wholeOption("--limit", 1, AUDIT_PAGE_MAX),
      50,
    )
    .option(
      "--before <seq>",
      "events before this one (the next page)",
      wholeOption("--before", 1, Number.MAX_SAFE_INTEGER),
    )
    .option("--json", "print the events as JSON")
    .addHelpText("after", PGLITE_NOTE)
    .action(
      async (o: {
        data: string;
        databaseUrl?: string;
        resource?: { kind: ResourceKind; id?: string };
        since?: Date;
        until?: Date;
        user?: string;
        organisation?: string;
        action?: string;
        limit: number;
        before?: number;
        json?: boolean;
      }) => {
        const { listAuditEvents } = await import("../../storage/audit-log.ts");
        const store = await openAuditStore(o.data, o.databaseUrl ?? io.databaseUrl);
        try {
          // The command line is the operator's: the whole trail (the API scopes it by the policy).
          const page = await asSystem(() =>
            listAuditEvents(
              store.db,
              { kind: "everything" },
              {
                limit: o.limit,
                ...(o.resource ? { resource: o.resource } : {}),
                ...(o.since ? { since: o.since } : {}),
                ...(o.until ? { until: o.until } : {}),
                ...(o.user !== undefined ? { username: o.user } : {}),
                ...(o.organisation !== undefined ? { organisationId: o.organisation } : {}),
                ...(o.action !== undefined ? { action: o.action } : {}),
                ...(o.before !== undefined ? { cursor: o.before } : {}),
              },
            ),
          );
          if (o.json) io.write(`${JSON.stringify(page, null, 2)}\n`);
          else
            io.write(
              `${[
                ...page.events.map(eventLine),
                `${page.events.length} event${page.events.length === 1 ? "" : "s"}${page.next !== null ? `; older ones: --before ${page.next}` : ""}`,
              ].join("\n")}\n`,
            );
        } finally {
          await store.close();
        }
      },
    );
}
