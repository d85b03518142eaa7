import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  organisationSchema,
  regionSchema,
  sessionSchema,
  tokenCreatedSchema,
  tokenInput,
  tokenSchema,
  userInput,
  userSchema,
  verificationBodySchema,
} from "../../../contract/admin.ts";
import { apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";

/** The administration API's records (src/contract/admin.ts). */
export type RegionRow = z.infer<typeof regionSchema>;
export type OrganisationRow = z.infer<typeof organisationSchema>;
export type UserRow = z.infer<typeof userSchema>;
export type TokenRow = z.infer<typeof tokenSchema>;
export type SessionRow = z.infer<typeof sessionSchema>;
export type UserCreate = z.input<typeof userInput>;
export type TokenCreate = z.input<typeof tokenInput>;

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
    apiFetch<undefined>(`/api/users/${id(o.id)}/reset-password`, {
      method: "POST",
      json: { password: o.password },
    }),
  );
export const useCreateToken = () =>
  useAdminWrite((t: TokenCreate) =>
    apiFetch<z.infer<typeof tokenCreatedSchema>>("/api/tokens", { method: "POST", json: t }),
  );
export const useRevokeToken = () =>
  useAdminWrite((tokenId: string) => apiFetch<undefined>(`/api/tokens/${id(tokenId)}`, { method: "DELETE" }));
export const useRevokeSession = () =>
  useAdminWrite((sessionId: string) =>
    apiFetch<undefined>(`/api/sessions/${id(sessionId)}`, { method: "DELETE" }),
  );

/** Shows an area on the public portal or takes it off (`area.update` on it). */
export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (o: { id: string; published: boolean }) =>
      apiFetch<unknown>(`/api/areas/${id(o.id)}/publish`, {
        method: "POST",
        json: { published: o.published },
      }),
    // The areas list carries `published`; the portal's lists change too.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.areas }),
        qc.invalidateQueries({ queryKey: ["public"] }),
      ]),
  });
}

/** A verification body as `GET /api/verification-bodies` and `GET /api/areas/{id}/verifiers` answer it. */
export type VerificationBody = z.infer<typeof verificationBodySchema>;

/** The enabled verification bodies (for whoever may assign one to an area). */
export const useVerificationBodies = () =>
  useQuery({
    queryKey: keys.verificationBodies,
    queryFn: () => apiFetch<VerificationBody[]>("/api/verification-bodies"),
    staleTime: 60_000,
  });

/** The verification bodies assigned to an area. */
export const useAreaVerifiers = (areaId: string) =>
  useQuery({
    queryKey: keys.areaVerifiers(areaId),
    queryFn: () => apiFetch<VerificationBody[]>(`/api/areas/${id(areaId)}/verifiers`),
  });

/** A change of an area's verification bodies: what is under the area's key is asked again. */
function useVerifierWrite(call: (o: { id: string; organisationId: string }) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: (_r, _e, o) => qc.invalidateQueries({ queryKey: keys.area(o.id) }),
  });
}

/** Assigns a verification body to an area (it may then read the area and its mines). */
export const useAssignVerifier = () =>
  useVerifierWrite((o) =>
    apiFetch<unknown>(`/api/areas/${id(o.id)}/verifiers`, {
      method: "POST",
      json: { organisationId: o.organisationId },
    }),
  );

/** Takes a verification body off an area (it no longer reads the area and its mines). */
export const useUnassignVerifier = () =>
  useVerifierWrite((o) =>
    apiFetch<unknown>(`/api/areas/${id(o.id)}/verifiers/${id(o.organisationId)}`, { method: "DELETE" }),
  );
