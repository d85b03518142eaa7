import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type Actor } from "../../src/domain/access/actor.ts";
import { asSystem, rowScopeOf } from "../../src/storage/row-scope.ts";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { ANONYMOUS as ANONYMOUS_HEADER, multipart, testApp } from "./test-app.ts";

/**
 * Which row scope a request's queries really carry on PostgreSQL: triggers installed by the owner
 * record `minecarbon.scope` as each row is written. A JSON body and a multipart upload are both read
 * from the socket before the handler runs; the scope must still be the actor's, set after that.
 */
describe.skipIf(!STORE_KINDS.includes("postgres"))("the row scope of a request on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let tokenActor: Actor;
  const asOwner = async (q: string) => {
    const c = new pg.Client({ connectionString: t.ownerUrl });
    await c.connect();
    try {
      return (await c.query(q)).rows;
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    t = await testApp("postgres");
    tokenActor = (await asSystem(() => t.ctx.identity.tokenActor(t.directory.tokenA)))!;
    await asOwner("CREATE TABLE scope_probe (tbl text, scope text)");
    await asOwner(`CREATE FUNCTION probe_scope() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public, pg_temp AS $f$
      BEGIN INSERT INTO scope_probe VALUES (TG_TABLE_NAME, current_setting('minecarbon.scope', true)); RETURN NEW; END $f$`);
    for (const table of ["mining_areas", "landuse_maps", "feedback"])
      await asOwner(
        `CREATE TRIGGER probe AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION probe_scope()`,
      );
  }, 120_000);
  afterAll(() => t?.close());

  const probed = async (table: string) =>
    (await asOwner(`SELECT scope FROM scope_probe WHERE tbl = '${table}'`)).map(
      (r: { scope: string }) => r.scope,
    );

  it("is the actor's for a JSON body, a multipart upload and an anonymous visitor's feedback", async () => {
    const area = await t.app.inject({
      method: "POST",
      url: "/api/areas",
      payload: { name: "probed", legend: { preset: "seed001" } },
    });
    expect(area.statusCode, area.body).toBe(201);
    const expected = JSON.stringify(rowScopeOf(tokenActor));
    expect(await probed("mining_areas")).toEqual([expected]);

    const file = join(t.dir, "2000.tif");
    writeCodeRaster(file, new Uint8Array(64).fill(1), 8, 8);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/areas/${area.json().id}/maps`,
      ...multipart({ year: "2000" }, { name: "2000.tif", bytes: readFileSync(file) }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(await probed("landuse_maps")).toEqual([expected]);

    // The demo-less test store has no published area: feedback about the portal as a whole.
    const feedback = await t.app.inject({
      method: "POST",
      url: "/api/public/feedback",
      headers: ANONYMOUS_HEADER,
      payload: { message: "Where can I read the 2026 reports?" },
    });
    expect(feedback.statusCode, feedback.body).toBe(201);
    expect(await probed("feedback")).toEqual([JSON.stringify(rowScopeOf(ANONYMOUS))]);
  });
});
