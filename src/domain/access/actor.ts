import type { ActionId } from "./actions.ts";
import type { OrganisationKind } from "./organisation.ts";
import type { RegionCode } from "./region-code.ts";
import type { RoleId } from "./roles.ts";

/**
 * Who asks. A user signed in through a session; a machine client through an API token (scoped to
 * one organisation and a list of actions); or nobody (the public).
 */
export type Actor = UserActor | TokenActor | AnonymousActor;

interface MemberOf {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  /** A department's region (it sees that region and everything below it); null for others. */
  readonly jurisdiction: RegionCode | null;
  readonly roles: readonly RoleId[];
}

export interface UserActor extends MemberOf {
  readonly kind: "user";
  readonly userId: string;
  readonly username: string;
  readonly sessionId: string;
  /**
   * An administrator set the password: until the user changes it, the session may only say who
   * it is, change the password and sign out (route-access.ts refuses the rest).
   */
  readonly mustChangePassword: boolean;
}

export interface TokenActor extends MemberOf {
  readonly kind: "token";
  readonly tokenId: string;
  /** The user who created the token (audit events name them beside the token). */
  readonly createdBy: string;
  /** The only actions the token may be used for, whatever its roles would allow. */
  readonly actions: readonly ActionId[];
}

export interface AnonymousActor {
  readonly kind: "anonymous";
}

export const ANONYMOUS: AnonymousActor = { kind: "anonymous" };
