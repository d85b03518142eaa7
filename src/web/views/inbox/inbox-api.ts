import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InboxMessage } from "../../../contract/inbox.ts";
import { apiFetch } from "../../api/client.ts";

export type { InboxMessage };
interface InboxPage {
  readonly items: InboxMessage[];
  readonly next: string | null;
  readonly unread: number;
}

/** Query keys of the inbox: a change of any (a message marked read) refreshes the count in the header too. */
const inboxKeys = {
  all: ["inbox"] as const,
  unread: ["inbox", "unread"] as const,
  pages: (unreadOnly: boolean) => ["inbox", "pages", unreadOnly] as const,
};

/**
 * How many messages are unread (the header's badge): asked again every minute while the app is
 * open, so that a new flag or a returned report shows without a reload.
 */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: inboxKeys.unread,
    queryFn: async () => (await apiFetch<InboxPage>("/api/inbox?unread=true&limit=1")).unread,
    enabled,
    refetchInterval: 60_000,
  });

/** The messages, newest first, page by page (50 each). */
export const useInboxPages = (unreadOnly: boolean) =>
  useInfiniteQuery({
    queryKey: inboxKeys.pages(unreadOnly),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: "50", ...(unreadOnly ? { unread: "true" } : {}) });
      if (pageParam) q.set("before", pageParam);
      return apiFetch<InboxPage>(`/api/inbox?${q}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });

/** Marks the given messages read, or all when none are given. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      apiFetch<{ marked: number }>("/api/inbox/read", { method: "POST", json: ids ? { ids } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
