import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionId } from "../../../domain/access/actions.ts";
import type { DepartmentKind, OrganisationKind } from "../../../domain/access/organisation.ts";
import type { RoleId } from "../../../domain/access/roles.ts";
import { apiFetch } from "../../api/client.ts";

/**
 * The administration API (`/api/regions`, `/api/organisations`, `/api/users`, `/api/tokens`,
 * `/api/sessions`). Its contract (src/contract/admin.ts) is being written at the same time; until
 * it lands, these are the records as the repositories hold them, times as ISO strings.
 */
export interface RegionRow {
  readonly code: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly parentCode?: string | null;
}
export interface OrganisationRow {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly nameZh: string | null;
  readonly regionCode: string;
  readonly departmentKind: DepartmentKind | null;
  readonly level: string | null;
  readonly creditCode: string | null;
  readonly disabled: boolean;
}
export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | null;
  readonly organisationId: string;
  readonly roles: readonly RoleId[];
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}
export interface TokenRow {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly roles: readonly RoleId[];
  readonly actions: readonly ActionId[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}
export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly address: string | null;
  readonly userAgent: string | null;
}
export interface UserCreate {
  readonly username: string;
  readonly displayName?: string;
  readonly organisationId: string;
  readonly roles: RoleId[];
  readonly password: string;
}
export interface TokenCreate {
  readonly name: string;
  readonly organisationId?: string;
  readonly roles: RoleId[];
  readonly actions: ActionId[];
  readonly expiresAt: string | null;
}

const adminKeys = {
  all: ["admin"] as const,
  list: (what: string) => ["admin", what] as const,
};

const useList = <T>(what: string, path: string, enabled = true) =>
  useQuery({ queryKey: adminKeys.list(what), queryFn: () => apiFetch<T[]>(path), enabled });

export const useRegions = (enabled = true) => useList<RegionRow>("regions", "/api/regions", enabled);
export const useOrganisations = (enabled = true) =>
  useList<OrganisationRow>("organisations", "/api/organisations", enabled);
export const useUsers = (enabled = true) => useList<UserRow>("users", "/api/users", enabled);
export const useTokens = (enabled = true) => useList<TokenRow>("tokens", "/api/tokens", enabled);
export const useSessions = (enabled = true) => useList<SessionRow>("sessions", "/api/sessions", enabled);

/** A write of the administration: every list is asked again (a disabled user's sessions end too). */
function useAdminWrite<I, O>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

const id = (s: string) => encodeURIComponent(s);

export const useCreateUser = () =>
  useAdminWrite((u: UserCreate) => apiFetch<UserRow>("/api/users", { method: "POST", json: u }));
export const useSetUserDisabled = () =>
  useAdminWrite((o: { id: string; disabled: boolean }) =>
    apiFetch<UserRow>(`/api/users/${id(o.id)}`, { method: "PATCH", json: { disabled: o.disabled } }),
  );
export const useResetPassword = () =>
  useAdminWrite((o: { id: string; password: string }) =>
    apiFetch<undefined>(`/api/users/${id(o.id)}/password`, {
      method: "POST",
      json: { password: o.password },
    }),
  );
export const useCreateToken = () =>
  useAdminWrite((t: TokenCreate) =>
    apiFetch<{ id: string; secret: string }>("/api/tokens", { method: "POST", json: t }),
  );
export const useRevokeToken = () =>
  useAdminWrite((tokenId: string) => apiFetch<undefined>(`/api/tokens/${id(tokenId)}`, { method: "DELETE" }));
export const useRevokeSession = () =>
  useAdminWrite((sessionId: string) =>
    apiFetch<undefined>(`/api/sessions/${id(sessionId)}`, { method: "DELETE" }),
  );
