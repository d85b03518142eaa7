import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { areaAdminRoutes } from "./admin/areas.ts";
import { organisationRoutes } from "./admin/organisations.ts";
import { sessionRoutes } from "./admin/sessions.ts";
import { tokenRoutes } from "./admin/tokens.ts";
import { userRoutes } from "./admin/users.ts";

/**
 * Administration (routes/admin/*.ts): regions and organisations, users and one's own password, API
 * tokens, sessions, and the owners, publication and verification bodies of areas. Lists are scoped
 * by the policy; a record the actor may not read is not found (404), one it may read but not change
 * is refused (403) (access/find-for.ts). Every change writes its audit event in the transaction
 * that makes it (`ctx.change`).
 */
export function adminRoutes(app: ApiApp, ctx: AppContext): void {
  organisationRoutes(app, ctx);
  userRoutes(app, ctx);
  tokenRoutes(app, ctx);
  sessionRoutes(app, ctx);
  areaAdminRoutes(app, ctx);
}
