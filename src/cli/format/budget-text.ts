import type {
  CoefficientBudgetReport,
  StockChangeReport,
  BudgetReport,
} from "../../domain/budget/budget-report.ts";
import type { LowCentralHigh } from "../../domain/common/low-central-high.ts";
import { carbonFluxToCO2e, tCPerYr } from "../../units/carbon.ts";
import { fmt } from "./number-format.ts";
import { textTable } from "./text-table.ts";
import { formatFactorsUsed, formatWarnings } from "./factors-used.ts";
import { formatUncertainty } from "./uncertainty-text.ts";

const lch = (r: LowCentralHigh) => [fmt(r.low), fmt(r.central), fmt(r.high)];

/** Text report of a budget result. */
export function formatBudget(report: BudgetReport): string {
  return report.kind === "land-use-budget" ? coefficientText(report) : stockText(report);
}

function coefficientText(r: CoefficientBudgetReport): string {
  const b = r.budget;
  const parts = [
    `Land-use carbon budget — ${r.title}`,
    `Coefficient set: ${r.coefficientSet.id} — ${r.coefficientSet.description}` +
      (r.coefficientSet.overriddenLandTypes.length
        ? ` (overridden for ${r.coefficientSet.overriddenLandTypes.join(", ")})`
        : ""),
    `Reading: ${r.reading}`,
    "",
    "By area (t C/yr; E = area × emission coefficient, S = area × absorption coefficient, net = E − S):",
    textTable(
      [
        "area",
        "land type",
        "ha",
        "E low",
        "E central",
        "E high",
        "S low",
        "S central",
        "S high",
        "net central",
        "note",
      ],
      b.entries.map((e) => [
        e.label,
        e.landType,
        fmt(e.areaHa),
        ...lch(e.emissionTCPerYr),
        ...lch(e.absorptionTCPerYr),
        fmt(e.netTCPerYr.central),
        e.emissionIsEnergyUse ? "E = energy use *" : "",
      ]),
    ),
    ...[...new Set(b.entries.flatMap((e) => (e.note ? [e.note] : [])))].map((n) => `  * ${n}`),
  ];
  const group = (title: string, groups: CoefficientBudgetReport["budget"]["byLandType"]) =>
    groups.length
      ? [
          "",
          `${title} (t C/yr):`,
          textTable(
            ["group", "ha", "E central", "S central", "net low", "net central", "net high"],
            groups.map((g) => [
              g.group,
              fmt(g.areaHa),
              fmt(g.emissionTCPerYr.central),
              fmt(g.absorptionTCPerYr.central),
              ...lch(g.netTCPerYr),
            ]),
          ),
        ]
      : [];
  parts.push(
    ...group("By land type", b.byLandType),
    ...group("By life-cycle stage", b.byStage),
    ...group("By zone", b.byZone),
  );
  parts.push(
    "",
    `Total over ${fmt(b.total.areaHa)} ha:`,
    textTable(
      ["", "low", "central", "high", "unit"],
      [
        ["emission E", ...lch(b.total.emissionTCPerYr), "t C/yr"],
        ["absorption S", ...lch(b.total.absorptionTCPerYr), "t C/yr"],
        ["net E − S", ...lch(b.total.netTCPerYr), "t C/yr"],
        ["net E − S", ...lch(b.totalCO2e.netTCO2ePerYr), "t CO2e/yr"],
      ],
    ),
    ...(b.energyUse
      ? [
          `Of E, ${fmt(b.energyUse.emissionTCPerYr.central)} t C/yr = ${fmt(b.energyUse.emissionTCO2ePerYr.central)} t CO2e/yr (${fmt(b.energyUse.emissionTCPerYr.low)}–${fmt(b.energyUse.emissionTCPerYr.high)} t C/yr${b.energyUse.shareOfEmission === null ? "" : `; ${fmt(b.energyUse.shareOfEmission * 100, 1)} %`}) on ${fmt(b.energyUse.areaHa)} ha is ${b.energyUse.note}.`,
        ]
      : []),
    ...(r.inventoryOverlap
      ? [
          "",
          `Combined with the inventory of ${r.inventoryOverlap.mine}: ${r.inventoryOverlap.statement}.`,
          textTable(
            ["", "low", "central", "high", "unit"],
            [
              ["energy use netted out", ...lch(r.inventoryOverlap.nettedEmissionTCPerYr), "t C/yr"],
              ["net to add to the inventory", ...lch(r.inventoryOverlap.netTCPerYr), "t C/yr"],
              ["net to add to the inventory", ...lch(r.inventoryOverlap.netTCO2ePerYr), "t CO2e/yr"],
            ],
          ),
        ]
      : []),
    "",
    formatUncertainty(r.uncertainty),
    "",
    structuralText(r.uncertainty.structural),
    ...percentilesText(r.uncertainty),
    "",
    formatFactorsUsed(r.factors),
  );
  const w = formatWarnings(r.warnings);
  if (w) parts.push("", w);
  return parts.join("\n");
}

/**
 * The percentiles of E, S and net that the file asks for (P5/P50/P95 by default), from the same
 * Approach 2 draws as the 95 % intervals above; nothing when none were asked for.
 */
