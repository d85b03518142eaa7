import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import type { Actor } from "../../src/domain/access/actor.ts";
import { ANONYMOUS } from "../../src/domain/access/actor.ts";
import { FeedbackRepository } from "../../src/storage/feedback-repository.ts";
import { InboxRepository } from "../../src/storage/inbox-repository.ts";
import { MineRepository } from "../../src/storage/mine-repository.ts";
import { NoticeRepository } from "../../src/storage/notice-repository.ts";
import { asSystem, rowScopeOf, withRowScope } from "../../src/storage/row-scope.ts";
import type { Database } from "../../src/storage/schema.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";

/**
 * Row-level security of supervision's tables on PostgreSQL, as the server connects: flags,
 * notices and their append-only events, spot checks, public feedback and the inbox. Every query asks
 * for ALL rows; PostgreSQL must return only the actor's.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("row-level security of supervision on PostgreSQL", () => {
  let db: Kysely<Database>;
  let drop: () => Promise<void>;
  const actors: Record<string, Actor> = { anonymous: ANONYMOUS };
  const mines: Record<string, string> = {};
  let d: Awaited<ReturnType<typeof testDirectory>>;
  let notice = "";

  beforeAll(async () => {
    const s = await freshStore("postgres", { as: "application" });
    db = s.store.db;
    drop = s.drop;
    const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
    await asSystem(async () => {
      d = await testDirectory(db, identity);
      for (const name of ["editor-a", "editor-b", "regulator", "regulator-nm", "admin"]) {
        const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
        if (!r.ok) throw new Error(`${name} could not sign in`);
        actors[name] = r.actor;
      }
      const repo = new MineRepository(db);
      for (const [key, org, region] of [
        ["A", d.enterpriseA, "140603"],
        ["B", d.enterpriseB, "140603"],
        ["NM", d.enterpriseA, "150600"],
      ] as const)
        mines[key] = (
          await repo.add({
            organisationId: org,
            regionCode: region,
            name: `Mine ${key}`,
            stage: "production",
          })
        ).id;
      for (const key of Object.keys(mines))
        await db
          .insertInto("flags")
          .values({
            mine_id: mines[key]!,
            kind: "report-overdue",
            year: 2024,
            key: `report-overdue/2024/report/2024`,
            subject_kind: "report",
            subject_id: "2024",
            evidence: `flag of ${key}`,
            numbers: "{}",
          })
          .execute();
      notice = await new NoticeRepository(db).issue({
        mineId: mines.A!,
        flagId: null,
        organisationId: d.shanxi,
        userId: d.regulator,
        text: "rectify",
        deadline: "2099-01-01",
      });
      for (const [org, region] of [
        [d.shanxi, "140000"],
        [d.innerMongolia, "150000"],
      ] as const)
        await db
          .insertInto("spot_checks")
          .values({
            organisation_id: org,
            region_code: region,
            year: 2024,
            seed: "s",
            population: "[]",
            drawn: "[]",
            created_by: d.admin,
          })
          .execute();
      const fb = new FeedbackRepository(db);
      for (const text of ["public", "private"]) {
        const f = await fb.add({
          areaId: null,
          mineId: mines.A!,
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: null,
          contact: "secret@example.org",
          message: text,
          address: null,
        });
        if (text === "public")
          await fb.reply(f.id, { reply: "ok", status: "handled", public: true, by: d.regulator });
      }
      await new InboxRepository(db).send(
        [d.editorA, d.regulator].map((userId) => ({
          userId,
          kind: "flag" as const,
          subject: { kind: "flag", id: "1" },
          text: { key: "inbox.flag-raised", values: { mine: "Mine A", kind: "x" } },
        })),
      );
    });
  }, 300_000);
  afterAll(async () => drop?.(), 120_000);

  const as = <T>(who: string, fn: () => Promise<T>) => withRowScope(rowScopeOf(actors[who]!), fn);
  const flagsOf = async (who: string) =>
    (await as(who, () => db.selectFrom("flags").select("evidence").execute())).map((r) => r.evidence).sort();

  it("shows each actor the flags of the mines it reads, and no others", async () => {
    expect(await flagsOf("editor-a")).toEqual(["flag of A", "flag of NM"]);
    expect(await flagsOf("editor-b")).toEqual(["flag of B"]);
    expect(await flagsOf("regulator")).toEqual(["flag of A", "flag of B"]);
    expect(await flagsOf("regulator-nm")).toEqual(["flag of NM"]);
    expect(await flagsOf("anonymous")).toEqual([]);
  });

  it("lets a regulator change flags in its jurisdiction only", async () => {
    const set = (who: string) =>
      as(who, () =>
        db
          .updateTable("flags")
          .set({ status: "dismissed" })
          .where("mine_id", "=", mines.A!)
          .executeTakeFirst(),
      );
    expect(Number((await set("regulator-nm")).numUpdatedRows)).toBe(0);
    expect(Number((await set("editor-b")).numUpdatedRows)).toBe(0);
    expect(Number((await set("regulator")).numUpdatedRows)).toBe(1);
  });

  it("keeps notices to the mine's readers and their events append-only", async () => {
    expect(await as("editor-b", () => db.selectFrom("notices").selectAll().execute())).toEqual([]);
    expect(await as("regulator-nm", () => db.selectFrom("notice_events").selectAll().execute())).toEqual([]);
    expect(await as("editor-a", () => db.selectFrom("notice_events").selectAll().execute())).toHaveLength(1);
    await expect(
      as("regulator", () =>
        db.updateTable("notice_events").set({ text: "changed" }).where("notice_id", "=", notice).execute(),
      ),
    ).rejects.toThrow();
    await expect(
      as("regulator", () => db.deleteFrom("notice_events").where("notice_id", "=", notice).execute()),
    ).rejects.toThrow();
  });

  it("shows spot checks to the jurisdiction that drew them", async () => {
    const regions = async (who: string) =>
      (await as(who, () => db.selectFrom("spot_checks").select("region_code").execute())).map(
        (r) => r.region_code,
      );
    expect(await regions("regulator")).toEqual(["140000"]);
    expect(await regions("regulator-nm")).toEqual(["150000"]);
    expect(await regions("editor-b")).toEqual([]);
  });

  it("shows the public only the feedback made public", async () => {
    const rows = await as("anonymous", () =>
      db.selectFrom("feedback").select(["message", "public"]).execute(),
    );
    expect(rows).toEqual([{ message: "public", public: true }]);
    expect(await as("regulator", () => db.selectFrom("feedback").select("message").execute())).toHaveLength(
      2,
    );
  });

  it("lets each user read and mark only their own inbox", async () => {
    const mine = async (who: string) =>
      (await as(who, () => db.selectFrom("inbox_messages").select("user_id").execute())).map((r) =>
        String(r.user_id),
      );
    expect(await mine("editor-a")).toEqual([d.editorA]);
    expect(await mine("regulator")).toEqual([d.regulator]);
    expect(await mine("editor-b")).toEqual([]);
    const marked = await as("editor-b", () =>
      db
        .updateTable("inbox_messages")
        .set({ read_at: new Date() })
        .where("user_id", "=", d.editorA)
        .executeTakeFirst(),
    );
    expect(Number(marked.numUpdatedRows)).toBe(0);
  });
});
