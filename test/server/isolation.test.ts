import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isActionId, type ActionId } from "../../src/domain/access/actions.ts";
import { ANONYMOUS as NOBODY, type Actor } from "../../src/domain/access/actor.ts";
import { decide, grantsFor, type ResourceRef } from "../../src/domain/access/policy.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { areaResource } from "../../src/storage/mining-area-repository.ts";
import { mineResource } from "../../src/storage/mine-repository.ts";
import type { RegionCode } from "../../src/domain/access/region-code.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/policy.ts";
import { verifyAuditChain } from "../../src/storage/audit-log.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { ANONYMOUS, CLIENT, multipart, testApp, waitForJob } from "./test-app.ts";
import { auditCount, signIn } from "./actors.ts";
import { WALK_PARTS } from "./walk/parts.ts";
import { WALK_CLIENTS as CLIENTS, type WalkClient as Client } from "./walk/walk-part.ts";

/*
 * The route-walking isolation test (issue 12). For every operation of the generated OpenAPI
 * document and every kind of client — the public, enterprise A's and B's editors, the province's
 * regulator, another province's regulator, an unassigned verifier and the administrator — the
 * answer is exactly what the policy allows: 401 for the public, 403 when none of the actor's roles
 * grants the operation's action (or it may read the area but not act on it), 404 when it may not
 * read the area the operation is about (whether it exists is not told), and otherwise an answer
 * that is not a refusal. A refused answer never carries the area's data, and lists never carry
 * another organisation's. The expectation is computed from the policy and the operation's
 * declared `x-access`, so a route added without thought is caught: an operation whose resource
 * this test does not know fails it until the test is told.
 */

type Op = { path: string; method: string; access: string; id: string };
type Doc = { paths: Record<string, Record<string, { "x-access"?: string }>> };

const SECRET_A = "SECRET-AREA-OF-A";
const SECRET_B = "SECRET-AREA-OF-B";
const YONGNING = join(PROJECT_ROOT, "examples", "yongning.yaml");

/** Operations left out, each with why. */
const NOT_WALKED: Record<string, string> = {
  "post /api/auth/login": "signing in is tested in auth.test.ts (its refusals are about credentials)",
  "post /api/auth/logout": "signing out is tested in auth.test.ts",
  ...Object.assign({}, ...WALK_PARTS.map((p) => p.notWalked ?? {})),
};
/** Writes that would destroy the fixture when allowed: only their refusals are sent. */
const DESTRUCTIVE = new Set([
  "delete /api/areas/{id}",
  "delete /api/inventories/{id}",
  "delete /api/tokens/{id}", // enterprise A's editor's own token
  "delete /api/sessions/{id}", // the administrator's own session
  ...WALK_PARTS.flatMap((p) => [...(p.destructive ?? [])]),
]);
/** POSTs that change nothing (checks, comparisons, computations). */
const READS = new Set(["post /api/pathways", ...WALK_PARTS.flatMap((p) => [...(p.reads ?? [])])]);

