import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { DEMO_PLOT_BLOCKS, demoPlotPolygon } from "../../demo/demo-plots.ts";
import type { AnalysisJobs } from "../../app/analysis-jobs.ts";
import { DemoClient } from "./demo-client.ts";
import type { DemoDirectory } from "../../app/demo-directory.ts";
import { scaledYongningInventory } from "../../app/demo-report-content.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { PROJECT_ROOT } from "../../project-root.ts";

/** The demo's reporting years: three years of history, the last one being handed in and reviewed now. */
export const DEMO_YEARS = [2023, 2024, 2025] as const;

/** A minimal PDF the demo attaches as evidence (the evidence check reads its signature). */
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n% MineCarbon DEMO evidence: meter readings (invented)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

type Mine = "mineA" | "mineA2" | "mineB" | "mineB2";
/** Each demo mine's size relative to Yongning (seed 002's 900,000 t/yr), and its enterprise's account. */
const MINES: Readonly<Record<Mine, { scale: number; enterprise: "a" | "b" }>> = {
  mineA: { scale: 1.8, enterprise: "a" },
  mineA2: { scale: 0.6, enterprise: "a" },
  mineB: { scale: 1, enterprise: "b" },
  mineB2: { scale: 0.8, enterprise: "b" },
};

/** How the demo's 2025 reports stand: one in each state the issue names, and one not handed in. */
const STATE_2025: Readonly<Record<Mine, "published" | "draft" | "returned" | "approved">> = {
  mineA: "published",
  mineA2: "draft",
  mineB: "returned",
  mineB2: "approved",
};

interface Accounts {
  /** A visitor of the public portal (not signed in). */
  readonly visitor: DemoClient;
  readonly regulator: DemoClient;
  readonly a: DemoClient;
  readonly b: DemoClient;
  readonly verifier: DemoClient;
}

/**
 * Gives the demo province three years of management history (issue 13), made through the API by
 * the demo's own accounts, as its users would: the province's control rules and each mine's
 * targets, the Pingshuo-like pit's plots under their rules, annual reports for 2023–2025 (the
 * first two years published, 2025 in every state: published, approved, returned with comments, a
 * draft past its deadline), evidence. What needs the land-use analysis (each plot's land use on
 * the maps, and the supervision run that reads it, its flags, a rectification notice, public
 * feedback and its reply) is done once the analysis jobs are finished: `later` settles then.
 * Every request leaves its audit event, as a user's would.
 */
export async function loadDemoHistory(o: {
  app: FastifyInstance;
  base: string;
  directory: DemoDirectory;
  jobs: AnalysisJobs;
}): Promise<{ later: Promise<void> }> {
  const { app, base, directory: d } = o;
  const signIn = (u: string) => DemoClient.signIn(app, base, u, d.password);
  const who: Accounts = {
    visitor: DemoClient.anonymous(app, base),
    regulator: await signIn("demo-regulator"),
    a: await signIn("demo-enterprise-a"),
    b: await signIn("demo-enterprise-b"),
    verifier: await signIn("demo-verifier"),
  };
  const rules = await addRules(who.regulator);
  await setTargets(who, d);
  await storePathways(who, d);
  const plots = await addPlots(who, d, rules);
  for (const year of DEMO_YEARS) await reportYear(who, d, year, plots);
  const later = o.jobs.whenIdle().then(() => afterAnalysis(who, d, plots));
  return { later };
}

/**
 * The pathway plans the enterprises follow (seed 002's measures, examples/yongning-pathway.yaml,
 * its coal output scaled to the mine), from the mine's 2023 inventory: the mines whose 2025 report
 * is approved or published, so that the report's adjustment reviews 2025 against the plan.
 */
