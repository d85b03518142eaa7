import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { CliCase } from "./corpus-case.ts";
import {
  bitFlipped,
  EVERY_CODE_LEGEND_CSV,
  headerOnlyTiff,
  readVariant,
  truncated,
  variantNames,
} from "./damaged-tiffs.ts";
import {
  ABSURD_NUMBERS,
  examplesDir,
  example,
  HOSTILE_TEXT,
  numericLeaves,
  ODD_NUMBERS,
  TEXT_CASE_DRAWS,
  pathText,
  textLeaves,
  withValue,
} from "./document-mutations.ts";
import { hostileGeoJson, hostileYaml } from "./hostile-documents.ts";

/** The shipped examples the numeric and text mutations run over, and the command each is for. */
const DOCUMENTS = [
  { file: "yongning.yaml", command: "inventory" },
  { file: "pingshuo-stock-loss.yaml", command: "budget" },
  { file: "pingshuo-2018-budget.yaml", command: "budget" },
  { file: "yongning-pathway.yaml", command: "pathway" },
  { file: "pingshuo-structure.yaml", command: "optimize" },
] as const;

/**
 * The command-line corpus, with its input files written into `dir`. `setup` runs first (a good
 * analysis, whose output the report cases then damage); `cases` are the corpus.
 */
