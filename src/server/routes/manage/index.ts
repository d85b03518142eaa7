import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { annualReportRoutes } from "./annual-report-routes.ts";
import { overviewRoutes } from "./overview-routes.ts";

/**
 * The management system's routes (issue 13): annual reports; plots, control rules, targets and
 * reclamation plans; supervision, notices, spot checks, evaluation; the inbox. One file per group,
 * registered here.
 */
export function manageRoutes(api: ApiApp, ctx: AppContext): void {
  // (one line per group of routes)
  annualReportRoutes(api, ctx);
  overviewRoutes(api, ctx);
}
