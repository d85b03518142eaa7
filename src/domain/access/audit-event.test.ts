import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type TokenActor, type UserActor } from "./actor.ts";
import {
  auditEvent,
  auditResource,
  auditWho,
  canonicalAuditEvent,
  digestOf,
  isAuditAction,
  type AuditEvent,
  type AuditEventInput,
} from "./audit-event.ts";
import { regionCode } from "./region-code.ts";

const input: AuditEventInput = {
  at: new Date("2026-11-30T06:00:00Z"),
  who: {
    userId: "7",
    username: "demo-enterprise-a",
    tokenId: null,
    organisationId: "11",
    roles: ["enterprise-submitter", "enterprise-editor"],
  },
  action: "area.update",
  resource: { kind: "area", id: "5", organisationId: "11", regionCode: "140602" },
  outcome: "done",
  beforeDigest: "a".repeat(64),
  afterDigest: null,
  requestId: "req-1",
  address: "10.0.0.7",
};

describe("canonicalAuditEvent", () => {
  it("canonicalAuditEvent(e) writes every field in a fixed order, time in UTC with milliseconds, nulls explicit", () => {
    const e: AuditEvent = { seq: 12, ...auditEvent(input) };
    expect(canonicalAuditEvent(e)).toBe(
      `{"seq":12,"at":"2026-11-30T06:00:00.000Z","userId":"7","username":"demo-enterprise-a","tokenId":null,` +
        `"organisationId":"11","roles":["enterprise-editor","enterprise-submitter"],"action":"area.update",` +
        `"resourceKind":"area","resourceId":"5","resourceOrganisationId":"11","resourceRegionCode":"140602",` +
        `"outcome":"done","beforeDigest":"${"a".repeat(64)}","afterDigest":null,"requestId":"req-1","address":"10.0.0.7"}`,
    );
  });

  it("canonicalAuditEvent(e) does not depend on the order the caller built the object in", () => {
    const shuffled = Object.fromEntries(
      Object.entries({ seq: 1, ...input }).reverse(),
    ) as unknown as AuditEvent;
    expect(canonicalAuditEvent(shuffled)).toBe(canonicalAuditEvent({ seq: 1, ...input }));
  });
});

describe("auditEvent", () => {
  it("auditEvent(e) sorts the roles and keeps the rest", () => {
    expect(auditEvent(input).who.roles).toEqual(["enterprise-editor", "enterprise-submitter"]);
    expect(auditEvent(input).resource).toEqual(input.resource);
  });

  it("auditEvent(e) names every field it could not store and read back", () => {
    const bad = {
      ...input,
      at: new Date(Number.NaN),
      who: { ...input.who, username: "x".repeat(65), roles: ["root"] },
      action: "area.steal",
      outcome: "maybe",
      afterDigest: "ABC",
      requestId: "a\u0000b",
      address: "\uD800",
    } as unknown as AuditEventInput;
    expect(() => auditEvent(bad)).toThrow(
      /at must be a valid date; username must be 1 to 64 characters; got 65; roles must be role ids; got "root"; action must be an action id or an auth action; got "area.steal"; outcome must be one of done, refused, failed; got "maybe"; afterDigest must be 64 lowercase hex digits or null; requestId must not hold control characters or unpaired surrogates; address must not hold/,
    );
  });

  it("isAuditAction(s) takes the registry's actions and the sign-in actions", () => {
    expect(["area.update", "auth.login", "auth.logout", "auth.login-failed"].every(isAuditAction)).toBe(true);
    expect(isAuditAction("auth.root")).toBe(false);
  });
});

describe("digestOf", () => {
  it("digestOf(record) sorts keys at every depth and writes dates in UTC", () => {
    expect(
      digestOf({ b: 1, a: { d: [3, { y: null, x: "é" }], c: new Date("2026-01-01T08:00:00+08:00") } }),
    ).toBe('{"a":{"c":"2026-01-01T00:00:00.000Z","d":[3,{"x":"é","y":null}]},"b":1}');
  });

  it("digestOf(record) is the same text for the same record however its keys were ordered", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(digestOf(reversed)).toBe(digestOf(record));
        // and it is JSON that reads back to the record
        expect(JSON.parse(digestOf(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it("digestOf(record) leaves undefined properties out but refuses what JSON cannot hold", () => {
    expect(digestOf({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => digestOf({ a: { b: Number.NaN } })).toThrow("digestOf: a.b is NaN, which JSON cannot hold");
    expect(() => digestOf({ n: 1n })).toThrow("digestOf: n is a bigint");
    expect(() => digestOf({ m: new Map() })).toThrow("digestOf: m is not a plain record");
  });
});

describe("auditWho and auditResource", () => {
  const base = {
    organisationId: "11",
    organisationKind: "enterprise" as const,
    jurisdiction: null,
    roles: ["enterprise-submitter", "enterprise-editor"] as const,
  };
  it("auditWho(actor) names a user, a token with the user who made it, and nobody for the public", () => {
    const user: UserActor = {
      ...base,
      kind: "user",
      userId: "7",
      username: "a",
      sessionId: "s",
      mustChangePassword: false,
    };
    const token: TokenActor = {
      ...base,
      kind: "token",
      tokenId: "3",
      createdBy: "7",
      actions: ["inventory.write"],
    };
    expect(auditWho(user)).toEqual({
      userId: "7",
      username: "a",
      tokenId: null,
      organisationId: "11",
      roles: ["enterprise-editor", "enterprise-submitter"],
    });
    expect(auditWho(token)).toMatchObject({
      userId: "7",
      username: null,
      tokenId: "3",
      organisationId: "11",
    });
    expect(auditWho(ANONYMOUS)).toEqual({
      userId: null,
      username: null,
      tokenId: null,
      organisationId: null,
      roles: [],
    });
  });

  it("auditResource(ref, id) takes the owner and region the policy saw", () => {
    expect(
      auditResource(
        { kind: "area", organisationId: "11", regionCode: regionCode("140602", "t"), published: true },
        "5",
      ),
    ).toEqual({ kind: "area", id: "5", organisationId: "11", regionCode: "140602" });
  });
});
