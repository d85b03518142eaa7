import { describe, expect, it } from "vitest";
import { ruleBreaches, type ControlRule, type PlotLandUse } from "../../domain/manage/control-rule.ts";
import type { MineYearFacts } from "../../domain/manage/evaluation.ts";
import { plausibilityWarnings } from "../../domain/manage/plausibility.ts";
import { superviseMine, type MineSupervisionInput } from "../../domain/manage/supervision.ts";
import type { Target } from "../../domain/manage/target.ts";
import { ha, tCO2ePerYr, type Tonnes } from "../../units/index.ts";
import { domainText } from "./domain-text.ts";
import { evidenceText } from "./evidence-text.ts";

/*
 * Every sentence the domain writes as a flag's evidence or a plausibility warning, produced by the
 * domain itself: English comes back word for word (the pattern reads the whole sentence), and the
 * Chinese has no English word left but units and the rule's own name.
 */

const facts = (y: number, emissions: number, coal = 1_000_000): MineYearFacts => ({
  year: y,
  emissionsTCO2ePerYr: tCO2ePerYr(emissions),
  coalOutputT: coal as Tonnes,
  reclaimedHa: ha(0),
  disturbedHa: ha(100),
  roleAreaHa: {},
  methaneUtilisation: null,
  measureInvestmentCny: 0,
  reclamationInvestmentCny: 0,
});
// A union's members lose their own fields under Omit: the fixtures are checked by the producers.
const target = (t: Record<string, unknown>): Target => ({ ...t, setBy: "regulator" }) as unknown as Target;
/** An 18 % cut of the carbon intensity from 2025 to `targetYear`. */
const intensityTarget = (targetYear: number) =>
  target({
    id: "int",
    kind: "intensity-reduction",
    reductionFraction: 0.18,
    horizon: "short",
    baseYear: 2025,
    targetYear,
  });
const landUse = (o: Partial<PlotLandUse>): PlotLandUse => ({
  plotId: "p1",
  fromYear: 2022,
  toYear: 2027,
  roleAreaHa: {},
  transitionsHa: [],
  ...o,
});
const rule = (r: Record<string, unknown>): ControlRule =>
  ({ id: "r", toleranceHa: ha(0.09), ...r }) as unknown as ControlRule;

function domainSentences(): string[] {
  const mine = (o: Partial<MineSupervisionInput>): MineSupervisionInput => ({
    mineId: "m",
    targets: [],
    facts: [],
    submittedYears: [],
    plots: [],
    warnings: [],
    ...o,
  });
  const context = { year: 2027, today: new Date("2028-06-10T00:00:00Z"), reportDue: "03-31" };
  const flags = [
    // Over the cap, intensity behind (actual and projected by the plan and by the trend), report late.
    ...superviseMine(
      mine({
        targets: [
          target({
            id: "cap",
            kind: "emission-cap",
            capTCO2ePerYr: tCO2ePerYr(97_000),
            baseYear: 2025,
            targetYear: 2030,
          }),
          intensityTarget(2027),
        ],
        facts: [facts(2025, 100_000), facts(2026, 99_000), facts(2027, 98_500)],
      }),
      context,
    ),
    ...superviseMine(
      mine({
        targets: [intensityTarget(2030)],
        facts: [facts(2025, 100_000), facts(2026, 98_000), facts(2027, 96_000)],
        submittedYears: [2025, 2026, 2027],
      }),
      context,
    ),
    ...superviseMine(
      mine({
        targets: [intensityTarget(2030)],
        facts: [facts(2025, 100_000), facts(2026, 98_000), facts(2027, 96_000)],
        submittedYears: [2025, 2026, 2027],
        projectedIntensity: { int: 0.095 },
        warnings: plausibilityWarnings(
          { year: 2027, emissionsTCO2ePerYr: 96_000, coalOutputT: 100, energyTce: 30_000 },
          { year: 2026, emissionsTCO2ePerYr: 40_000, coalOutputT: 1_000_000, energyTce: 9_000 },
        ),
      }),
      context,
    ),
  ].map((f) => f.evidence);
  const breaches = [
    ...ruleBreaches(
      rule({
        name: "arable land stays arable",
        kind: "no-conversion",
        fromRoles: ["arable"],
        toRoles: ["built-up", "open-pit"],
      }),
      landUse({
        transitionsHa: [
          { fromRole: "arable", toRole: "built-up", areaHa: ha(2) },
          { fromRole: "arable", toRole: "open-pit", areaHa: ha(3.5) },
        ],
      }),
      2027,
    ),
    ...ruleBreaches(
      rule({
        name: "reclaim the dump",
        kind: "reclaim-by",
        deadlineYear: 2025,
        toRoles: ["forest", "grassland"],
      }),
      landUse({ roleAreaHa: { dump: ha(12), forest: ha(3), "open-pit": ha(1.25) } }),
      2027,
    ),
    ...ruleBreaches(
      rule({ name: "cap", kind: "cap", role: "built-up", capHa: ha(5) }),
      landUse({ roleAreaHa: { "built-up": ha(7.5) } }),
      2027,
    ),
    ...ruleBreaches(
      rule({ name: "only green", kind: "allowed-uses", roles: ["forest", "grassland"] }),
      landUse({ roleAreaHa: { forest: ha(1), dump: ha(2), "built-up": ha(0.5) } }),
      2027,
    ),
  ].map((b) => b.evidence);
  const warnings = plausibilityWarnings(
    { year: 2027, emissionsTCO2ePerYr: 500_000, coalOutputT: 1_000_000, energyTce: 200_000 },
    { year: 2026, emissionsTCO2ePerYr: 100_000, coalOutputT: 3_000_000, energyTce: 20 },
  ).map((w) => w.message);
  return [...flags, ...breaches, ...warnings];
}

