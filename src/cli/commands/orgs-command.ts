import { Option, type Command } from "commander";
import type { Organisation } from "../../domain/access/organisation.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import type { Region } from "../../storage/region-repository.ts";
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

/** `orgs list` as a table in `lang`. */
export function organisationsTable(
  orgs: readonly Organisation[],
  regions: readonly Region[],
  lang: Lang,
): string {
  if (orgs.length === 0) return say(lang, "say.nothing");
  const regionName = (code: string) => {
    const r = regions.find((x) => x.code === code);
    return r ? `${code} ${nameIn(lang, r)}` : code;
  };
  return textTable(
    [
      say(lang, "col.id"),
      say(lang, "col.kind"),
      say(lang, "col.name"),
      say(lang, "col.region"),
      say(lang, "col.departmentKind"),
      say(lang, "col.level"),
      say(lang, "col.creditCode"),
      say(lang, "col.parent"),
      say(lang, "col.status"),
    ],
    orgs.map((o) => [
      o.id,
      say(lang, `kind.${o.kind}`),
      nameIn(lang, o),
      regionName(o.regionCode),
      o.departmentKind ? say(lang, `departmentKind.${o.departmentKind}`) : "–",
      o.level ? say(lang, `level.${o.level}`) : "–",
      o.creditCode ?? "–",
      o.parentId ?? "–",
      say(lang, o.disabled ? "status.disabled" : "status.active"),
    ]),
  );
}

/** `regions list` as a table in `lang`. */
export function regionsTable(regions: readonly Region[], lang: Lang): string {
  return textTable(
    [
      say(lang, "col.code"),
      say(lang, "col.name"),
      say(lang, "col.nameZh"),
      say(lang, "col.level"),
      say(lang, "col.parent"),
    ],
    regions.map((r) => [r.code, r.name, r.nameZh ?? "–", say(lang, `level.${r.level}`), r.parentCode ?? "–"]),
  );
}

interface OrgsAddOptions extends StoreOptions {
  kind: string;
  name: string;
  nameZh?: string;
  region: string;
  departmentKind?: string;
  level?: string;
  creditCode?: string;
  parent?: string;
  lang?: Lang;
  json?: boolean;
}

/**
 * Adds `minecarbon orgs add|list` and `minecarbon regions add|list`: the organisations (government
 * departments, enterprises, verification bodies) and the regions of GB/T 2260 they belong to. Every
 * change is written with its audit event in one transaction, naming the operating-system account.
 */
