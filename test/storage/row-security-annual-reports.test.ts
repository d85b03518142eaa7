import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { ANONYMOUS, type Actor } from "../../src/domain/access/actor.ts";
import { decide, type ResourceRef } from "../../src/domain/access/policy.ts";
import type { ReportState } from "../../src/domain/manage/report-workflow.ts";
import { AnnualReportRepository, annualReportResource } from "../../src/storage/annual-report-repository.ts";
import { MineRepository } from "../../src/storage/mine-repository.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { asSystem, rowScopeOf, withRowScope } from "../../src/storage/row-scope.ts";
import type { Database } from "../../src/storage/schema.ts";
import { TEST_PASSWORD, testDirectory } from "../server/test-directory.ts";
import { freshStore, STORE_KINDS } from "./stores.ts";

/**
 * Row-level security of the annual reports' tables on PostgreSQL (migration 008), as the server
 * connects: asked for ALL rows, each actor gets exactly the reports the policy lets it read
 * (annual-report.read: its own, its jurisdiction's, those sent to its verification body, and the
 * published ones), and the versions, events and evidence of those only; no one — not even the
 * system's scope — changes or deletes a version or an event.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))(
  "row-level security of annual reports (PostgreSQL)",
  () => {
    let store: Store;
    let drop: () => Promise<void>;
    let db: Kysely<Database>;
    const actors: Record<string, Actor> = { anonymous: ANONYMOUS };
    const refs = new Map<string, ResourceRef>();
    /** Reports never submitted: no version, no event. */
    const drafts = new Set<string>();

    beforeAll(async () => {
      ({ store, drop } = await freshStore("postgres", { as: "application" }));
      db = store.db;
      const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
      await asSystem(async () => {
        const d = await testDirectory(db, identity);
        for (const name of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier", "admin"]) {
          const r = await identity.login(name, TEST_PASSWORD, { address: null, userAgent: null });
          if (!r.ok) throw new Error(`${name} could not sign in`);
          actors[name] = r.actor;
        }
        actors["token-a"] = (await identity.tokenActor(d.tokenA))!;
        const mines = new MineRepository(db);
        const reports = new AnnualReportRepository(db);
        const mine = (organisationId: string, regionCode: string, name: string) =>
          mines.add({ organisationId, regionCode, name, stage: "production" });
        const mineA = await mine(d.enterpriseA, "140603", "Mine of A");
        const mineB = await mine(d.enterpriseB, "140603", "Mine of B");
        const mineNM = await mine(d.enterpriseA, "150600", "A's mine in Ordos");
        /** A report moved to `state` with one version and one event (as the workflow would leave it). */
        const report = async (
          m: { id: string; organisationId: string; regionCode: string },
          year: number,
          state: ReportState,
          verifier: string | null,
        ) => {
          const r = await reports.create({
            mineId: m.id,
            year,
            organisationId: m.organisationId,
            regionCode: m.regionCode,
          });
          if (state !== "draft")
            await reports.storeStep(r.id, {
              from: "draft",
              to: state,
              verifierOrganisationId: verifier,
              version: { number: 1, content: { notes: `${year}` }, submittedBy: d.editorA },
              event: {
                type: "submit",
                byUserId: d.editorA,
                byOrganisationId: m.organisationId,
                at: new Date(),
                body: { version: 1 },
              },
            });
          await reports.addEvidence({
            reportId: r.id,
            name: "evidence.pdf",
            mediaType: "application/pdf",
            bytes: 10,
            sha256: "a".repeat(64),
            path: "files/evidence/aa/x",
            uploadedBy: d.editorA,
          });
          const stored = (await reports.get(r.id))!;
          refs.set(stored.id, annualReportResource(stored));
          if (state === "draft") drafts.add(stored.id);
        };
        await report(mineA, 2023, "draft", null);
        await report(mineA, 2022, "published", null);
        await report(mineB, 2023, "verification", d.verifier);
        await report(mineB, 2022, "in-review", null);
        await report(mineNM, 2023, "submitted", null);
      });
    }, 120_000);
    afterAll(async () => drop?.(), 60_000);

    const expected = (actor: Actor) =>
      [...refs]
        .filter(([, ref]) => decide(actor, "annual-report.read", ref).allowed)
        .map(([id]) => id)
        .sort();
    const ids = (rows: { id?: unknown; report_id?: unknown }[]) =>
      [...new Set(rows.map((r) => String(r.id ?? r.report_id)))].sort();

    for (const name of [
      "anonymous",
      "editor-a",
      "token-a",
      "editor-b",
      "regulator",
      "regulator-nm",
      "verifier",
      "admin",
    ])
      it(`shows ${name} exactly the reports, versions, events and evidence the policy lets it read`, async () => {
        const actor = actors[name]!;
        const want = expected(actor);
        await withRowScope(rowScopeOf(actor), async () => {
          expect(ids(await db.selectFrom("annual_reports").select("id").execute())).toEqual(want);
          const submitted = want.filter((id) => !drafts.has(id));
          expect(ids(await db.selectFrom("annual_report_versions").select("report_id").execute())).toEqual(
            submitted,
          );
          expect(ids(await db.selectFrom("annual_report_events").select("report_id").execute())).toEqual(
            submitted,
          );
          expect(ids(await db.selectFrom("evidence_files").select("report_id").execute())).toEqual(want);
        });
      });

    it("the figures differ by actor (the test is not vacuous)", () => {
      expect(expected(actors["editor-a"]!)).not.toEqual(expected(actors["editor-b"]!));
      expect(expected(actors.anonymous!)).toHaveLength(1);
      expect(expected(actors.verifier!)).toHaveLength(2); // the one sent to it, and the published one
      expect(expected(actors["regulator-nm"]!)).toHaveLength(2); // Ordos's, and the published one
    });

    for (const name of ["editor-a", "regulator", "admin"])
      it(`refuses ${name} (as the application role) to change or delete a version or an event`, async () => {
        await withRowScope(rowScopeOf(actors[name]!), async () => {
          for (const table of ["annual_report_versions", "annual_report_events"] as const) {
            await expect(sql.raw(`UPDATE ${table} SET report_id = report_id`).execute(db)).rejects.toThrow(
              /history|only appended|row-level|permission/,
            );
            await expect(sql.raw(`DELETE FROM ${table}`).execute(db)).rejects.toThrow(
              /history|only appended|row-level|permission/,
            );
          }
        });
      });

    it("refuses even the system's scope: history is only appended to", async () => {
      await asSystem(async () => {
        for (const table of ["annual_report_versions", "annual_report_events"] as const) {
          await expect(sql.raw(`UPDATE ${table} SET report_id = report_id`).execute(db)).rejects.toThrow(
            /history|appended|permission denied/,
          );
          await expect(sql.raw(`DELETE FROM ${table}`).execute(db)).rejects.toThrow(
            /history|appended|permission denied/,
          );
        }
      });
    });

    it("lets an enterprise change only its own reports, and a regulator only its jurisdiction's", async () => {
      const changed = async (actor: Actor) =>
        withRowScope(rowScopeOf(actor), async () => {
          const r = await db
            .updateTable("annual_reports")
            .set({ updated_at: new Date() })
            .returning("id")
            .execute();
          return ids(r);
        });
      const own = (org: string) =>
        [...refs]
          .filter(([, r]) => r.organisationId === org)
          .map(([id]) => id)
          .sort();
      expect(await changed(actors["editor-b"]!)).toEqual(
        own((actors["editor-b"] as { organisationId: string }).organisationId),
      );
      expect(await changed(actors["regulator-nm"]!)).toEqual(
        [...refs]
          .filter(([, r]) => r.regionCode?.startsWith("15"))
          .map(([id]) => id)
          .sort(),
      );
      expect(await changed(actors.admin!)).toEqual([]);
    });
  },
);
