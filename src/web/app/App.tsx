import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n } from "i18next";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import type { createRouter } from "./router.tsx";

/** The providers around the router: server state cache, i18n. */
export function App({
  router,
  i18n,
  queryClient,
}: {
  router: ReturnType<typeof createRouter>;
  i18n: i18n;
  queryClient: QueryClient;
}): ReactNode {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}

/** The query cache: answers stay fresh for a while; a failed call is not retried blindly. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
    },
  });
}
