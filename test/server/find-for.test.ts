import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/access/actor.ts";
import { ANONYMOUS } from "../../src/domain/access/actor.ts";
import type { QueryScope, ResourceRef } from "../../src/domain/access/policy.ts";
import type { RegionCode } from "../../src/domain/access/region-code.ts";
import type { RoleId } from "../../src/domain/access/roles.ts";
import { ApiError } from "../../src/server/api-error.ts";
import { findFor } from "../../src/server/access/find-for.ts";

const member = (organisationId: string, roles: readonly RoleId[]) => ({
  organisationId,
  organisationKind: "enterprise" as const,
  jurisdiction: null,
  roles,
});
const editorA: Actor = {
  kind: "user",
  userId: "1",
  username: "a",
  sessionId: "s",
  mustChangePassword: false,
  ...member("10", ["enterprise-editor"]),
};
const submitterA: Actor = { ...editorA, userId: "2", roles: ["enterprise-submitter"] };
const editorB: Actor = { ...editorA, userId: "3", organisationId: "20" };
/** A token of A's that may only upload maps (no area.read). */
const uploaderA: Actor = {
  kind: "token",
  tokenId: "7",
  createdBy: "1",
  actions: ["map.upload"],
  ...member("10", ["enterprise-editor"]),
};
const areaOfA: ResourceRef = { kind: "area", organisationId: "10", regionCode: "140603" as RegionCode };

/** What findFor answers for `actor` and `action` on area A: the record, or the refusal's status. */
async function answer(actor: Actor, action: "area.read" | "area.update" | "map.upload", loaded = true) {
  const scopes: QueryScope[] = [];
  try {
    const r = await findFor(actor, action, {
      read: "area.read",
      what: "mining area",
      id: "5",
      load: async (scope) => {
        scopes.push(scope);
        return loaded ? { id: "5" } : undefined;
      },
      resource: () => areaOfA,
    });
    return { found: r.id, scopes };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { status: e.status, code: e.code, message: e.message, scopes };
  }
}

describe("findFor: one rule for a record a request names", () => {
  it("answers the record to whoever may act on it", async () => {
    expect(await answer(editorA, "area.update")).toMatchObject({ found: "5" });
    expect(await answer(submitterA, "area.read")).toMatchObject({ found: "5" });
  });
  it("is 403 for one who may read it but not act, 404 naming it for one who may not read it", async () => {
    expect(await answer(submitterA, "area.update")).toMatchObject({ status: 403, code: "forbidden" });
    expect(await answer(editorB, "area.update")).toMatchObject({
      status: 404,
      code: "not-found",
      message: expect.stringContaining("mining area 5"),
    });
    expect(await answer(ANONYMOUS, "area.read")).toMatchObject({ status: 404 });
  });
  it("finds the record for a token holding the action without the read (map.upload alone)", async () => {
    expect(await answer(uploaderA, "map.upload")).toMatchObject({ found: "5" });
    expect(await answer(uploaderA, "area.update")).toMatchObject({ status: 404 });
  });
  it("is 404 when the loader finds nothing, and gives the loader the actor's scope for the read or the action", async () => {
    const r = await answer(editorA, "area.update", false);
    expect(r).toMatchObject({ status: 404 });
    expect(r.scopes).toEqual([expect.objectContaining({ kind: "some", organisationIds: ["10"] })]);
  });
});
