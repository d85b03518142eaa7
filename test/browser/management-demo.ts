import { expect } from "vitest";
import type { DemoAccount } from "../../src/app/demo-directory.ts";
import type { ManagementOverview } from "../../src/contract/management-overview.ts";
import type { BrowserSession } from "./browser-session.ts";

/**
 * The management overview as an account reads it, once the demo's history is complete: its
 * supervision run (after the land-use analysis) has raised flags, which the regulator sees.
 */
export async function supervisedOverview(
  s: BrowserSession,
  as: DemoAccount = "demo-regulator",
): Promise<ManagementOverview> {
  await expect
    .poll(
      async () => {
        const r = await s.fetch(`${s.server.url}/api/management/overview`, undefined, "demo-regulator");
        return r.status === 200 ? ((await r.json()) as ManagementOverview).figures.openFlags : 0;
      },
      { timeout: 120_000 },
    )
    .toBeGreaterThan(0);
  const r = await s.fetch(`${s.server.url}/api/management/overview`, undefined, as);
  expect(r.status).toBe(200);
  return (await r.json()) as ManagementOverview;
}