function percentilesText(u: CoefficientBudgetReport["uncertainty"]): string[] {
  const rows = ["E", "S", "net"].flatMap((k) => {
    const row = u.rows.find((x) => x.key === k);
    return row?.approach2?.percentiles
      ? [{ row, p: row.approach2.percentiles, mean: row.approach2.mean }]
      : [];
  });
  if (!rows.length) return [];
  const keys = Object.keys(rows[0]!.p);
  const net = rows.find((x) => x.row.key === "net");
  return [
    "",
    `Approach 2 percentiles (the same ${u.keptDraws.toLocaleString("en-US")} draws, seed ${u.seed}):`,
    textTable(
      ["", "mean", ...keys, "unit"],
      [
        ...rows.map((x) => [x.row.label, fmt(x.mean), ...keys.map((k) => fmt(x.p[k])), x.row.unit]),
        ...(net
          ? [
              [
                net.row.label,
                fmt(carbonFluxToCO2e(tCPerYr(net.mean))),
                ...keys.map((k) => fmt(carbonFluxToCO2e(tCPerYr(net.p[k]!)))),
                "t CO2e/yr",
              ],
            ]
          : []),
      ],
    ),
  ];
}

/** The spread of the budget across coefficient sets: structural, beside the statistical range. */
function structuralText(s: CoefficientBudgetReport["uncertainty"]["structural"]): string {
  const lines = [
    `Across coefficient sets (${s.basis}; ${s.note}):`,
    textTable(
      ["coefficient set", "E", "S", "net E − S", "unit"],
      s.sets.map((x) => [
        x.id + (x.id === s.chosen ? " (chosen)" : ""),
        fmt(x.emissionTCPerYr),
        fmt(x.absorptionTCPerYr),
        fmt(x.netTCPerYr),
        "t C/yr",
      ]),
    ),
    `Spread: E ${fmt(s.emissionTCPerYr.min)}–${fmt(s.emissionTCPerYr.max)}, S ${fmt(s.absorptionTCPerYr.min)}–${fmt(s.absorptionTCPerYr.max)}, net ${fmt(s.netTCPerYr.min)}–${fmt(s.netTCPerYr.max)} t C/yr.`,
  ];
  for (const n of s.notCovering)
    lines.push(`  ${n.id} is not compared: it has no coefficients for ${n.missing.join(", ")}.`);
  return lines.join("\n");
}

function stockText(r: StockChangeReport): string {
  const s = r.stockChange;
  const parts = [
    `Carbon stock change on land conversion — ${r.title}`,
    `Period ${r.period.from}–${r.period.to}; densities: ${r.densitySet.id} — ${r.densitySet.description}`,
    `Note: ${r.densitySet.note}`,
    "",
    "One-time loss per conversion (t C; area × (density_from − density_to)):",
    textTable(
      [
        "conversion",
        "ha",
        "soil t C/ha",
        "veg. t C/ha",
        "soil t C",
        "vegetation t C",
        "total t C",
        "total t CO2e",
      ],
      s.conversions.map((c) => [
        c.label,
        fmt(c.areaHa),
        fmt(c.densityDropTCPerHa.soil, 3),
        fmt(c.densityDropTCPerHa.vegetation, 3),
        fmt(c.lossTC.soil),
        fmt(c.lossTC.vegetation),
        fmt(c.totalLossTC),
        fmt(c.totalLossTCO2e),
      ]),
    ),
    "",
    `Total loss: ${fmt(s.totalLossTC)} t C (soil ${fmt(s.lossByPoolTC.soil)}, vegetation ${fmt(s.lossByPoolTC.vegetation)}) = ${fmt(s.totalLossTCO2e)} t CO2e, one-time`,
  ];
  for (const [title, groups] of [
    ["By life-cycle stage", s.byStage],
    ["By zone", s.byZone],
  ] as const) {
    if (groups.length)
      parts.push(
        "",
        `${title}:`,
        textTable(
          ["group", "loss t C"],
          groups.map((g) => [g.group, fmt(g.lossTC)]),
        ),
      );
  }
  if (r.regain.reclamations.length) {
    parts.push(
      "",
      `Regain on reclaimed land up to ${r.horizonYear}:`,
      textTable(
        ["reclamation", "ha", "from", "curve", "full regain t C", `regained by ${r.horizonYear} t C`],
        r.regain.reclamations.map((x) => [
          x.label,
          fmt(x.areaHa),
          String(x.startYear),
          x.curve,
          fmt(x.fullRegainTC),
          fmt(x.years.at(-1)?.cumulativeRegainTC ?? 0),
        ]),
      ),
    );
  }
  if (r.regain.reclamations.length)
    parts.push(
      "",
      "How each pool is regained:",
      textTable(
        ["reclamation", "pool", "t C/ha", "share", "curve", "source"],
        r.regain.reclamations.flatMap((x) =>
          x.pools.map((p) => [
            x.label,
            p.pool,
            fmt(p.differenceTCPerHa, 3),
            fmt(p.share, 2),
            p.curve,
            p.source,
          ]),
        ),
      ),
    );
  parts.push(
    "",
    `Net loss at ${r.horizonYear}: ${fmt(r.netLossAtHorizonTC)} t C = ${fmt(r.netLossAtHorizonTCO2e)} t CO2e`,
    "",
    formatUncertainty(r.uncertainty),
    "",
    formatFactorsUsed(r.factors),
  );
  const w = formatWarnings(r.warnings);
  if (w) parts.push("", w);
  return parts.join("\n");
}
