import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../project-root.ts";
import { accessDocument, accessTable } from "./access-table.ts";
import { ACTIONS, ACTION_IDS } from "./actions.ts";

describe("docs/access.md", () => {
  it("is what accessDocument() writes from ROLES", () => {
    const page = readFileSync(join(PROJECT_ROOT, "docs", "access.md"), "utf8");
    // Regenerate with:
    // node --import tsx -e 'import("./src/domain/access/access-table.ts").then((m) => process.stdout.write(m.accessDocument()))' > docs/access.md
    expect(page).toBe(accessDocument());
  });

  it("has one row per action, each naming the scopes of the roles that grant it", () => {
    const rows = accessTable()
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)![1])).toEqual(
      [...ACTION_IDS].sort((a, b) => rowOrder(a) - rowOrder(b)),
    );
    expect(rows).toContain(
      "| `area.read` | no | everything | jurisdiction, own-organisation | own-organisation | own-organisation | assigned | — | — |",
    );
    expect(rows).toContain("| `user.read` | no | everything | — | — | — | — | — | self |");
  });
});

/** The table groups the actions by the kind of resource, in ACTIONS' order within each. */
const KIND_ORDER = ["area", "mine", "annual-report", "organisation", "user"];

const rowOrder = (a: (typeof ACTION_IDS)[number]) =>
  KIND_ORDER.indexOf(ACTIONS[a].resource) * 1000 + ACTION_IDS.indexOf(a);