export function cliCases(dir: string): { setup: CliCase[]; cases: CliCase[]; reportCases: () => CliCase[] } {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const out = (name: string) => join(dir, "out", name);
  const legend = file("every-code-legend.csv", EVERY_CODE_LEGEND_CSV);
  const good = join(dir, "good.tif");
  copyFileSync(join(import.meta.dirname, "..", "fixtures", "geotiff-variants", "striped-deflate.tif"), good);
  copyFileSync(join(examplesDir(), "yongning.yaml"), join(dir, "yongning.yaml"));
  const cases: CliCase[] = [];
  const analyze = (
    id: string,
    map: string,
    expect: CliCase["expect"],
    extra: string[] = [],
    names?: string,
  ) =>
    cases.push({
      id,
      argv: [
        "landuse",
        "analyze",
        "--map",
        `2002=${good}`,
        "--map",
        `2008=${map}`,
        "--legend",
        legend,
        "--zoning",
        "none",
        "--out",
        out(id),
        "--workers",
        "0",
        "--no-progress",
        ...extra,
      ],
      expect,
      ...(names ? { names } : {}),
    });

  /** `landuse analyze` of the intact map with itself into out(`id`), with `extra` options. */
  const pairWith = (id: string, ...extra: string[]) => [
    "landuse",
    "analyze",
    "--map",
    `2002=${good}`,
    "--map",
    `2008=${good}`,
    "--out",
    out(id),
    ...extra,
  ];
  const goodPair = (id: string, ...extra: string[]) => pairWith(id, "--legend", legend, ...extra);
  const pooled = (id: string, poolTable: string, ...extra: string[]) =>
    pairWith(id, "--pools", poolTable, "--workers", "0", "--no-progress", ...extra);

  // Damaged maps of every variant in the reader's fixture matrix.
  for (const name of variantNames()) {
    const bytes = readVariant(name);
    for (const fraction of [0.25, 0.5, 0.9])
      analyze(
        `tiff/${name}/truncated-${fraction * 100}%`,
        file(`t${fraction}-${name}`, truncated(bytes, fraction)),
        "refused",
        [],
        "trunc|corrupt|damaged",
      );
    for (const seed of [1, 2])
      analyze(`tiff/${name}/bit-flips-${seed}`, file(`f${seed}-${name}`, bitFlipped(bytes, seed)), "either");
  }
  // The worker-thread path must refuse as clearly as the main thread.
  analyze(
    "tiff/truncated-50%-in-workers",
    file("tw-striped-lzw.tif", truncated(readVariant("striped-lzw.tif"), 0.5)),
    "refused",
    ["--workers", "2"],
  );
  analyze("tiff/zero-width", file("zero-width.tif", headerOnlyTiff(0, 20)), "refused");
  analyze("tiff/zero-height", file("zero-height.tif", headerOnlyTiff(20, 0)), "refused");
  analyze("tiff/huge-header", file("huge.tif", headerOnlyTiff(100_000, 100_000)), "refused");
  analyze("tiff/not-a-tiff", file("not.tif", "not a tiff\n"), "refused");
  analyze("tiff/empty", file("empty.tif", ""), "refused");
  analyze("tiff/missing", join(dir, "missing.tif"), "refused");
  analyze("tiff/a-folder", dir, "refused");
  cases.push({
    id: "accuracy/truncated-map",
    argv: [
      "landuse",
      "accuracy",
      "--map",
      file("acc.tif", truncated(readVariant("tiled-lzw.tif"), 0.5)),
      "--samples",
      file("samples.csv", "x,y,class\n1,1,3\n"),
      "--legend",
      legend,
    ],
    expect: "refused",
  });

  // Legends, pool tables, zoning rules and boundaries that are not what they claim.
  const badCsv: Record<string, string> = {
    empty: "",
    "header-only": "code,name\n",
    "duplicate-code": "code,name\n1,a\n1,b\n",
    "code-text": "code,name\na,b\n",
    "code-inf": "code,name\n1e999,b\n",
    "code-negative": "code,name\n-1,b\n",
    "code-too-big": "code,name\n70000,b\n",
    "code-fraction": "code,name\n1.5,b\n",
    "no-name-column": "code\n1\n",
    "open-quote": 'code,name\n1,"never closed\n',
    "nul-byte": "code,name\n1,a\u0000b\n",
    binary: "\u0000\u0001\u0002\uffff",
  };
  for (const [name, text] of Object.entries(badCsv))
    analyze(`legend/${name}`, good, "refused", ["--legend", file(`legend-${name}.csv`, text)]);
  const pools = (row: string) => `lucode,LULC_name,c_above,c_below,c_soil,c_dead\n${row}\n`;
  const poolRows: Record<string, string> = {
    "density-1e308": "1,a,1e308,1,1,1",
    "density-inf": "1,a,1e999,1,1,1",
    "density-nan": "1,a,NaN,1,1,1",
    "density-text": "1,a,x,1,1,1",
    "density-negative": "1,a,-5,1,1,1",
  };
  for (const [name, row] of Object.entries(poolRows))
    cases.push({
      id: `pools/${name}`,
      argv: pooled(`pools-${name}`, file(`pools-${name}.csv`, pools(row))),
      expect: "refused",
    });
  // The valuation of the storage change (InVEST's): prices and rates out of bounds or missing.
  const willametteLike = file("pools-good.csv", pools("1,a,10,2,50,1"));
  const valuation: Record<string, string[]> = {
    "price-inf": ["--carbon-price", "1e999", "--discount-rate", "0.05"],
    "price-negative": ["--carbon-price", "-1", "--discount-rate", "0.05"],
    "price-text": ["--carbon-price", "abc", "--discount-rate", "0.05"],
    "price-proto": ["--carbon-price", "__proto__", "--discount-rate", "0.05"],
    "discount-2": ["--carbon-price", "50", "--discount-rate", "2"],
    "price-change--3": ["--carbon-price", "50", "--discount-rate", "0.05", "--price-change", "-3"],
    "discount-without-price": ["--discount-rate", "0.05"],
    "price-without-discount": ["--carbon-price", "50"],
  };
  for (const [name, extra] of Object.entries(valuation))
    cases.push({
      id: `valuation/${name}`,
      argv: pooled(`valuation-${name}`, willametteLike, ...extra),
      expect: "refused",
    });
  const rules: Record<string, string> = {
    // A zone the rules invent is legal (rule tables name their own zones); codes the legend lacks are not.
    "unknown-code": "zone,from,to\ninvariant,999,1\n",
    "unknown-class": "zone,from,to\ninvariant,nowhere,1\n",
    empty: "",
  };
  for (const [name, text] of Object.entries(rules))
    analyze(`rules/${name}`, good, "refused", [
      "--zoning",
      "rules",
      "--rules",
      file(`rules-${name}.csv`, text),
    ]);
  for (const [name, text] of Object.entries(hostileGeoJson())) {
    analyze(`boundary/${name}`, good, "refused", ["--boundary", file(`boundary-${name}.geojson`, text)]);
    analyze(`zones/${name}`, good, "refused", ["--zones", file(`zones-${name}.geojson`, text)]);
  }

  // Numbers no mine has, and non-finite numbers, in every numeric field of every example.
  for (const { file: example_, command } of DOCUMENTS) {
    const doc = example(example_);
    for (const path of numericLeaves(doc)) {
      for (const m of [...ABSURD_NUMBERS, ...ODD_NUMBERS]) {
        const name = `${example_.replace(/\.yaml$/, "")}-${pathText(path)}-${m.name}`.replace(
          /[^\w.-]+/g,
          "_",
        );
        const f = file(`${name}.yaml`, stringify(withValue(doc, path, m.value)));
        cases.push({
          id: `${command}/${example_}/${pathText(path)}=${m.name}`,
          argv: [command, f, ...(command === "budget" ? ["--draws", "200"] : []), "--json"],
          expect: ABSURD_NUMBERS.includes(m) ? "refused" : "either",
          // The refusal must name the field (its last key at least).
          ...(ABSURD_NUMBERS.includes(m)
            ? { names: String(path.at(-1)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") }
            : {}),
        });
      }
    }
    for (const path of textLeaves(doc))
      for (const t of HOSTILE_TEXT) {
        const name = `${example_.replace(/\.yaml$/, "")}-${pathText(path)}-${t.name}`.replace(
          /[^\w.-]+/g,
          "_",
        );
        cases.push({
          id: `${command}/${example_}/${pathText(path)}=${t.name}`,
          argv: [
            command,
            file(`${name}.yaml`, stringify(withValue(doc, path, t.value))),
            ...(command === "budget" ? ["--draws", "200"] : []),
            ...(command === "pathway" ? ["--draws", String(TEXT_CASE_DRAWS)] : []),
            "--json",
          ],
          expect: "either",
        });
      }
    for (const [name, text] of Object.entries(hostileYaml()))
      cases.push({
        id: `${command}/yaml/${name}`,
        argv: [command, file(`${command}-${name}.yaml`, text), "--json"],
        expect: name === "bom-valid" ? "either" : "refused",
      });
  }
  cases.push({
    id: "inventory/missing-file",
    argv: ["inventory", join(dir, "nope.yaml")],
    expect: "refused",
  });
  cases.push({ id: "inventory/a-folder", argv: ["inventory", dir], expect: "refused" });
  const factorRows: Record<string, string> = {
    "value-nan": "NaN",
    "value-inf": "1e999",
    "value-1e308": "1e308",
    "value-text": "x",
  };
  for (const [name, value] of Object.entries(factorRows))
    cases.push({
      id: `factors/${name}`,
      argv: [
        "inventory",
        join(examplesDir(), "yongning.yaml"),
        "--factors",
        file(
          `factors-${name}.csv`,
          `id,quantity,value,unit,source,status\ncn.grid.nbs.2022.prov.shanxi,grid,${value},kg CO2/kWh,contract,primary\n`,
        ),
      ],
      expect: "refused",
    });

  // Counts, sizes and lengths without bounds.
  const yongning = join(examplesDir(), "yongning.yaml");
  const budget = join(examplesDir(), "pingshuo-2018-budget.yaml");
  const pathway = join(examplesDir(), "yongning-pathway.yaml");
  const options: [string, string[]][] = [
    ["budget --draws 1000000000", ["budget", budget, "--draws", "1000000000"]],
    ["budget --draws -5", ["budget", budget, "--draws", "-5"]],
    ["budget --draws 0", ["budget", budget, "--draws", "0"]],
    ["budget --draws abc", ["budget", budget, "--draws", "abc"]],
    ["budget --seed 1e30", ["budget", budget, "--seed", "1e30"]],
    ["pathway --draws 100000000", ["pathway", pathway, "--draws", "100000000"]],
    ["pathway --draws -5", ["pathway", pathway, "--draws", "-5"]],
    ["pathway --year 99999", ["pathway", pathway, "--actual", yongning, "--year", "99999"]],
    ["analyze --workers 500", goodPair("w500", "--workers", "500")],
    ["analyze --workers -1", goodPair("w-1", "--workers", "-1")],
    ["analyze --block-rows 7", goodPair("br7", "--block-rows", "7")],
    ["analyze --block-rows 1e9", goodPair("br1e9", "--block-rows", "1000000000")],
    ["analyze --deflate-level 99", goodPair("dl99", "--deflate-level", "99")],
    [
      "analyze duplicate years",
      [
        "landuse",
        "analyze",
        "--map",
        `2002=${good}`,
        "--map",
        `2002=${good}`,
        "--legend",
        legend,
        "--out",
        out("dup"),
      ],
    ],
    [
      "analyze one map",
      ["landuse", "analyze", "--map", `2002=${good}`, "--legend", legend, "--out", out("one")],
    ],
    [
      "analyze year text",
      [
        "landuse",
        "analyze",
        "--map",
        `abc=${good}`,
        "--map",
        `2008=${good}`,
        "--legend",
        legend,
        "--out",
        out("ytext"),
      ],
    ],
    [
      "analyze --out is a file",
      [
        "landuse",
        "analyze",
        "--map",
        `2002=${good}`,
        "--map",
        `2008=${good}`,
        "--legend",
        legend,
        "--out",
        legend,
      ],
    ],
    [
      "accuracy --out is a file",
      [
        "landuse",
        "accuracy",
        "--map",
        good,
        "--samples",
        file("s.csv", "x,y,class\n1,1,3\n"),
        "--legend",
        legend,
        "--out",
        legend,
      ],
    ],
    ["pathway --out is a file", ["pathway", pathway, "--out", legend]],
    ["serve --port 99999", ["serve", "--port", "99999", "--no-demo", "--data", join(dir, "serve-data")]],
    ["serve --port -1", ["serve", "--port", "-1", "--no-demo", "--data", join(dir, "serve-data")]],
    [
      "serve --workers -1",
      ["serve", "--port", "0", "--workers", "-1", "--no-demo", "--data", join(dir, "serve-data")],
    ],
    [
      "serve --max-upload-mb -1",
      ["serve", "--port", "0", "--max-upload-mb", "-1", "--no-demo", "--data", join(dir, "serve-data")],
    ],
    ["demo-data --out is a file", ["landuse", "demo-data", "--out", legend]],
    ["specs of no such model", ["specs", "no-such-model"]],
    ["specs --lang fr", ["specs", "--lang", "fr"]],
    ...HOSTILE_TEXT.filter((t) => !t.value.includes("\u0000")).map((t): [string, string[]] => [
      `specs of a model named ${t.name}`,
      ["specs", t.value],
    ]),
  ];
  for (const [id, argv] of options)
    cases.push({
      id: `options/${id}`,
      argv,
      expect: "refused",
      ...(id.startsWith("serve") ? { seconds: 30 } : {}),
    });
  // A scenario whose baseline is the scenario itself, or a file that is no inventory.
  const scenario = example("yongning-pathway.yaml") as Record<string, unknown>;
  for (const [name, baseline] of Object.entries({
    itself: "self-baseline.yaml",
    budget: "pingshuo-2018-budget.yaml",
    missing: "nope.yaml",
  }))
    cases.push({
      id: `pathway/baseline-${name}`,
      argv: [
        "pathway",
        file(
          name === "itself" ? "self-baseline.yaml" : `baseline-${name}.yaml`,
          stringify({ ...scenario, baseline: { inventory: baseline } }),
        ),
      ],
      expect: "refused",
    });
  copyFileSync(join(examplesDir(), "pingshuo-2018-budget.yaml"), join(dir, "pingshuo-2018-budget.yaml"));

  const analysis = out("setup");
  const setup: CliCase[] = [
    {
      id: "setup/analysis",
      argv: goodPair("setup", "--zoning", "none", "--workers", "0", "--no-progress"),
      expect: "ok",
    },
  ];
  const reportCases = (): CliCase[] => {
    const summaries: Record<string, string> = {
      garbage: "\u0000\u0001garbage",
      truncated: '{"version": 1, "maps": [',
      "empty-object": "{}",
      mistyped: JSON.stringify({ maps: "2002", classes: 5, periods: { a: 1 } }),
      empty: "",
    };
    const report = (id: string, inputs: string[], extra: string[], expect: CliCase["expect"] = "refused") =>
      ({ id: `report/${id}`, argv: ["report", ...inputs, ...extra], expect }) as CliCase;
    const list: CliCase[] = [];
    for (const [name, text] of Object.entries(summaries)) {
      const d = join(dir, `summary-${name}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "summary.json"), text);
      list.push(report(`summary-${name}`, [d], ["--out", join(dir, `r-${name}.html`)]));
    }
    list.push(report("out-into-missing-folder", [analysis], ["--out", join(dir, "no", "such", "r.html")]));
    list.push(report("out-onto-a-folder", [analysis], ["--out", dir]));
    list.push(
      report(
        "title-100000",
        [yongning],
        ["--title", "x".repeat(100_000), "--out", join(dir, "r-title.html")],
      ),
    );
    list.push(report("folder-without-summary", [join(dir, "out")], ["--out", join(dir, "r-nosum.html")]));
    list.push(report("good", [analysis, yongning], ["--out", join(dir, "r-good.html")], "ok"));
    return list;
  };
  return { setup, cases, reportCases };
}
