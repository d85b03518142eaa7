import type { WalkPart } from "./walk-part.ts";

/** The annual summary across mines (XLSX, PDF): a list scoped by who asks, as the overview, about no one record. */
export const summaryPart: WalkPart = {
  name: "annual summary",
  setup: async () => {},
  resourceOf: (op) => (op.path === "/api/management/summary" ? null : undefined),
  url: (op) =>
    op.path === "/api/management/summary" ? "/api/management/summary?year=2024&format=xlsx" : undefined,
  request: () => undefined,
};