export function registerOrgsCommands(program: Command, io: AccessCommandIo): void {
  const orgs = program
    .command("orgs")
    .description("organisations: government departments, enterprises, verification bodies (add, list)");

  storeOptions(
    orgs
      .command("add")
      .description(
        "add an organisation: a department needs --department-kind and --level (that of its region); an enterprise --credit-code; --parent is a department whose region contains this one",
      )
      .addOption(
        new Option("--kind <kind>", "what it is")
          .choices(["department", "enterprise", "verification-body"])
          .makeOptionMandatory(),
      )
      .requiredOption("--name <name>", "its name")
      .option("--name-zh <name>", "its Chinese name")
      .requiredOption(
        "--region <code>",
        "its region: six digits of GB/T 2260 (add it first with `regions add`)",
      )
      .addOption(
        new Option("--department-kind <kind>", "a department's responsibility").choices([
          "natural-resources",
          "ecology-environment",
          "other",
        ]),
      )
      .addOption(
        new Option("--level <level>", "a department's level (its region's)").choices([
          "national",
          "province",
          "city",
          "county",
        ]),
      )
      .option(
        "--credit-code <code>",
        "an enterprise's unified social credit code (18 characters, GB 32100-2015)",
      )
      .option("--parent <id>", "the department above it")
      .option("--json", "print the organisation as JSON"),
  ).action(async (o: OrgsAddOptions) => {
    const lang = langOf(o.lang, io);
    const org = await withStore(o, io, async (db) => {
      const { OrganisationRepository } = await import("../../storage/organisation-repository.ts");
      return db.transaction().execute(async (trx) => {
        const added = await new OrganisationRepository(trx).add({
          kind: o.kind,
          name: o.name,
          nameZh: o.nameZh ?? null,
          regionCode: o.region,
          departmentKind: o.departmentKind ?? null,
          level: o.level ?? null,
          creditCode: o.creditCode ?? null,
          parentId: o.parent ?? null,
        });
        await auditCliChange(trx, {
          action: "organisation.manage",
          resource: {
            kind: "organisation",
            id: added.id,
            organisationId: added.id,
            regionCode: added.regionCode,
          },
          after: added,
        });
        return added;
      });
    });
    io.write(
      o.json
        ? `${JSON.stringify(org, null, 2)}\n`
        : `${say(lang, "say.orgAdded", { id: org.id, name: org.name })}\n`,
    );
  });

  storeOptions(
    orgs
      .command("list")
      .description("list the organisations")
      .addOption(
        new Option("--kind <kind>", "only of this kind").choices([
          "department",
          "enterprise",
          "verification-body",
        ]),
      )
      .option("--json", "print them as JSON"),
  ).action(async (o: StoreOptions & { kind?: Organisation["kind"]; lang?: Lang; json?: boolean }) => {
    const lang = langOf(o.lang, io);
    const [list, regions] = await withStore(o, io, async (db) => {
      const [{ OrganisationRepository }, { RegionRepository }] = await Promise.all([
        import("../../storage/organisation-repository.ts"),
        import("../../storage/region-repository.ts"),
      ]);
      // The command line is the operator's: whoever can open the database sees every organisation.
      return Promise.all([
        new OrganisationRepository(db).list(EVERYTHING, o.kind ? { kind: o.kind } : {}),
        new RegionRepository(db).list(),
      ]);
    });
    io.write(o.json ? `${JSON.stringify(list, null, 2)}\n` : `${organisationsTable(list, regions, lang)}\n`);
  });

  for (const disable of [true, false])
    storeOptions(
      orgs
        .command(disable ? "disable" : "enable")
        .description(
          disable
            ? "disable an organisation: its users cannot log in, and their sessions and its API tokens stop working"
            : "enable a disabled organisation again",
        )
        .argument("<id>", "the organisation (see `orgs list`)"),
    ).action(async (id: string, o: StoreOptions & { lang?: Lang }) => {
      const lang = langOf(o.lang, io);
      const org = await withStore(o, io, async (db) => {
        const { OrganisationRepository } = await import("../../storage/organisation-repository.ts");
        return db.transaction().execute(async (trx) => {
          const repo = new OrganisationRepository(trx);
          const before = await repo.get(id);
          if (!before) throw Object.assign(new Error(`no organisation ${id}`), { code: "not-found" });
          const after = (await repo.setDisabled(id, disable))!;
          await auditCliChange(trx, {
            action: "organisation.manage",
            resource: { kind: "organisation", id, organisationId: id, regionCode: after.regionCode },
            before,
            after,
          });
          return after;
        });
      });
      io.write(
        `${say(lang, disable ? "say.orgDisabled" : "say.orgEnabled", { id: org.id, name: org.name })}\n`,
      );
    });

  const regions = program
    .command("regions")
    .description("regions of GB/T 2260 (add, list); the nation, 100000, is always there");

  storeOptions(
    regions
      .command("add")
      .description("add a province, city or county below its parent region, which must exist")
      .argument(
        "<code>",
        "six digits of GB/T 2260, e.g. 140000 (Shanxi), 140600 (Shuozhou), 140602 (Shuocheng)",
      )
      .requiredOption("--name <name>", "its name")
      .option("--name-zh <name>", "its Chinese name")
      .option("--json", "print the region as JSON"),
  ).action(
    async (
      code: string,
      o: StoreOptions & { name: string; nameZh?: string; lang?: Lang; json?: boolean },
    ) => {
      const lang = langOf(o.lang, io);
      const region = await withStore(o, io, async (db) => {
        const { RegionRepository } = await import("../../storage/region-repository.ts");
        return db.transaction().execute(async (trx) => {
          const added = await new RegionRepository(trx).add({ code, name: o.name, nameZh: o.nameZh ?? null });
          // Regions have no action of their own: they are organisation administration.
          await auditCliChange(trx, {
            action: "organisation.manage",
            resource: {
              kind: "region",
              id: added.code,
              organisationId: null,
              regionCode: added.code,
            },
            after: added,
          });
          return added;
        });
      });
      io.write(
        o.json
          ? `${JSON.stringify(region, null, 2)}\n`
          : `${say(lang, "say.regionAdded", { code: region.code, name: region.name, parent: region.parentCode ?? "–" })}\n`,
      );
    },
  );

  storeOptions(
    regions.command("list").description("list the regions").option("--json", "print them as JSON"),
  ).action(async (o: StoreOptions & { lang?: Lang; json?: boolean }) => {
    const lang = langOf(o.lang, io);
    const list = await withStore(o, io, async (db) => {
      const { RegionRepository } = await import("../../storage/region-repository.ts");
      return new RegionRepository(db).list();
    });
    io.write(o.json ? `${JSON.stringify(list, null, 2)}\n` : `${regionsTable(list, lang)}\n`);
  });
}
