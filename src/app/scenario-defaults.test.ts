import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inventorySchema } from "../domain/mine/inventory-spec.ts";
import { PLANNING_END_YEAR } from "../domain/pathway/planning-defaults.ts";
import { readInputFile } from "../io/read-input-file.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import type { StoredInventory } from "../storage/inventory-repository.ts";
import { inventoryYears } from "./area-inventory.ts";
import { applicableMeasures, scenarioDefaults } from "./scenario-defaults.ts";

type Doc = { years: Record<string, unknown>[] } & Record<string, unknown>;
type Use = Record<string, unknown>;
const yongning = () => readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")) as Doc;

/** The stored rows of a mine-inventory document, as the store holds them. */
function stored(doc: Doc, mine?: string): StoredInventory[] {
  return inventoryYears(mine ? { ...doc, mine } : doc, "test").map((y, i) => ({
    id: `inv-${i}`,
    areaId: "area",
    mine: y.mine,
    year: y.year,
    input: inventorySchema.parse(y.input),
    result: y.result as StoredInventory["result"],
    resultProblem: null,
    updatedAt: new Date(0),
  }));
}

/** The document with its first year's production energy changed by `f`. */
function withEnergy(f: (uses: Use[]) => Use[], extra: Record<string, unknown> = {}): Doc {
  const doc = yongning();
  const [first, ...rest] = doc.years;
  return { ...doc, years: [{ ...first, ...extra, energy: f(first!.energy as Use[]) }, ...rest] };
}

const applies = (doc: Doc) => {
  const [row] = stored(doc);
  return applicableMeasures(row!.result!.years[0]!, row!.input).includes("clean-electricity");
};

describe("scenario defaults", () => {
  it("offer clean electricity where production buys electricity, by the input's carriers", () => {
    expect(applies(yongning())).toBe(true);
    // Electricity's own standard-coal factor (cn.tce.elec_equiv): no factor id says "electric".
    const noTce = withEnergy((us) =>
      us.map((u) => (u.carrier === "electricity" ? { ...u, tceFactor: undefined } : u)),
    );
    expect(applies(noTce)).toBe(true);
    // No electricity in production: the measure (which replaces production electricity) is not offered,
    // even where households use electricity (a source whose factors are electricity's).
    const electricity = (yongning().years[0]!.energy as Use[]).find((u) => u.carrier === "electricity");
    const elsewhere = withEnergy((us) => us.filter((u) => u.carrier !== "electricity"), {
      residential: [electricity],
    });
    expect(applies(elsewhere)).toBe(false);
  });

  it("answer the plan's end year, and no starting measure starts after it", () => {
    const d = scenarioDefaults(stored(yongning()));
    expect(d.endYear).toBe(PLANNING_END_YEAR);
    const late = yongning();
    late.years = [{ ...late.years[0]!, year: 2050 }];
    const l = scenarioDefaults(stored(late));
    const [mine] = l.mines;
    expect(mine!.baseYear).toBe(2050);
    expect(mine!.startingMeasures.map((m) => m.kind)).toEqual(mine!.measures);
    for (const m of mine!.startingMeasures) expect(m.start, m.kind).toBeLessThanOrEqual(PLANNING_END_YEAR);
    expect(mine!.startingMeasures.find((m) => m.kind === "offsets")?.start).toBe(PLANNING_END_YEAR);
  });
});