describe("the evidence of flags and plausibility warnings in the language", () => {
  const sentences = domainSentences();

  it("covers every kind of sentence the domain writes", () => {
    const kinds = [
      /above the cap of .* t CO2e\/yr$/,
      /^carbon intensity .* lower in/,
      /\(the mine's plan\)/,
      /\(the trend of its reports\)/,
      /days late$/,
      /forbids$/,
      /after the reclamation deadline/,
      /above the cap of .* ha$/,
      /is allowed$/,
      /^coalOutputT: .* 10⁻⁴ times/,
      /is up \d+ %/,
      /is down \d+ %/,
      /outside the range of similar mines.*t CO2e per t/,
      /outside the range of similar mines.*tce per t/,
    ];
    for (const k of kinds)
      expect(
        sentences.some((s) => k.test(s)),
        String(k),
      ).toBe(true);
  });

  it("says each sentence again in English word for word (a field's id by its name)", () => {
    const LABEL: Record<string, string> = {
      emissionsTCO2ePerYr: "emissions",
      coalOutputT: "coal output",
      energyTce: "energy use",
      intensity: "carbon intensity",
      energyPerTonne: "energy per tonne of coal",
    };
    for (const s of sentences) {
      const field = /^(\w+): (.*)$/s.exec(s);
      const label = field ? LABEL[field[1]!] : undefined;
      expect(evidenceText("en", s), s).toBe(label ? `${label}: ${field![2]}` : s);
    }
  });

  it("leaves no English word in Chinese but units and the rules' own names", () => {
    const allowed = new Set(["t", "CO2e", "tce", "ha", "MineCarbon"]);
    const names = ["arable land stays arable", "reclaim the dump", "only green"];
    for (const s of sentences) {
      const zh = domainText("zh", s);
      expect(zh, s).not.toBe(s);
      let rest = zh;
      for (const n of names) rest = rest.replace(n, "");
      const words = (rest.match(/[A-Za-z][A-Za-z0-9'-]*/g) ?? []).filter((w) => !allowed.has(w));
      expect(words, `${s}\n→ ${zh}`).toEqual([]);
    }
  });

  it("gives the roles their names", () => {
    const overdue = sentences.find((s) => s.includes("reclamation deadline"))!;
    expect(evidenceText("zh", overdue)).toContain("排土场（12.00 公顷）");
    expect(evidenceText("zh", overdue)).toContain("林地或草地");
  });

  it("leaves a text it does not know as it is", () => {
    expect(evidenceText("zh", "a user's own sentence")).toBeUndefined();
    expect(domainText("zh", "a user's own sentence")).toBe("a user's own sentence");
  });
});