for (const kind of STORE_KINDS)
  describe(`every route and role gets what the policy allows (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    const files = mkdtempSync(join(tmpdir(), "mc-isolation-"));
    const ids = {
      areaA: "",
      areaB: "",
      analysisA: "",
      inventoryA: "",
      reportA: "",
      file: "",
      layer: "",
      mineA: "",
      tokenA: "",
      adminSession: "",
    };
    const headers = {} as Record<Client, Record<string, string>>;
    const actors = {} as Record<Client, Actor>;
    let areaARef: ResourceRef;
    /** Enterprise A's mine, A itself (for its tokens), A's editor, the administrator (for their session). */
    let mineARef: ResourceRef;
    let orgARef: ResourceRef;
    let editorARef: ResourceRef;
    let adminRef: ResourceRef;
    let ops: Op[];

    beforeAll(async () => {
      t = await testApp(kind);
      const as = (c: Client) => ({ headers: headers[c] });
      headers.anonymous = { ...ANONYMOUS };
      headers["editor-a"] = { authorization: t.auth.authorization };
      for (const [c, u] of [
        ["editor-b", "editor-b"],
        ["regulator", "regulator"],
        ["regulator-nm", "regulator-nm"],
        ["verifier", "verifier"],
        ["admin", "admin"],
      ] as const)
        headers[c] = await signIn(t.app, u);
      for (const c of CLIENTS) {
        if (c === "anonymous") {
          actors[c] = NOBODY;
          continue;
        }
        const me = await t.app.inject({ url: "/api/me", ...as(c) });
        expect(me.statusCode, me.body).toBe(200);
        const m = me.json();
        const member = {
          organisationId: m.organisation.id,
          organisationKind: m.organisation.kind,
          jurisdiction: m.organisation.kind === "department" ? m.organisation.region.code : null,
          roles: m.roles,
        };
        // Enterprise A's editor acts through an API token: only its actions, no grants over an account.
        if (m.actor === "token") {
          actors[c] = { kind: "token", tokenId: m.token.id, createdBy: "", actions: m.actions, ...member };
          continue;
        }
        actors[c] = {
          kind: "user",
          userId: m.user?.id ?? "token",
          username: m.user?.username ?? "token",
          sessionId: "",
          mustChangePassword: m.user?.mustChangePassword ?? false,
          organisationId: m.organisation.id,
          organisationKind: m.organisation.kind,
          jurisdiction: m.organisation.kind === "department" ? m.organisation.region.code : null,
          roles: m.roles,
        };
      }

      // Enterprise A's area with two maps, a finished analysis, an inventory and a report.
      ids.areaA = (
        await t.app.inject({
          method: "POST",
          url: "/api/areas",
          payload: { name: SECRET_A, legend: { preset: "seed001" } },
        })
      ).json().id;
      const codes = new Uint8Array(20 * 20).fill(1);
      writeCodeRaster(join(files, "2001.tif"), codes, 20, 20);
      codes.fill(3, 0, 100);
      writeCodeRaster(join(files, "2011.tif"), codes, 20, 20);
      for (const year of ["2001", "2011"]) {
        const up = await t.app.inject({
          method: "POST",
          url: `/api/areas/${ids.areaA}/maps`,
          ...multipart({ year }, { name: `${year}.tif`, bytes: readFileSync(join(files, `${year}.tif`)) }),
        });
        expect(up.statusCode, up.body).toBe(201);
      }
      const job = await t.app.inject({
        method: "POST",
        url: `/api/areas/${ids.areaA}/analyses`,
        payload: {},
      });
      expect(job.statusCode, job.body).toBe(202);
      ids.analysisA = job.json().id;
      await t.jobs.whenIdle();
      expect((await waitForJob(t.app, ids.analysisA)).state).toBe("done");
      const analysis = (await t.app.inject({ url: `/api/analyses/${ids.analysisA}` })).json();
      ids.file = (analysis.result ?? analysis).outputs[0];
      ids.layer = (await t.app.inject({ url: `/api/areas/${ids.areaA}/layers` }))
        .json()
        .layers.find((l: { kind: string }) => l.kind !== "landuse")?.id;
      const inv = await t.app.inject({
        method: "POST",
        url: `/api/areas/${ids.areaA}/inventories`,
        payload: readInputFile(YONGNING) as object,
      });
      expect(inv.statusCode, inv.body).toBe(201);
      ids.inventoryA = inv.json()[0].id;
      const report = await t.app.inject({
        method: "POST",
        url: `/api/analyses/${ids.analysisA}/reports`,
        payload: { format: "html" },
      });
      expect(report.statusCode, report.body).toBe(201);
      ids.reportA = report.json().id;
      areaARef = areaResource((await asSystem(() => t.ctx.areas.get(ids.areaA, SYSTEM_SCOPE)))!);
      const d = t.directory;
      const mine = await asSystem(() =>
        t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Mine of A",
          stage: "production",
        }),
      );
      ids.mineA = mine.id;
      mineARef = mineResource(mine);
      orgARef = { kind: "organisation", organisationId: d.enterpriseA, regionCode: "140603" as RegionCode };
      editorARef = {
        kind: "user",
        organisationId: d.enterpriseA,
        regionCode: "140603" as RegionCode,
        userId: d.editorA,
      };
      adminRef = {
        kind: "user",
        organisationId: d.shanxi,
        regionCode: "140000" as RegionCode,
        userId: d.admin,
      };
      ids.tokenA = (await t.app.inject({ url: "/api/tokens" })).json()[0].id;
      ids.adminSession = (await t.app.inject({ url: "/api/sessions", headers: headers.admin }))
        .json()
        .find((s: { current: boolean }) => s.current).id;

      // Enterprise B's area, made by its editor signed in with a session.
      const b = await t.app.inject({
        method: "POST",
        url: "/api/areas",
        headers: { ...headers["editor-b"] },
        payload: { name: SECRET_B, legend: { preset: "seed001" } },
      });
      expect(b.statusCode, b.body).toBe(201);
      ids.areaB = b.json().id;

      for (const part of WALK_PARTS)
        await part.setup({
          t,
          headers,
          actors,
          mineA: { id: ids.mineA, ref: mineARef },
          areaA: { id: ids.areaA, ref: areaARef },
        });

      const doc = (await t.app.inject({ url: "/openapi.json" })).json() as Doc;
      ops = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({
          path,
          method,
          access: op["x-access"] ?? "",
          id: `${method} ${path}`,
        })),
      );
    }, 300_000);
    afterAll(async () => {
      await t.close();
      rmSync(files, { recursive: true, force: true });
    }, 120_000);

    /**
     * The record an operation is about, with the action that reads it (404 without it); null when it
     * is about no one record (lists, creations).
     */
    const resourceOf = (op: Op): { ref: ResourceRef; read: ActionId } | null => {
      // The parts first: they know their own operations, also those under a path the walk knows.
      for (const part of WALK_PARTS) {
        const r = part.resourceOf(op);
        if (r !== undefined) return r;
      }
      // Acts on the new owner (organisation.manage), which only the administrator holds.
      if (op.id === "post /api/areas/{id}/transfer") return null;
      if (/^\/api\/(areas|analyses|jobs|inventories|reports)\/\{id\}/.test(op.path))
        return { ref: areaARef, read: "area.read" };
      if (op.id === "post /api/pathways") return { ref: areaARef, read: "area.read" }; // its scenario names area A's inventory
      if (op.path.startsWith("/api/mines/{id}")) return { ref: mineARef, read: "mine.read" };
      if (op.path === "/api/organisations/{id}") return { ref: orgARef, read: "organisation.read" };
      if (op.path.startsWith("/api/users/{id}")) return { ref: editorARef, read: "user.read" };
      if (op.path === "/api/tokens/{id}") return { ref: orgARef, read: "token.read" };
      if (op.path === "/api/sessions/{id}") return { ref: adminRef, read: "session.read" };
      if (
        /^\/api\/(mines|regions|organisations|users|tokens|sessions|audit|feedback|public\/areas|public\/feedback|me\/password|verification-bodies)$/.test(
          op.path,
        ) ||
        op.path === "/api/audit/resource/{kind}/{id}"
      )
        return null;
      if (
        ["get /api/areas", "post /api/areas", "post /api/optimize", "get /api/examples/{name}"].includes(
          op.id,
        )
      )
        return null;
      throw new Error(
        `${op.id}: tell the isolation test (or a part in walk/) which resource this operation is about`,
      );
    };

    const url = (op: Op) =>
      WALK_PARTS.map((p) => p.url(op)).find((u) => u !== undefined) ??
      op.path
        .replace(/^\/api\/areas\/\{id\}/, `/api/areas/${ids.areaA}`)
        .replace(/^\/api\/(analyses|jobs)\/\{id\}/, `/api/$1/${ids.analysisA}`)
        .replace(/^\/api\/inventories\/\{id\}/, `/api/inventories/${ids.inventoryA}`)
        .replace(/^\/api\/reports\/\{id\}/, `/api/reports/${ids.reportA}`)
        .replace("{year}", "2001")
        .replace("/api/examples/{name}", "/api/examples/pingshuo-structure")
        .replace("{name}", ids.file)
        .replace("{layer}", ids.layer)
        .replace("{organisationId}", t.directory.verifier) // unassigning a body that is not assigned
        .replace(/^\/api\/public\/areas\/\{id\}/, `/api/public/areas/${ids.areaA}`)
        .replace(/^\/api\/mines\/\{id\}/, `/api/mines/${ids.mineA}`)
        .replace("/api/organisations/{id}", `/api/organisations/${t.directory.enterpriseA}`)
        .replace(/^\/api\/users\/\{id\}/, `/api/users/${t.directory.editorA}`)
        .replace("/api/tokens/{id}", `/api/tokens/${ids.tokenA}`)
        .replace("/api/sessions/{id}", `/api/sessions/${ids.adminSession}`)
        .replace("/api/audit/resource/{kind}/{id}", `/api/audit/resource/area/${ids.areaA}`)
        .concat(op.id === "get /api/areas/{id}/pixel" ? "?x=0&y=0" : "");

    /** A valid request of the operation (so that only access can refuse it). */
    const request = (op: Op): Record<string, unknown> => {
      const fromPart = WALK_PARTS.map((p) => p.request(op)).find((r) => r !== undefined);
      if (fromPart !== undefined) return fromPart;
      const json = (payload: unknown) => ({ payload });
      switch (op.id) {
        case "post /api/areas":
          return json({ name: "made by the walk", legend: { preset: "seed001" } });
        case "patch /api/areas/{id}":
          return json({ nameZh: "甲" });
        case "put /api/areas/{id}/legend":
          return json({
            classes: [
              { code: 1, name: "arable", key: "arable" },
              { code: 3, name: "forest", key: "forest" },
            ],
          });
        case "post /api/areas/{id}/legend/csv":
          return {
            payload: "code,name,role\n1,arable,arable\n3,forest,forest\n",
            headers: { "content-type": "text/csv" },
          };
        case "post /api/areas/{id}/maps":
          return multipart(
            { year: "2021" },
            { name: "2021.tif", bytes: readFileSync(join(files, "2011.tif")) },
          );
        case "post /api/areas/{id}/analyses":
          return json({});
        case "post /api/areas/{id}/inventories":
        case "put /api/inventories/{id}":
          return json(readInputFile(YONGNING));
        case "post /api/analyses/{id}/reports":
        case "post /api/inventories/{id}/reports":
          return json({ format: "html" });
        case "post /api/pathways":
          return json({
            scenarios: [
              {
                ...(readInputFile(join(PROJECT_ROOT, "examples", "yongning-pathway.yaml")) as object),
                baseline: { inventoryId: ids.inventoryA },
              },
            ],
          });
        case "post /api/areas/{id}/publish":
          return json({ published: false });
        case "post /api/areas/{id}/verifiers":
          // Not a verification body: refused (400) once access is granted, so area A stays unassigned.
          return json({ organisationId: t.directory.enterpriseB });
        case "post /api/areas/{id}/transfer":
          return json({ organisationId: t.directory.enterpriseA, regionCode: "140603" }); // to its owner
        case "post /api/optimize":
          return json(readInputFile(join(PROJECT_ROOT, "examples", "pingshuo-structure.yaml")));
        default:
          if (op.method !== "get") return { headers: CLIENT };
          return {};
      }
    };

    /** What the policy says the client gets: a refusal's status, or "allowed". */
    const expected = (op: Op, c: Client): 401 | 403 | 404 | "allowed" => {
      const actor = actors[c];
      // The public portal's pages of area A, which is not published: not found, whoever asks.
      if (op.path.startsWith("/api/public/areas/{id}")) return 404;
      if (op.access === "public") return "allowed";
      if (actor.kind === "anonymous") return 401;
      if (op.access === "signed-in") return "allowed";
      if (!isActionId(op.access)) throw new Error(`${op.id}: x-access "${op.access}" is no action`);
      const action: ActionId = op.access;
      if (grantsFor(actor, action).every((g) => g.scope === "published")) return 403;
      const target = resourceOf(op);
      if (target === null) return "allowed";
      if (!decide(actor, target.read, target.ref).allowed) return 404;
      return decide(actor, action, target.ref).allowed ? "allowed" : 403;
    };

    const auditEvents = () => auditCount(t.ctx.store);

    it("walks every operation of the document, each declaring its access", () => {
      expect(ops.length).toBeGreaterThan(30);
      for (const op of ops) expect(op.access, op.id).not.toBe("");
    });

    for (const c of CLIENTS)
      it(`answers ${c} as the policy says, with nothing of another organisation`, async () => {
        const seen: string[] = [];
        for (const op of ops) {
          if (NOT_WALKED[op.id]) continue;
          const want = expected(op, c);
          if (want === "allowed" && DESTRUCTIVE.has(op.id)) continue;
          const r = request(op);
          const eventsBefore = await auditEvents();
          const res = await t.app.inject({
            method: op.method.toUpperCase() as "GET",
            url: url(op),
            ...r,
            headers: { ...((r.headers as object) ?? {}), ...headers[c] },
          });
          const what = `${c} ${op.id} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (want === "allowed") {
            // A table, file or layer this analysis does not have is not found: not a refusal.
            const absentPart =
              res.statusCode === 404 &&
              ["table", "name", "layer"].includes(res.json().error.details[0]?.path);
            if (!absentPart) expect([401, 403, 404], what).not.toContain(res.statusCode);
            expect(res.statusCode, what).toBeLessThan(500);
          } else {
            expect(res.statusCode, what).toBe(want);
            expect(res.body, what).not.toContain(SECRET_A);
          }
          // Every change leaves exactly one audit event; a refusal, or a read, none.
          const changed =
            op.method !== "get" &&
            res.statusCode < 300 &&
            !op.path.startsWith("/api/optimize") &&
            !READS.has(op.id);
          expect(await auditEvents(), `audit events of ${what}`).toBe(eventsBefore + (changed ? 1 : 0));
          if (res.statusCode < 300 && !decide(actors[c], "area.read", areaARef).allowed)
            expect(res.body, what).not.toContain(SECRET_A);
          if (c !== "editor-b" && c !== "regulator" && c !== "admin")
            expect(res.body, what).not.toContain(SECRET_B);
          seen.push(op.id);
        }
        expect(seen.length).toBeGreaterThan(20);
      });

    it("keeps an unbroken audit chain through all of it", async () => {
      const v = await asSystem(() => verifyAuditChain(t.ctx.store.db));
      expect(v.firstBroken).toBeUndefined();
      expect(v.ok).toBe(true);
      expect(v.events).toBeGreaterThan(10);
    });
  });