async function storePathways(who: Accounts, d: DemoDirectory) {
  const example = readInputFile(join(PROJECT_ROOT, "examples", "yongning-pathway.yaml")) as {
    coalOutput: { year: number; t: number }[];
  };
  for (const mine of (Object.keys(MINES) as Mine[]).filter((m) =>
    ["approved", "published"].includes(STATE_2025[m]),
  )) {
    const m = MINES[mine];
    const ent = m.enterprise === "a" ? who.a : who.b;
    const { name } = await ent.call<{ name: string }>("GET", `/api/mines/${d[mine]}`);
    await ent.call("PUT", `/api/mines/${d[mine]}/pathway`, {
      scenario: {
        ...example,
        name: `${name} — seed 002 measures (DEMO)`,
        coalOutput: example.coalOutput.map((c) => ({ year: c.year, t: Math.round(c.t * m.scale) })),
      },
      baseline: scaledYongningInventory(2023, { coal: m.scale, energy: m.scale }, name),
    });
  }
}

async function addRules(regulator: DemoClient) {
  const add = (body: object) =>
    regulator.call<{ id: string }>("POST", "/api/control-rules", body).then((r) => r.id);
  return {
    farmland: await add({
      name: "Basic farmland stays farmland (DEMO)",
      nameZh: "基本农田不得改变用途（示范）",
      basis:
        "Land Administration Law of the PRC, art. 35; Regulation on the Protection of Basic Farmland (invented wording for the demo)",
      rule: {
        kind: "no-conversion",
        fromRoles: ["arable"],
        toRoles: ["open-pit", "stripping", "dump", "industrial", "urban", "rural", "transportation"],
        toleranceHa: 0.5,
      },
    }),
    reclaimDump: await add({
      name: "Reclaim the east dump to forest by 2016 (DEMO)",
      nameZh: "东排土场2016年前复垦为林地（示范）",
      basis: "The mine's land reclamation plan, approved 2010 (invented for the demo)",
      rule: { kind: "reclaim-by", deadlineYear: 2016, toRoles: ["forest"], toleranceHa: 0.5 },
    }),
    industrialCap: await add({
      name: "Industrial land at most 30 ha a plot (DEMO)",
      nameZh: "单地块工矿用地不超过30公顷（示范）",
      basis: "Provincial land-use plan quota (invented for the demo)",
      rule: { kind: "cap", role: "industrial", capHa: 30, toleranceHa: 0.5 },
    }),
  };
}

async function setTargets(who: Accounts, d: DemoDirectory) {
  const set = (client: DemoClient, mine: Mine, target: object, note: string) =>
    client.call("POST", `/api/mines/${d[mine]}/targets`, { target, note });
  for (const mine of Object.keys(MINES) as Mine[]) {
    const cap = Math.round(60_000 * MINES[mine].scale);
    await set(
      who.regulator,
      mine,
      {
        kind: "intensity-reduction",
        baseYear: 2023,
        targetYear: 2027,
        reductionFraction: 0.05,
        horizon: "short",
      },
      "Carbon intensity down 5 % from 2023 by 2027 (DEMO)",
    );
    await set(
      who.regulator,
      mine,
      // Lishi No. 2's cap is set below what it emits: the demo's emission-standard flag.
      {
        kind: "emission-cap",
        baseYear: 2022,
        targetYear: 2030,
        capTCO2ePerYr: mine === "mineB2" ? cap / 4 : cap,
      },
      "Emission standard (DEMO)",
    );
    await set(
      who.regulator,
      mine,
      { kind: "reclamation-area", baseYear: 2022, targetYear: 2026, areaHa: mine === "mineA" ? 60 : 15 },
      "Reclamation plan's target (DEMO)",
    );
  }
  await set(
    who.a,
    "mineA",
    { kind: "methane-utilisation", baseYear: 2023, targetYear: 2027, rate: 0.6 },
    "Our own sub-target: use 60 % of the drained gas (DEMO)",
  );
}

