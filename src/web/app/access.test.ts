import { describe, expect, it } from "vitest";
import type { Me } from "../../contract/auth.ts";
import { ACTION_IDS, type ActionId } from "../../domain/access/actions.ts";
import { ROLES } from "../../domain/access/roles.ts";
import { mayOn } from "./access.ts";

const ENTERPRISE_A = "org-a";
/** Enterprise A's area in Shuozhou's Pingshuo district. */
const areaOfA = { organisationId: ENTERPRISE_A, regionCode: "140603" };

function me(
  roles: Me["roles"],
  organisation: { id: string; kind: Me["organisation"]["kind"]; region: string },
  token?: ActionId[],
): Me {
  const actions = token ?? ACTION_IDS.filter((a) => roles.some((r) => ROLES[r].some((g) => g.action === a)));
  return {
    actor: token ? "token" : "user",
    user: token ? null : { id: "u", username: "u", displayName: null, mustChangePassword: false },
    token: token ? { id: "t" } : null,
    organisation: {
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.id,
      nameZh: null,
      region: { code: organisation.region, name: organisation.region, nameZh: null },
    },
    roles,
    actions,
  };
}

const WRITES = ["area.update", "map.upload", "analysis.run", "inventory.write", "report.create"] as const;

describe("mayOn: the policy's answer for one area, from Me", () => {
  it("enterprise A's editor changes its own area, not enterprise B's", () => {
    const editor = me(["enterprise-editor"], { id: ENTERPRISE_A, kind: "enterprise", region: "140600" });
    for (const a of WRITES) expect(mayOn(editor, a, areaOfA), a).toBe(true);
    for (const a of WRITES) expect(mayOn(editor, a, { ...areaOfA, organisationId: "org-b" }), a).toBe(false);
  });

  it("a regulator, a verifier, the administrator and a submitter read enterprise A's area and change nothing", () => {
    const city = me(["regulator"], { id: "city", kind: "department", region: "140600" });
    const verifier = me(["verifier"], { id: "vb", kind: "verification-body", region: "140000" });
    const admin = me(["administrator"], { id: "dept", kind: "department", region: "140000" });
    const submitter = me(["enterprise-submitter"], {
      id: ENTERPRISE_A,
      kind: "enterprise",
      region: "140600",
    });
    for (const who of [city, verifier, admin, submitter])
      for (const a of WRITES) expect(mayOn(who, a, areaOfA), `${who.roles[0]} ${a}`).toBe(false);
    expect(mayOn(city, "area.read", areaOfA)).toBe(true);
    expect(mayOn(city, "plan.compute", areaOfA)).toBe(true);
    expect(mayOn(submitter, "area.read", areaOfA)).toBe(true);
    // Out of its jurisdiction, not even read; its own department's area, changed.
    expect(mayOn(city, "area.read", { organisationId: "org-a", regionCode: "141102" })).toBe(false);
    expect(mayOn(city, "map.upload", { organisationId: "city", regionCode: "140603" })).toBe(true);
  });

  it("an API token only for the actions it was given; nobody before Me has loaded", () => {
    const token = me(["enterprise-editor"], { id: ENTERPRISE_A, kind: "enterprise", region: "140600" }, [
      "area.read",
      "inventory.write",
    ]);
    expect(mayOn(token, "inventory.write", areaOfA)).toBe(true);
    expect(mayOn(token, "map.upload", areaOfA)).toBe(false);
    expect(mayOn(undefined, "area.read", areaOfA)).toBe(false);
  });
});
