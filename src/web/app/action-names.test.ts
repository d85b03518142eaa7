import { describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../domain/access/actions.ts";
import { AUTH_ACTIONS } from "../../domain/access/audit-event.ts";
import { terms } from "../../presentation/i18n/catalogue/terms.ts";

describe("action names", () => {
  it("every action of the registry and every sign-in action has a name in both languages", () => {
    for (const a of [...ACTION_IDS, ...AUTH_ACTIONS]) {
      expect(terms.en, a).toHaveProperty([`action.${a}`]);
      expect(terms.zh, a).toHaveProperty([`action.${a}`]);
    }
  });
});