async function addPlots(who: Accounts, d: DemoDirectory, rules: Awaited<ReturnType<typeof addRules>>) {
  const collection = {
    type: "FeatureCollection",
    features: DEMO_PLOT_BLOCKS.map((b) => ({
      type: "Feature",
      properties: { name: b.name },
      geometry: demoPlotPolygon(b),
    })),
  };
  const imported = await who.a.upload<{ plots: { id: string; name: string }[] }>(
    `/api/mines/${d.mineA}/plots/import`,
    { nameField: "name" },
    {
      name: "anjialing-plots.geojson",
      type: "application/geo+json",
      bytes: Buffer.from(JSON.stringify(collection)),
    },
  );
  const id = (name: string) => imported.plots.find((p) => p.name === name)!.id;
  const [farmland, dump, kept] = DEMO_PLOT_BLOCKS.map((b) => id(b.name)) as [string, string, string];
  await who.a.call("PATCH", `/api/plots/${farmland}`, { declaredRole: "arable", stage: "planned" });
  await who.a.call("PATCH", `/api/plots/${dump}`, { declaredRole: "dump", stage: "reclaiming" });
  await who.a.call("PATCH", `/api/plots/${kept}`, { declaredRole: "arable", stage: "planned" });
  await who.regulator.call("PUT", `/api/plots/${farmland}/rule`, { ruleId: rules.farmland });
  await who.regulator.call("PUT", `/api/plots/${dump}/rule`, { ruleId: rules.reclaimDump });
  await who.regulator.call("PUT", `/api/plots/${kept}/rule`, { ruleId: rules.farmland });
  await who.a.call("PUT", `/api/mines/${d.mineA}/reclamation-plan`, {
    items: [
      {
        plotId: dump,
        targetRole: "forest",
        species: "Chinese pine, sea buckthorn",
        startYear: 2012,
        dueYear: 2016,
        budgetCny: 4_800_000,
      },
    ],
  });
  return { farmland, dump, kept };
}

/** One year's reports of the four mines, through the workflow to the state the year asks. */
async function reportYear(who: Accounts, d: DemoDirectory, year: number, plots: { dump: string }) {
  for (const mine of Object.keys(MINES) as Mine[]) {
    const m = MINES[mine];
    const ent = m.enterprise === "a" ? who.a : who.b;
    const target = year === 2025 ? STATE_2025[mine] : "published";
    // Energy per tonne falls 6 % a year, except at Jingxi, where it rises (its intensity target goes
    // off track); Lishi No. 2 opened a new face in 2025 (output up 60 %: a jump to explain).
    const after = year - 2023;
    const scale = {
      coal: m.scale * (mine === "mineB2" && year === 2025 ? 1.6 : 1),
      energy: m.scale * (mine === "mineA2" ? 1 + 0.05 * after : 1 - 0.06 * after),
    };
    const { name } = await ent.call<{ name: string }>("GET", `/api/mines/${d[mine]}`);
    const content = (coalTypo = 1) => {
      const inventory = scaledYongningInventory(year, scale, name) as { years: { coalOutputT: number }[] };
      inventory.years[0]!.coalOutputT *= coalTypo;
      return {
        inventory,
        reclamation:
          mine === "mineA"
            ? [
                {
                  plotId: plots.dump,
                  areaReclaimedHa: 2 + year - 2023,
                  targetRole: "forest",
                  species: "Chinese pine",
                  investmentCny: 900_000,
                },
              ]
            : [],
        measures: [
          {
            name: "Gas drainage and power generation (DEMO)",
            kind: "methane-use",
            investmentCny: Math.round(8_000_000 * m.scale),
            expectedAbatementTCO2ePerYr: Math.round(6_000 * m.scale),
            status: year === 2023 ? "in-progress" : "done",
          },
        ],
        evidence: [] as string[],
        declaration: {
          name: m.enterprise === "a" ? "Wang Lei (DEMO)" : "Zhao Min (DEMO)",
          position: "Head of environment",
          accepted: true,
        },
      };
    };
    const report = await ent.call<{ id: string }>("POST", `/api/mines/${d[mine]}/annual-reports`, { year });
    const url = `/api/annual-reports/${report.id}`;
    // Yongning's 2025 report first goes in with its coal output off by 10⁴ (a unit slip).
    const typo = mine === "mineB" && year === 2025 ? 10_000 : 1;
    const draft = content(typo);
    if (mine === "mineA" && year === 2025) {
      const pdf = await ent.upload<{ id: string }>(
        `${url}/evidence`,
        {},
        {
          name: "meter-readings-2025.pdf",
          type: "application/pdf",
          bytes: DEMO_PDF,
        },
      );
      draft.evidence.push(pdf.id);
    }
    await ent.call("PUT", `${url}/draft`, draft);
    if (target === "draft") continue;
    await ent.call("POST", `${url}/events`, { type: "submit" });
    await who.regulator.call("POST", `${url}/events`, {
      type: "send-to-verification",
      verifierOrganisationId: d.verifier,
    });
    await who.verifier.call("POST", `${url}/events`, {
      type: "conclude-verification",
      conclusion:
        typo === 1
          ? {
              conforms: true,
              statement: "Activity data agree with the meter readings and invoices sampled (DEMO).",
              findings: [],
            }
          : {
              conforms: false,
              statement: "The coal output does not agree with the sales ledger (DEMO).",
              findings: [
                {
                  path: "inventory.years[0].coalOutputT",
                  comment: "Ten thousand times the ledger's figure: tonnes entered as 10⁴ t? (DEMO)",
                },
              ],
            },
    });
    if (target === "returned") {
      await who.regulator.call("POST", `${url}/events`, {
        type: "return",
        reason: "Correct the coal output as the verifier found, and explain the diesel use (DEMO).",
        fieldComments: [
          { path: "inventory.years[0].coalOutputT", comment: "Enter tonnes, as the sales ledger (DEMO)." },
          { path: "measures[0].investmentCny", comment: "Attach the invoices of the gas plant (DEMO)." },
        ],
      });
      // The enterprise has corrected its draft and not yet resubmitted it.
      await ent.call("PUT", `${url}/draft`, content());
      continue;
    }
    await who.regulator.call("POST", `${url}/events`, { type: "approve" });
    if (target === "published") await who.regulator.call("POST", `${url}/events`, { type: "publish" });
  }
}

