import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBudget } from "../../cli/commands/budget-command.ts";
import { runInventory } from "../../cli/commands/inventory-command.ts";
import { assessAccuracy } from "../../domain/landuse/accuracy.ts";
import { parseInventoryInput } from "../../domain/mine/inventory-spec.ts";
import { mineInventory } from "../../domain/mine/mine-inventory.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readScenarioFile } from "../../io/read-scenario.ts";
import { chooseValuation } from "../../landuse-analysis/valuation-choice.ts";
import { PROJECT_ROOT } from "../../project-root.ts";
import { domainText } from "./domain-text.ts";
import { CATALOGUE, i18nFor } from "./index.ts";
import { ECOSYSTEMS } from "../../domain/mine/ecosystems.ts";
import { LEGEND_PRESETS } from "../../domain/landuse/legend.ts";
import { poolTableFromDensitySet } from "../../landuse-analysis/density-set-pools.ts";
import { legendFromRecords } from "../../domain/landuse/legend-records.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { legendFromCsvText } from "../../app/legend-from-csv.ts";
import { legendMapProblems, legendRoleProblems } from "../../app/area-legend.ts";
import { passwordProblems } from "../../app/auth/passwords.ts";

/*
 * The domain's own English texts (warnings, assumptions, labels of gas amounts), produced by the
 * domain itself, shown in Chinese: a change to the English in the domain makes these fail, so the
 * recognising patterns of domain-text.ts cannot silently fall behind.
 */

const zh = (text: string) => domainText("zh", text);
const han = /[\u4e00-\u9fff]/;

/** The one text of `texts` that starts with `head`, in Chinese: it must exist and be recognised. */
function shown(texts: readonly string[], head: string | RegExp): string {
  const text = texts.find((t) => (typeof head === "string" ? t.startsWith(head) : head.test(t)));
  expect(text, `a text starting ${String(head)}`).toBeDefined();
  const out = zh(text!);
  expect(out, text).not.toBe(text);
  expect(out).toMatch(han);
  // In English the catalogue gives back the domain's own text (an activity kind or a legend class
  // is named in words).
  if (!/^default uncertainty \S+ \([^,]+, [a-z-]+\)|^\S+ gives no density for /.test(text!))
    expect(domainText("en", text!)).toBe(text);
  return out;
}

const table = factorTable();

describe("domainText: the uncertainty analysis's warnings (uncertainty-analysis.ts)", () => {
  const inv = runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {});
  const warnings = [...inv.warnings];

  it("activity data taken as exact, each input named with its path", () => {
    const out = shown(warnings, "activity data taken as exact");
    expect(out).toMatch(/^以下活动水平数据按精确值处理（该类数据无缺省不确定性）：/);
    expect(out).toContain(
      "industrial-square locust (young) 林分蓄积 (years[0].sinks.forest[4].volumeM3PerHa)；",
    );
    expect(out).toMatch(/请为每项给出其不确定性（\{ pct \} 或 \{ lowPct, highPct \}）$/);
  });
  it("factors taken as exact, with the hint to give them a range", () => {
    const out = shown(warnings, "factors taken as exact");
    expect(out).toMatch(
      /^以下因子按精确值处理.*cn\.grid\.nbs\.2022\.prov\.shanxi.*；请在 --factors 文件中为其给出区间/,
    );
    expect(out).not.toContain("give them");
  });
  it("a default uncertainty that is an assumption (an activity kind) or unverified (factors like one)", () => {
    const a = shown(warnings, /^default uncertainty ad\.gas-measured .* is an ASSUMPTION: /);
    expect(a).toMatch(
      /^缺省不确定性 ad\.gas-measured（−17\.5%\/\+17\.5%，煤矿实测气体量（抽采、通风、火炬））为假设值：类比 Commission Regulation \(EU\) No 601\/2012/,
    );
    const u = shown(warnings, /^default uncertainty f\.carbon-per-tce .* is UNVERIFIED: /);
    expect(u).toMatch(
      /^缺省不确定性 f\.carbon-per-tce（−5%\/\+5%，与 cn\.cpertce\.\S+ 同类的因子）未核实：IPCC 2006 第2卷第1章表1\.4：其他烟煤/,
    );
  });
});

describe("domainText: the factors used that no source text backs (factor-table.ts)", () => {
  it("an unverified factor and an assumed one", () => {
    const used = table.fresh();
    used.value("expl.anfo.co2.calc", "t CO2/t");
    const inv = runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {});
    expect(shown(inv.warnings, /^factor \S+ \(.+\) is UNVERIFIED: /)).toMatch(
      /^因子 \S+（.+）未核实：其数值未在来源文本中找到，采用结果前请核查$/,
    );
    expect(shown(used.unverifiedWarnings(), "factor expl.anfo.co2.calc")).toBe(
      "因子 expl.anfo.co2.calc（铵油炸药 (ANFO) CO2 排放因子（计算器常数，无出处））为假设值：无来源给出该值；采用结果前请替换为有来源的数值（--factors）",
    );
  });
});

