import type { WalkPart } from "./walk-part.ts";

/** The management overview: a list scoped by who asks, about no one record. */
export const overviewPart: WalkPart = {
  name: "management overview",
  setup: async () => {},
  resourceOf: (op) => (op.path === "/api/management/overview" ? null : undefined),
  url: () => undefined,
  request: () => undefined,
};
