import type { ActionId } from "../../../src/domain/access/actions.ts";
import type { Actor } from "../../../src/domain/access/actor.ts";
import type { ResourceRef } from "../../../src/domain/access/policy.ts";
import type { testApp } from "../test-app.ts";

/** One operation of the OpenAPI document, as the route walk (isolation.test.ts) sees it. */
export interface WalkOp {
  readonly path: string;
  readonly method: string;
  /** Its declared `x-access`: an action, "public" or "signed-in". */
  readonly access: string;
  /** "get /api/…" */
  readonly id: string;
}

export const WALK_CLIENTS = [
  "anonymous",
  "editor-a",
  "editor-b",
  "regulator",
  "regulator-nm",
  "verifier",
  "admin",
] as const;
export type WalkClient = (typeof WALK_CLIENTS)[number];

/** What a part of the walk is given once the walk's own fixture (enterprise A's area and mine) exists. */
export interface WalkFixture {
  readonly t: Awaited<ReturnType<typeof testApp>>;
  /** Each client's credential headers (editor-a is an API token of editor and submitter). */
  readonly headers: Readonly<Record<WalkClient, Record<string, string>>>;
  readonly actors: Readonly<Record<WalkClient, Actor>>;
  /** Enterprise A's mine (region 140603) and area, made by the walk. */
  readonly mineA: { readonly id: string; readonly ref: ResourceRef };
  readonly areaA: { readonly id: string; readonly ref: ResourceRef };
}

/**
 * A part of the route walk for a group of operations (the management system's, issue 13): it makes
 * the records its operations are about, says which record each is about, fills in their URLs and
 * gives a valid request, so that only access can refuse it. Each answer is `undefined` for an
 * operation the part does not know, and the walk asks the next part.
 */
export interface WalkPart {
  readonly name: string;
  setup(f: WalkFixture): Promise<void>;
  /** The record the operation is about and the action that reads it; null when it is about none. */
  resourceOf(op: WalkOp): { ref: ResourceRef; read: ActionId } | null | undefined;
  /** The URL with this part's ids filled in. */
  url(op: WalkOp): string | undefined;
  /** A valid request of the operation (payload, headers), or undefined to let the walk decide. */
  request(op: WalkOp): Record<string, unknown> | undefined;
  /** Writes that would destroy the part's fixture when allowed: only their refusals are sent. */
  readonly destructive?: ReadonlySet<string>;
  /** Operations that are POSTs but change nothing (a check, a comparison): they leave no audit event. */
  readonly reads?: ReadonlySet<string>;
  /** Operations the walk leaves out, each with why. */
  readonly notWalked?: Readonly<Record<string, string>>;
}