/** What reads the land-use analysis: the plots' land use on the maps, supervision, a notice, the public. */
async function afterAnalysis(who: Accounts, d: DemoDirectory, plots: { farmland: string }) {
  await who.a.call("POST", `/api/mines/${d.mineA}/plots/observe`, {});
  await who.regulator.call("POST", "/api/supervision/run", { year: 2025 });
  const flags = await who.regulator.call<{ id: string; kind: string; subjectId?: string }[]>(
    "GET",
    `/api/flags?mineId=${d.mineA}&kind=control-rule-broken`,
  );
  const broken = flags[0];
  if (broken)
    await who.regulator.call("POST", `/api/mines/${d.mineA}/notices`, {
      text: "Farmland plot AJL-07 was taken by the pit against its rule: stop, and restore it or apply for a change of use (DEMO).",
      deadline: "2027-01-31",
      flagId: broken.id,
    });
  void plots;
  await feedbackAndReply(who, d);
}

/**
 * A visitor's feedback about the farmland plot the pit took, with the point on the map, and the
 * regulator's public reply: what the portal shows of public participation (issue 13).
 */
async function feedbackAndReply(who: Accounts, d: DemoDirectory) {
  const ring = (demoPlotPolygon(DEMO_PLOT_BLOCKS[0]!) as { coordinates: number[][][] }).coordinates[0]!;
  const corners = ring.slice(0, -1);
  const mean = (i: 0 | 1) => corners.reduce((s, c) => s + c[i]!, 0) / corners.length;
  const sent = await who.visitor.call<{ id: string }>("POST", "/api/public/feedback", {
    mineId: d.mineA,
    category: "land-use",
    point: { lon: Number(mean(0).toFixed(6)), lat: Number(mean(1).toFixed(6)) },
    message:
      "The fields north of the village were dug up this spring and spoil is dumped on them. Was this farmland allowed to be used? (DEMO)",
  });
  await who.regulator.call("POST", `/api/feedback/${sent.id}/reply`, {
    reply:
      "Thank you. Our supervision found the plot (AJL-07) converted against its control rule; a rectification notice was issued to the enterprise with a deadline of 31 January 2027. (DEMO)",
    status: "in-progress",
    public: true,
  });
}
