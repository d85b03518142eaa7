/** The catalogue namespaces the administration view uses. */
export const NS = ["common", "web", "webViews", "access", "terms"] as const;
