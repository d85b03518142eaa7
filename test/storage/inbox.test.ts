import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import type { Actor } from "../../src/domain/access/actor.ts";
import { InboxRepository } from "../../src/storage/inbox-repository.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { asSystem, rowScopeOf, withRowScope } from "../../src/storage/row-scope.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";

/**
 * The inbox as the server uses it (as the application role on PostgreSQL, under row-level
 * security): anyone's change notifies others, whose inboxes it cannot read; a keyed message (a
 * deadline's reminder) is sent once however often it is sent; each user reads and marks only their
 * own messages.
 */
for (const kind of STORE_KINDS)
  describe(`the inbox (${kind})`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const actors: Record<string, Actor> = {};
    const ids: Record<string, string> = {};
    const text = {
      key: "inbox.flag-raised",
      values: { mine: "Mine A", kind: { term: "flag.report-overdue" } },
    };

    beforeAll(async () => {
      ({ store, drop } = await freshStore(kind, { as: "application" }));
      const identity = new Identity(store.db, DEFAULT_SESSION_LIFETIMES);
      await asSystem(async () => {
        const d = await testDirectory(store.db, identity);
        ids["editor-a"] = d.editorA;
        ids.regulator = d.regulator;
        for (const name of ["editor-a", "regulator"]) {
          const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
          if (!r.ok) throw new Error(`${name} could not sign in`);
          actors[name] = r.actor;
        }
      });
    }, 120_000);
    afterAll(async () => drop(), 60_000);

    const as = <T>(who: string, fn: (inbox: InboxRepository) => Promise<T>) =>
      withRowScope(rowScopeOf(actors[who]!), () => fn(new InboxRepository(store.db)));

    it("lets the regulator's change notify the enterprise, once for a keyed reminder", async () => {
      const to = ids["editor-a"]!;
      const subject = { kind: "mine", id: "1" };
      await as("regulator", (inbox) => inbox.send([{ userId: to, kind: "flag", subject, text }]));
      for (let i = 0; i < 3; i++)
        await as("regulator", (inbox) =>
          inbox.send([{ userId: to, kind: "deadline", subject, text, key: "notice:7:due" }]),
        );
      const mine = await as("editor-a", (inbox) => inbox.list(to));
      expect(mine.items.map((m) => m.kind).sort()).toEqual(["deadline", "flag"]);
      expect(mine.unread).toBe(2);
      // The sender reads none of it: on PostgreSQL row-level security holds that line even if a
      // route asked for another user's inbox (the routes ask for the actor's own: inbox tests).
      if (kind === "postgres") expect((await as("regulator", (inbox) => inbox.list(to))).items).toEqual([]);
    });

    it("lets a user mark only their own messages read", async () => {
      const to = ids["editor-a"]!;
      if (kind === "postgres") expect(await as("regulator", (inbox) => inbox.markRead(to))).toBe(0);
      expect(await as("editor-a", (inbox) => inbox.markRead(to))).toBe(2);
      expect((await as("editor-a", (inbox) => inbox.list(to))).unread).toBe(0);
    });
  });
