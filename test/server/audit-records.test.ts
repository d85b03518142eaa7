import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { signIn } from "./actors.ts";
import { CLIENT, createArea, testApp } from "./test-app.ts";

const YONGNING = join(PROJECT_ROOT, "examples", "yongning.yaml");

type Event = {
  action: string;
  resource: { kind: string; id: string | null; organisationId: string | null; regionCode: string | null };
};

describe.each(STORE_KINDS)(
  "each audited record under its own kind, with its owner's scope, on %s",
  (kind) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let admin: Record<string, string>;
    let regulator: Record<string, string>;
    beforeAll(async () => {
      t = await testApp(kind);
      admin = await signIn(t.app, "admin");
      regulator = await signIn(t.app, "regulator");
    }, 120_000);
    afterAll(async () => t.close(), 120_000);

    const timeline = async (k: string, id: string, headers = admin) => {
      const r = await t.app.inject({ url: `/api/audit/resource/${k}/${id}`, headers });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().events as Event[];
    };

    it("an inventory is `inventory` <id> in the area's owner and region; the area's timeline lists it", async () => {
      const areaId = await createArea(t.app, "Area with an inventory");
      const r = await t.app.inject({
        method: "POST",
        url: `/api/areas/${areaId}/inventories`,
        payload: readInputFile(YONGNING) as object,
      });
      expect(r.statusCode, r.body).toBe(201);
      const invId = r.json()[0].id as string;
      const own = await timeline("inventory", invId);
      expect(own).toHaveLength(1);
      expect(own[0]).toMatchObject({
        action: "inventory.write",
        resource: { kind: "inventory", id: invId, organisationId: t.directory.enterpriseA },
      });
      expect(own[0]!.resource.regionCode).not.toBeNull();
      // The province's regulator reads it too (its region lies in the jurisdiction).
      expect(await timeline("inventory", invId, regulator)).toHaveLength(1);
      // The area's own events are no longer confused with its records'.
      const area = await timeline("area", areaId);
      expect(area.map((e) => `${e.action} ${e.resource.kind}`)).toEqual([
        "area.create area",
        "inventory.write inventory",
      ]);
    });

    it("a token is `token` <id> and a session `session` <id>, each in its organisation", async () => {
      const editor = await signIn(t.app, "editor-a");
      const made = await t.app.inject({
        method: "POST",
        url: "/api/tokens",
        headers: editor,
        payload: { name: "uploader", roles: ["enterprise-editor"], actions: ["map.upload"] },
      });
      expect(made.statusCode, made.body).toBe(201);
      const tokenId = made.json().token.id as string;
      const gone = await t.app.inject({
        method: "DELETE",
        url: `/api/tokens/${tokenId}`,
        headers: { ...editor, ...CLIENT },
      });
      expect(gone.statusCode, gone.body).toBe(204);
      const events = await timeline("token", tokenId);
      expect(events.map((e) => e.resource)).toEqual([
        {
          kind: "token",
          id: tokenId,
          organisationId: t.directory.enterpriseA,
          regionCode: expect.any(String),
        },
        {
          kind: "token",
          id: tokenId,
          organisationId: t.directory.enterpriseA,
          regionCode: expect.any(String),
        },
      ]);

      const other = await signIn(t.app, "editor-a");
      const sessions = (await t.app.inject({ url: "/api/sessions", headers: editor })).json() as {
        id: string;
        current: boolean;
      }[];
      const old = sessions.find((s) => !s.current && s.id)!.id;
      const revoked = await t.app.inject({
        method: "DELETE",
        url: `/api/sessions/${old}`,
        headers: { ...other, ...CLIENT },
      });
      expect(revoked.statusCode, revoked.body).toBe(204);
      expect((await timeline("session", old)).map((e) => [e.action, e.resource.kind, e.resource.id])).toEqual(
        [["session.revoke", "session", old]],
      );
    });

    it("the timeline of an unknown kind is refused (400)", async () => {
      const r = await t.app.inject({ url: "/api/audit/resource/planet/1", headers: admin });
      expect(r.statusCode).toBe(400);
    });
  },
);
