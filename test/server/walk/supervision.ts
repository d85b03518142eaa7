import type { InjectOptions } from "fastify";
import type { ResourceRef } from "../../../src/domain/access/policy.ts";
import type { RegionCode } from "../../../src/domain/access/region-code.ts";
import { asSystem } from "../../../src/storage/row-scope.ts";
import type { WalkFixture, WalkPart } from "./walk-part.ts";

/**
 * Supervision's operations in the route walk (flags, notices, spot checks, evaluation, the inbox):
 * a supervision run of 2000 by the Shanxi regulator raises mine A's overdue report; a notice is
 * issued to mine A; a spot check draws every mine of Shanxi. A notice's steps refused by its state
 * (409) after an allowed client took one still count as allowed: only access is walked here.
 */
const ids = { flag: "", notice: "", spotCheck: "", mineA: "", feedback: "" };
let spotCheckRef: ResourceRef | undefined;
let mineARef: ResourceRef | undefined;

async function setup(f: WalkFixture): Promise<void> {
  const { t } = f;
  ids.mineA = f.mineA.id;
  mineARef = f.mineA.ref;
  const ok = async (o: InjectOptions, status = 200) => {
    const r = await t.app.inject({ ...o, headers: { ...(o.headers ?? {}), ...f.headers.regulator } });
    if (r.statusCode !== status)
      throw new Error(`walk part supervision: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
  await ok({ method: "POST", url: "/api/supervision/run", payload: { year: 2000 } });
  const flags = await ok({ url: `/api/flags?mineId=${f.mineA.id}&kind=report-overdue&year=2000` });
  ids.flag = flags[0].id;
  ids.notice = (
    await ok(
      {
        method: "POST",
        url: `/api/mines/${f.mineA.id}/notices`,
        payload: { text: "walk", deadline: "2099-01-01" },
      },
      201,
    )
  ).id;
  const c = await ok(
    { method: "POST", url: "/api/spot-checks", payload: { year: 2000, sampleShare: 1, seed: "walk" } },
    201,
  );
  ids.spotCheck = c.id;
  spotCheckRef = { kind: "mine", organisationId: c.organisationId, regionCode: c.regionCode as RegionCode };
  // A message from the public about mine A (filed under its owner and region), for the reply.
  ids.feedback = (
    await asSystem(() =>
      t.ctx.feedback.add({
        areaId: null,
        mineId: f.mineA.id,
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
        name: null,
        contact: null,
        message: "the walk's message",
        address: null,
      }),
    )
  ).id;
}

export const supervisionPart: WalkPart = {
  name: "supervision",
  setup,
  resourceOf(op) {
    if (
      [
        "/api/supervision/run",
        "/api/flags",
        "/api/notices",
        "/api/spot-checks",
        "/api/evaluation",
        "/api/inbox",
        "/api/inbox/read",
      ].includes(op.path)
    )
      return null;
    if (op.path.startsWith("/api/flags/{id}") || op.path.startsWith("/api/notices/{id}"))
      return { ref: mineARef!, read: "mine.read" };
    if (op.path.startsWith("/api/spot-checks/{id}")) return { ref: spotCheckRef!, read: "supervision.run" };
    if (op.path === "/api/feedback/{id}/reply")
      return {
        ref: { kind: "area", organisationId: mineARef!.organisationId, regionCode: mineARef!.regionCode },
        read: "feedback.read",
      };
    return undefined;
  },
  url(op) {
    if (op.path.startsWith("/api/flags/{id}")) return op.path.replace("{id}", ids.flag);
    if (op.path.startsWith("/api/notices/{id}")) return op.path.replace("{id}", ids.notice);
    if (op.path.startsWith("/api/spot-checks/{id}"))
      return op.path.replace("{id}", ids.spotCheck).replace("{mineId}", ids.mineA);
    if (op.id === "get /api/mines/{id}/evaluation") return `/api/mines/${ids.mineA}/evaluation?year=2000`;
    if (op.id === "get /api/evaluation") return "/api/evaluation?year=2000";
    if (op.path === "/api/feedback/{id}/reply") return `/api/feedback/${ids.feedback}/reply`;
    return undefined;
  },
  request(op) {
    const json = (payload: unknown) => ({ payload });
    switch (op.id) {
      case "post /api/supervision/run":
        return json({ year: 2000 });
      case "post /api/flags/{id}/dismiss":
        return json({ reason: "the walk" });
      case "post /api/mines/{id}/notices":
        return json({ text: "the walk", deadline: "2099-01-01" });
      case "post /api/notices/{id}/respond":
        return json({ text: "done" });
      case "post /api/notices/{id}/close":
      case "post /api/notices/{id}/escalate":
        return json({ text: "checked" });
      case "post /api/spot-checks":
        return json({ year: 2000, sampleSize: 1, seed: "walk again" });
      case "put /api/spot-checks/{id}/results/{mineId}":
        return json({ outcome: "conforms", finding: "the walk" });
      case "post /api/inbox/read":
        return json({});
      case "post /api/feedback/{id}/reply":
        return json({ reply: "the walk's reply", status: "in-progress", public: false });
      default:
        return undefined;
    }
  },
};
