import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { plotRoutes } from "./plot-routes.ts";
import { ruleRoutes } from "./rule-routes.ts";
import { targetRoutes } from "./target-routes.ts";
import { reclamationRoutes } from "./reclamation-routes.ts";
import { annualReportRoutes } from "./annual-report-routes.ts";
import { overviewRoutes } from "./overview-routes.ts";
import { supervisionRoutes } from "./supervision-routes.ts";
import { noticeRoutes } from "./notice-routes.ts";
import { spotCheckRoutes } from "./spot-check-routes.ts";
import { evaluationRoutes } from "./evaluation-routes.ts";
import { inboxRoutes } from "./inbox-routes.ts";
import { summaryRoutes } from "./summary-routes.ts";
import { pathwayRoutes } from "./pathway-routes.ts";

/**
 * The management system's routes (issue 13): annual reports; plots, control rules, targets and
 * reclamation plans; supervision, notices, spot checks, evaluation; the inbox. One file per group,
 * registered here.
 */
export function manageRoutes(api: ApiApp, ctx: AppContext): void {
  // (one line per group of routes)
  ruleRoutes(api, ctx);
  plotRoutes(api, ctx);
  targetRoutes(api, ctx);
  reclamationRoutes(api, ctx);
  supervisionRoutes(api, ctx);
  noticeRoutes(api, ctx);
  spotCheckRoutes(api, ctx);
  evaluationRoutes(api, ctx);
  inboxRoutes(api, ctx);
  annualReportRoutes(api, ctx);
  overviewRoutes(api, ctx);
  summaryRoutes(api, ctx);
  pathwayRoutes(api, ctx);
}
