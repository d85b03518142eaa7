import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, freshAddress, signIn } from "./actors.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";

/** Public feedback about a mine: sent without login, moderated by the regulator, the reply public. */
describe.each(STORE_KINDS)("feedback and replies on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let publicMine: string;
  let privateMine: string;
  let regulator: { cookie: string; origin: string };
  let otherRegulator: { cookie: string; origin: string };
  beforeAll(async () => {
    t = await testApp(kind);
    const d = t.directory;
    await asSystem(async () => {
      publicMine = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Public mine",
          stage: "production",
        })
      ).id;
      privateMine = (
        await t.ctx.mines.add({
          organisationId: d.enterpriseA,
          regionCode: "140603",
          name: "Private mine",
          stage: "production",
        })
      ).id;
      await t.ctx.db
        .insertInto("annual_reports")
        .values({
          mine_id: publicMine,
          year: 2024,
          organisation_id: d.enterpriseA,
          region_code: "140603",
          state: "published",
        })
        .execute();
    });
    regulator = await signIn(t.app, "regulator");
    otherRegulator = await signIn(t.app, "regulator-nm");
  }, 300_000);
  afterAll(async () => t.close(), 120_000);

  const send = (payload: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/feedback",
      payload,
      headers: ANONYMOUS,
      remoteAddress: freshAddress(),
    });

  it("takes a message about a public mine with category, point and contact; the regulator replies and the public sees the reply without the contact", async () => {
    const sent = await send({
      mineId: publicMine,
      category: "reclamation",
      point: { lon: 112.35, lat: 39.45 },
      contact: "resident@example.org",
      name: "A resident",
      message: "The dump east of the village is still bare.",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id;
    const list = (
      await t.app.inject({
        url: `/api/feedback?mineId=${publicMine}&status=received&category=reclamation`,
        headers: regulator,
      })
    ).json();
    expect(list.items).toMatchObject([
      {
        id,
        contact: "resident@example.org",
        point: { lon: 112.35, lat: 39.45 },
        status: "received",
        public: false,
      },
    ]);
    expect(
      (await t.app.inject({ url: `/api/feedback?mineId=${publicMine}`, headers: otherRegulator })).json()
        .items,
    ).toEqual([]);
    const inbox = (await t.app.inject({ url: "/api/inbox", headers: regulator })).json();
    expect(inbox.items.some((m: { subject: { id: string } }) => m.subject.id === id)).toBe(true);
    // Not public until the regulator says so.
    expect(
      (await t.app.inject({ url: `/api/public/feedback?mineId=${publicMine}`, headers: ANONYMOUS })).json(),
    ).toEqual([]);
    const reply = (payload: object, headers: Record<string, string> = regulator) =>
      t.app.inject({ method: "POST", url: `/api/feedback/${id}/reply`, payload, headers });
    expect((await reply({ reply: "x", status: "handled", public: true }, otherRegulator)).statusCode).toBe(
      404,
    );
    expect((await reply({ reply: "x", status: "handled", public: true }, {})).statusCode).toBe(403);
    const r = await auditedWrite(t.app, t.ctx.store, {
      method: "POST",
      url: `/api/feedback/${id}/reply`,
      payload: { reply: "Replanting is scheduled for spring.", status: "in-progress", public: true },
      headers: regulator,
    });
    expect(r.statusCode, r.body).toBe(200);
    const seen = await t.app.inject({ url: `/api/public/feedback?mineId=${publicMine}`, headers: ANONYMOUS });
    expect(seen.json()).toMatchObject([
      { id, reply: "Replanting is scheduled for spring.", status: "in-progress", category: "reclamation" },
    ]);
    expect(seen.body).not.toContain("resident@example.org");
    expect(seen.body).not.toContain("A resident");
    expect(seen.body).not.toContain("192.0.2.");
    // Forward only.
    expect((await reply({ reply: "again", status: "received", public: true })).statusCode).toBe(409);
    expect((await reply({ reply: "Done.", status: "handled", public: true })).json().status).toBe("handled");
  });

  it("refuses a mine that is not public, a point off the globe and an area and a mine together", async () => {
    expect((await send({ mineId: privateMine, message: "hello" })).statusCode).toBe(404);
    const off = await send({ mineId: publicMine, message: "hello", point: { lon: 200, lat: 39 } });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.details[0].path).toBe("point.lon");
    expect((await send({ mineId: publicMine, areaId: "1", message: "hello" })).statusCode).toBe(400);
    expect((await send({ message: "about the portal", category: "other" })).statusCode).toBe(201);
  });
});
