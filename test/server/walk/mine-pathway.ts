import { join } from "node:path";
import { readInputFile } from "../../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../../src/project-root.ts";
import type { WalkFixture, WalkPart } from "./walk-part.ts";

/**
 * The walk's part for a mine's pathway plan (issue 13): its setup stores the Yongning pathway for
 * the walk's mine A through the API token (enterprise A), so that reading it answers 200 to those
 * who may read the mine; the routes are under /api/mines/{id}, the walk's own (mine A).
 */
const plan = () => ({
  scenario: readInputFile(join(PROJECT_ROOT, "examples", "yongning-pathway.yaml")),
  baseline: readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")),
});

export const minePathwayPart: WalkPart = {
  name: "mine pathway plans",
  async setup(f: WalkFixture) {
    const r = await f.t.app.inject({
      method: "PUT",
      url: `/api/mines/${f.mineA.id}/pathway`,
      payload: plan(),
    });
    if (r.statusCode !== 200) throw new Error(`walk setup (mine pathway): ${r.statusCode} ${r.body}`);
  },
  resourceOf: () => undefined,
  url: () => undefined,
  request: (op) => (op.id === "put /api/mines/{id}/pathway" ? { payload: plan() } : undefined),
};
