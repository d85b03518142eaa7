import { asSystem } from "../../../src/storage/row-scope.ts";
import type { WalkFixture, WalkPart } from "./walk-part.ts";

/**
 * The public portal's mines: for anyone. A public mine is one with a published annual report (the
 * annual reports part publishes one, on a second mine of enterprise A), found here after the parts
 * before it made their records.
 */
let publicMine = "";

async function setup(f: WalkFixture): Promise<void> {
  const r = await asSystem(() =>
    f.t.ctx.db
      .selectFrom("annual_reports")
      .select("mine_id")
      .where("state", "=", "published")
      .orderBy("id")
      .executeTakeFirst(),
  );
  if (!r)
    throw new Error("walk part public mines: no published annual report (the annual reports part makes one)");
  publicMine = String(r.mine_id);
}

export const publicMinesPart: WalkPart = {
  name: "public mines",
  setup,
  resourceOf: (op) =>
    op.path === "/api/public/mines" || op.path === "/api/public/mines/{id}" ? null : undefined,
  url: (op) => (op.path === "/api/public/mines/{id}" ? `/api/public/mines/${publicMine}` : undefined),
  request: () => undefined,
};