describe("domainText: the carbon-price year warning (valuation-choice.ts)", () => {
  it("names the price, its years and the year it is read in", () => {
    const chosen = chooseValuation(
      { carbonPrice: "cn.ets.cea.launch", discountRatePerYear: 0.07 },
      { hasPools: true, densities: "pools", baseYear: 2000, factors: table },
    )!;
    const out = shown(chosen.warnings, "the carbon price cn.ets.cea.launch");
    expect(out).toBe(
      "碳价 cn.ets.cea.launch（48 CNY/t CO2e）适用于 2021–2021 年，却被用作首个日期 2000 年的碳价：碳储量变化按该价格以 2000 年的价值计；如需按各年自身的碳价计值，请给出 2000 年的碳价（数值）",
    );
  });
});

describe("domainText: the pathway's assumptions (project-pathway.ts, stand-growth.ts)", () => {
  const { scenario, baseline, baselinePath } = readScenarioFile(
    join(PROJECT_ROOT, "examples", "yongning-pathway.yaml"),
    table,
  );
  const assumed = runScenario(scenario, baseline, table, baselinePath).assumptions;
  const sourced = runScenario(
    { ...scenario, standGrowth: { k: 0.05, c: 2.5, source: "a test source" } },
    baseline,
    table,
    baselinePath,
  ).assumptions;

  const ownSoil = runScenario(
    {
      ...scenario,
      measures: scenario.measures.map((m) =>
        m.kind === "reclamation" ? { ...m, soilTCPerHa: undefined, soilSource: undefined, soilYears: 15 } : m,
      ),
    },
    baseline,
    table,
    baselinePath,
  ).assumptions;

  it("the growth curve of woody stands, an assumption or with its source", () => {
    expect(shown(assumed, "Woody stands, existing")).toMatch(
      /^林木（基准清单中自基准年 2024 起.*k = 0\.06\/年，c = 2：为假设值（未给出来源；请设置 standGrowth 并注明来源）。现有林分/,
    );
    expect(shown(sourced, "Woody stands, existing")).toMatch(
      /k = 0\.05\/年，c = 2\.5：来源：a test source。/,
    );
  });
  it("the base year's sinks along the curve against the inventory's", () => {
    expect(shown(assumed, "The pathway's sinks run on")).toMatch(
      /^路径的碳汇连续、无跳变：.*：\S+ t CO2e\/年，而清单计入其年均生长量（蓄积量 ÷ 林龄）：\S+；因此路径基准年的净排放比清单的收支[高低] \S+ t CO2e\/年。$/,
    );
  });
  it("each reclamation's area, vegetation and soil, with their sources", () => {
    const out = shown(assumed, /^\d+\. reclamation to .*: \S+ ha of at most /);
    expect(out).toMatch(
      /^\d+\. 复垦为林地（\d{4}年起）：\S+ 公顷，上限为基准年 2024 的 11\.1 公顷工矿用地 \(miningLandHa\)；植被碳密度趋向 \S+ t C\/公顷（.+），k = 0\.06，c = 2（假设值（未给出来源））；土壤碳在 \d+ 年内增加 \S+ t C\/公顷（.+；年限：.+）。$/,
    );
    expect(shown(ownSoil, /^\d+\. reclamation to .*: \S+ ha of at most /)).toMatch(
      /；土壤碳在 15 年内增加 0 t C\/公顷（未给出：除 maxStockTCPerHa 外不计土壤碳恢复；年限：该措施自身的 soilYears）。$/,
    );
    expect(out).not.toMatch(
      /of at most|vegetation towards|soil gains|assumption \(no source|none given|the measure's own|IPCC 2006 default/,
    );
  });
});

describe("domainText: the measured gas amounts named by their source (year-inventory.ts)", () => {
  const doc = {
    kind: "mine-inventory",
    mine: "T",
    gwp: "SAR",
    sinkReading: "annual-increment",
    combustionMethod: "carbon-per-tce",
    years: [
      {
        year: 2030,
        boundaryAreaHa: 100,
        coalOutputT: 1_000_000,
        methane: {
          underground: [{ label: "L1", volumeM3: 1_000_000, basis: "ipcc-20C" }],
          postMining: { factor: "ipcc06.coal.ug.postmining.ch4" },
          utilised: [{ label: "L2", volumeM3: 1000, basis: "ipcc-20C" }],
          flared: { amounts: [{ label: "L3", volumeM3: 500, basis: "ipcc-20C" }] },
          vamOxidised: { amounts: [{ label: "L4", volumeM3: 200, basis: "ipcc-20C" }] },
        },
        co2Fugitive: [{ label: "L5", massT: 3 }],
      },
    ],
  };
  const inv = mineInventory(parseInventoryInput(doc, "t.yaml", table), table, "t.yaml");
  const texts = [...new Set([...JSON.stringify(inv).matchAll(/"([^"]*)"/g)].map((m) => m[1]!))];

  it("each gas amount's source in Chinese, its own label kept, with and without its path", () => {
    const expected: [string, string][] = [
      ["underground methane: L1", "井下甲烷：L1"],
      ["methane utilised: L2", "甲烷利用量：L2"],
      ["methane flared: L3", "火炬燃烧甲烷：L3"],
      ["ventilation-air methane oxidised: L4", "乏风瓦斯氧化甲烷：L4"],
      ["underground CO2: L5", "井下 CO2：L5"],
    ];
    for (const [en, cn] of expected) {
      const found = texts.filter((t) => t.startsWith(en));
      expect(found.length, en).toBeGreaterThan(0);
      for (const t of found) {
        expect(zh(t), t).toBe(cn + t.slice(en.length));
        expect(domainText("en", t)).toBe(t);
      }
    }
  });
  it("the coal output a methane estimate reads", () => {
    expect(shown(texts, "coal output for post-mining methane")).toBe(
      "采后甲烷对应的原煤产量（years[0].coalOutputT）",
    );
  });
});

describe("domainText: Approach 1's validity and the draws sent back (uncertainty-analysis.ts)", () => {
  // Methane recovered with wide ranges: Approach 1 beyond ±60 %, and draws where more methane is
  // recovered than liberated drawn again.
  const doc = {
    kind: "mine-inventory",
    mine: "T",
    gwp: "SAR",
    sinkReading: "annual-increment",
    combustionMethod: "carbon-per-tce",
    uncertainty: { draws: 2000, seed: 1 },
    years: [
      {
        year: 2030,
        boundaryAreaHa: 100,
        coalOutputT: 1_000_000,
        methane: {
          underground: [
            {
              label: "L1",
              volumeM3: 1_000_000,
              basis: "ipcc-20C",
              uncertainty: { lowPct: 90, highPct: 300 },
            },
          ],
          utilised: [
            { label: "L2", volumeM3: 900_000, basis: "ipcc-20C", uncertainty: { lowPct: 90, highPct: 300 } },
          ],
        },
      },
    ],
  };
  const inv = mineInventory(parseInventoryInput(doc, "t.yaml", table), table, "t.yaml");

  it("Approach 1 beyond its validity, each figure named in Chinese", () => {
    expect(shown(inv.warnings, "Approach 1 is beyond its validity")).toMatch(
      /^方法 1 对 C_under 井下、.*、净平衡（.*） 超出其适用范围（不确定性高于约 ±60%：.*方法 2 的估计更好$/,
    );
  });
  it("the draws that broke a physical rule and were drawn again", () => {
    expect(shown(inv.warnings, /^\d+ Monte Carlo draws broke /)).toMatch(
      /^\d+ 次 Monte Carlo 抽样违反了约束 回收甲烷 ≤ 涌出甲烷，已重新抽样（保留的抽样均满足该约束）$/,
    );
  });
});

describe("domainText: the pathway band's inputs without a range (pathway-uncertainty.ts)", () => {
  it("names them, in Chinese around the ids", () => {
    const { scenario, baseline, baselinePath } = readScenarioFile(
      join(PROJECT_ROOT, "examples", "yongning-pathway.yaml"),
      table,
    );
    const bands = runScenario(scenario, baseline, table, baselinePath).bands!;
    expect(shown(bands.warnings, "the band leaves out")).toMatch(
      /^不确定性带未计入无区间各项（来源无区间，且该类无缺省不确定性）的不确定性：cn\.grid\.nbs\.2022\.prov\.shanxi、seed002\.t1\.coal\.tce、.*industrial-square locust \(young\) 林分蓄积 \(sinks\.forest\[4\]\.volumeM3PerHa\)、/,
    );
  });
});

describe("domainText: the classes a density set has no density for (density-set-pools.ts)", () => {
  it("names the classes in Chinese", () => {
    const { assumptions } = poolTableFromDensitySet(LEGEND_PRESETS.seed001!, "seed001-yang2019", table);
    expect(shown(assumptions, "seed001-yang2019 gives no density")).toBe(
      "碳密度集 seed001-yang2019 未给出城镇用地、农村居民点、交通用地、水域的碳密度；这些地类按 0 t C/ha 计，因此与它们之间的转换不计入碳储量变化",
    );
  });
});

describe("domainText: the inventory's ecosystems by their domain name (ecosystems.ts)", () => {
  it("each name in Chinese, the catalogue's English equal to the domain's", () => {
    for (const [id, e] of Object.entries(ECOSYSTEMS)) {
      expect((CATALOGUE.en.terms as Record<string, string>)[`ecosystem.${id}`]).toBe(e.name);
      expect(zh(e.name)).toMatch(han);
    }
    const inv = runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {});
    const labels = inv.years[0]!.sinks.filter((s) => s.kind === "ecosystem").map((s) => zh(s.label));
    expect(labels).toEqual(["农田（玉米、谷子、豆类）", "灌木林", "草地"]);
  });
});

describe("domainText: the land-use budget's warnings (budget-report.ts, budget-uncertainty.ts)", () => {
  const budget = (file: string) => runBudget(join(PROJECT_ROOT, "examples", file), {}).warnings;
  it("a land type without a coefficient, and the energy use a budget counts", () => {
    const w = budget("pingshuo-2018-budget.yaml");
    expect(shown(w, /: the coefficient set gives no emission coefficient/)).toBe(
      "草地（牧草地）：系数集未给出碳排放系数，按无排放计",
    );
    expect(shown(w, /^\d+ % of the emission E/)).toMatch(
      /^排放量（[\d,]+ t C\/年）的 \d+% 是建设用地上按公顷计的能源消耗：.*（inventory: \{ mine, zones \}）以得到扣除重复后的数值$/,
    );
  });
  it("draws drawn again that reclaimed more land than there was", () => {
    expect(shown(budget("pingshuo-stock-loss.yaml"), /^\d+ Monte Carlo draws broke land reclaimed/)).toMatch(
      /^\d+ 次 Monte Carlo 抽样违反了约束 由排土场复垦的土地 ≤ 现有的排土场土地（原有 \+ 转入），已重新抽样/,
    );
  });
});

describe("domainText: a map's accuracy below seed 001's thresholds (accuracy.ts)", () => {
  it("overall accuracy, kappa and no samples", () => {
    const low = assessAccuracy(
      [
        { map: 1, reference: 1 },
        { map: 1, reference: 2 },
        { map: 2, reference: 1 },
      ],
      [1, 2],
    ).warnings;
    expect(shown(low, "overall accuracy")).toBe("总体精度 33.3% 低于种子论文 001 要求的 85%");
    expect(shown(low, "kappa")).toMatch(/^kappa 系数 \S+ 低于种子论文 001 要求的 0\.75$/);
    expect(shown(assessAccuracy([], [1]).warnings, "no samples")).toBe("没有可供评价的样本");
  });
});

describe("domainText: a legend's problems (legend-records.ts, read-legend-file.ts, area-legend.ts)", () => {
  /** The problems a producer reports, each as "path: message" the way the editor and the CLI join them. */
  const issuesOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (e) {
      if (e instanceof InputError)
        return e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      throw e;
    }
    throw new Error("no problem reported");
  };
  /** Chinese, with no English word left but the column names and the quoted names of the file. */
  const chinese = (text: string, keep: RegExp) => {
    const said = zh(text);
    expect(said, text).not.toBe(text);
    expect(said.replace(keep, ""), said).not.toMatch(/[A-Za-z]{2,}/);
    return said;
  };

  it("a colour that is not #rrggbb and a table without a code or name column (read by the web's import too)", () => {
    const colour = legendFromRecords(
      ["code", "name", "colour"],
      [{ code: "1", name: "Arable", colour: "green" }],
      "l.csv",
    );
    const [p] = colour.problems;
    expect(chinese(`${p!.path}: ${p!.message}`, /colour|green/g)).toBe(
      "第 2 行，colour 列：须为形如 #228b22 的颜色；实际为“green”",
    );
    const header = legendFromRecords(["value_x", "label_y"], [], "l.csv").problems[0]!;
    expect(
      chinese(
        `${header.path}: ${header.message}`,
        /\b(code|categoryValue|lucode|value|name|category|LULC_name|LULC_desc|description|class_name|label|value_x|label_y)\b/g,
      ),
    ).toMatch(
      /^表头：图例须有编码列（code 或 categoryValue 或 lucode 或 value）和名称列（name 或 .+）；实际为 value_x, label_y$/,
    );
  });

  it("the CSV import's rows without a role (with the role a name suggests), bad and repeated codes, empty names", () => {
    const said = issuesOf(() =>
      legendFromCsvText(
        "code,name,role\nx,Arable,arable\n1,Orchard,\n1,Forest,forest\n2,,forest\n3,Quarry,\n",
        "legend.csv",
      ),
    ).map((t) => chinese(t, /\b(code|name|role|key|Orchard|Quarry)\b/g));
    expect(said).toEqual([
      "第 2 行，code 列：须为 0–65535 的整数；实际为“x”",
      "第 4 行，code 列：编码 1 已在第 3 行使用",
      "第 5 行，name 列：不能为空",
      expect.stringMatching(
        /^role：每个地类都须在 role（或 key）列写明角色，可选：耕地、.+；2 个地类没有角色$/,
      ),
      "第 3 行，role 列：地类 1“Orchard”没有角色（其名称提示为“园地”：请在文件中写明以确认）",
      "第 6 行，role 列：地类 3“Quarry”没有角色",
    ]);
  });

  it("a stored class without its role, as the API names it (with the suggestion to confirm)", () => {
    const problems = legendRoleProblems(
      {
        classes: [
          { code: 4, name: "Orchard" },
          { code: 5, name: "Quarry" },
        ],
      } as never,
      "classes",
    );
    expect(problems.map((p) => p.path)).toEqual(["classes[0].key", "classes[1].key"]);
    expect(chinese(problems[0]!.message, /Orchard/g)).toMatch(
      /^地类 4“Orchard”须指定角色，可选：耕地、.+（其名称提示为“园地”：请确认）$/,
    );
    expect(chinese(problems[1]!.message, /Quarry/g)).toMatch(
      /^地类 5“Quarry”须指定角色，可选：耕地、[^（]+$/,
    );
    // A code the area's maps still have, dropped from a new legend (PUT/PATCH refuse it).
    const kept = legendMapProblems({ classes: [{ code: 1, name: "Arable", key: "arable" }] }, [
      {
        year: 2005,
        grid: {
          histogram: [
            { code: 1, pixels: 10 },
            { code: 2, pixels: 12345 },
          ],
        },
      },
    ] as never);
    expect(kept.map((p) => zh(p.message))).toEqual([
      "须保留编码 2：2005 年地图中有 12,345 个该编码的像元；请加回该地类，或先对该地图重新编码",
    ]);
    expect(zh("the new legend lacks codes of the area's maps")).toBe("新图例缺少本矿区地图中的编码");
    expect(zh("every legend class needs its role (what it is); none is guessed from its name")).toBe(
      "每个图例地类都须指定角色（地类性质）；不会根据名称猜测",
    );
  });
});

describe("catalogue: the year a pathway is not neutral by (web-views.ts, common.ts)", () => {
  it("reads naturally with the year in Chinese; the unused common keys are gone", () => {
    const t = i18nFor("zh").getFixedT("zh", "webViews");
    expect(t("plan.notNeutral", { year: 2060, gap: "1,200" })).toBe(
      "至2060年仍未实现碳中和（缺口 1,200 吨CO2当量/年）",
    );
    expect(Object.keys(CATALOGUE.en.common)).not.toContain("notNeutral");
    expect(Object.keys(CATALOGUE.en.common)).not.toContain("runOptimize");
  });
});

describe("the password rules' refusals (src/app/auth/passwords.ts), as the API answers them", () => {
  it("are said in Chinese, each one, from passwordProblems' own output", () => {
    const said = (password: string, username: string) => passwordProblems(password, username).map(zh);
    expect(said("short1", "reg-sx")).toEqual([
      "密码至少需要 12 个字符（此密码有 6 个）。",
      "密码需包含以下至少三类字符：小写字母、大写字母、数字、其他字符。",
    ]);
    expect(said("Aa1-".repeat(65), "reg-sx")).toEqual(["密码最多 256 个字符。"]);
    expect(said("My-REG-SX-password-1", "reg-sx")).toEqual(["密码不得包含用户名。"]);
    expect(said(" Correct-horse-7", "reg-sx")).toEqual(["密码不得以空格开头或结尾。"]);
    // Every rule's message is known (none is left in English).
    for (const p of [
      ...passwordProblems("a", "a"),
      ...passwordProblems("Aa1-".repeat(65), "x"),
      ...passwordProblems(" Aa1-aaaaaaaaaa ", "x"),
    ])
      expect(zh(p), p).toMatch(han);
    expect(domainText("en", passwordProblems("Short-1", "x")[0]!)).toBe(
      "A password needs at least 12 characters (this one has 7).",
    );
  });
});
