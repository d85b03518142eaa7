import type { ActionId } from "../../domain/access/actions.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { decide, type ResourceRef } from "../../domain/access/policy.ts";
import { authError } from "./auth-errors.ts";

/**
 * Asks the policy whether the request's actor may do `action` on `resource` and throws when not:
 * 401 `not-signed-in` for the public, 403 `forbidden` naming the action for everyone else.
 */
export function authorise(actor: Actor, action: ActionId, resource: ResourceRef): void {
  const d = decide(actor, action, resource);
  if (d.allowed) return;
  if (d.reason === "not-signed-in") throw authError("not-signed-in", `sign in to ${action}`);
  throw authError(
    "forbidden",
    d.reason === "not-granted"
      ? `${actor.kind === "token" ? "this API token" : "no role of this user"} may ${action}`
      : `${action} is not allowed on this ${resource.kind} (outside what this ${actor.kind === "token" ? "token" : "user"}'s roles reach)`,
    [{ path: "", message: `action ${action}: ${d.reason}` }],
  );
}
