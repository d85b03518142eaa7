/**
 * A generated province for the management system's benchmarks (issue 13): `mines` coal mines of
 * `mines / 5` enterprises in counties of Shanxi's eleven prefectures, each with a mining-right
 * boundary, three targets, four plots under the department's control rules (with what a map saw in
 * them), and `years` years of annual reports — every year before the last published, with its
 * version and workflow events; the last year in every state — plus open flags and rectification
 * notices on some mines. Written straight into the tables (as the system, in bulk), so that 500
 * mines × 10 years take seconds; what the API then reads is what its own routes would have
 * written. Deterministic for a seed. SYNTHETIC: no mine here is real.
 */
import type { Kysely } from "kysely";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { hashPassword } from "../src/app/auth/passwords.ts";
import { isCreditCode } from "../src/domain/access/organisation.ts";
import { scaledYongningInventory } from "../src/app/demo-report-content.ts";
import type { Database } from "../src/storage/schema.ts";

export interface ProvinceOptions {
  readonly mines: number;
  readonly years: number;
  /** The reporting year last generated (its reports are in every state). */
  readonly lastYear: number;
  readonly seed: number;
  /** The password of the generated regulator `province-regulator` and of each enterprise's `ent-<n>`. */
  readonly password: string;
}

export interface Province {
  readonly department: string;
  readonly mineIds: readonly string[];
  readonly regulator: string;
  readonly enterpriseUser: string;
  readonly reports: number;
}

const PREFECTURES = ["1401", "1402", "1403", "1404", "1405", "1406", "1407", "1408", "1409", "1410", "1411"];
const LAST_YEAR_STATES = [
  ["published", 0.4],
  ["approved", 0.2],
  ["in-review", 0.1],
  ["submitted", 0.1],
  ["returned", 0.1],
  ["draft", 0.05],
  [null, 0.05],
] as const;

/** Rows go in by this many: PostgreSQL's limit of 65,535 parameters a statement stays far away. */
const CHUNK = 400;

async function insertAll<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    // The rows are built for each table below; the database checks them.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

const creditCode = (n: number): string => {
  const body = `911400${String(100000 + n).padStart(6, "0")}MA${String(n).padStart(5, "0")}`.slice(0, 17);
  for (const c of "0123456789ABCDEFGHJKLMNPQRTUWXY") if (isCreditCode(body + c)) return body + c;
  throw new Error(`no check character for ${body}`);
};

/** Generates the province into an empty store that has the migrations (run it as the system). */
export async function generateProvince(db: Kysely<Database>, o: ProvinceOptions): Promise<Province> {
  const g = xoroshiro128plus(o.seed);
  const rnd = () => uniformFloat64(g);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const firstYear = o.lastYear - o.years + 1;

  // Regions: the province, its prefectures and three counties each.
  const regions = [{ code: "140000", name: "Shanxi", name_zh: "山西省", parent_code: "100000" }];
  const counties: string[] = [];
  for (const p of PREFECTURES) {
    regions.push({ code: `${p}00`, name: `Prefecture ${p}`, name_zh: `地市${p}`, parent_code: "140000" });
    for (const c of ["21", "22", "23"]) {
      counties.push(`${p}${c}`);
      regions.push({
        code: `${p}${c}`,
        name: `County ${p}${c}`,
        name_zh: `县${p}${c}`,
        parent_code: `${p}00`,
      });
    }
  }
  await db
    .insertInto("regions")
    .values(regions)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();

  const dept = await db
    .insertInto("organisations")
    .values({
      kind: "department",
      name: "Shanxi natural resources (GENERATED)",
      region_code: "140000",
      department_kind: "natural-resources",
      level: "province",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const verifier = await db
    .insertInto("organisations")
    .values({ kind: "verification-body", name: "Verifier (GENERATED)", region_code: "140000" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const enterprises: { id: string; region: string }[] = [];
  for (let e = 0; e < Math.max(1, Math.ceil(o.mines / 5)); e++) {
    const region = pick(counties);
    const r = await db
      .insertInto("organisations")
      .values({
        kind: "enterprise",
        name: `Enterprise ${e + 1} (GENERATED)`,
        region_code: region,
        credit_code: creditCode(e + 1),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    enterprises.push({ id: String(r.id), region });
  }
  const passwordHash = await hashPassword(o.password);
  const regulator = await db
    .insertInto("users")
    .values({
      username: "province-regulator",
      organisation_id: String(dept.id),
      password_hash: passwordHash,
      must_change_password: false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("user_roles")
    .values({ user_id: String(regulator.id), role: "regulator" })
    .execute();
  const entUser = await db
    .insertInto("users")
    .values({
      username: "ent-1",
      organisation_id: enterprises[0]!.id,
      password_hash: passwordHash,
      must_change_password: false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("user_roles")
    .values([
      { user_id: String(entUser.id), role: "enterprise-editor" },
      { user_id: String(entUser.id), role: "enterprise-submitter" },
    ])
    .execute();

  // The department's rule table.
  const rule = (name: string, body: object) =>
    db
      .insertInto("control_rules")
      .values({
        organisation_id: String(dept.id),
        region_code: "140000",
        name,
        rule: JSON.stringify(body),
        basis: "GENERATED rule for the benchmark",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => String(r.id));
  const rules = [
    await rule("no farmland to mining", {
      kind: "no-conversion",
      fromRoles: ["arable"],
      toRoles: ["open-pit", "stripping", "dump", "industrial", "urban", "rural"],
      toleranceHa: 0.5,
    }),
    await rule("reclaim to forest", {
      kind: "reclaim-by",
      deadlineYear: o.lastYear - 2,
      toRoles: ["forest"],
      toleranceHa: 0.5,
    }),
    await rule("construction cap", { kind: "cap", role: "industrial", capHa: 20, toleranceHa: 0.5 }),
  ];

  // Mines with their boundaries: an irregular ring of 24 vertices, 1–6 km across.
  const mineRows = Array.from({ length: o.mines }, (_, i) => {
    const ent = enterprises[Math.floor(i / 5)]!;
    const [lon, lat] = [110.5 + rnd() * 3.8, 35 + rnd() * 5.4];
    const r = 0.005 + rnd() * 0.025;
    const ring = Array.from({ length: 25 }, (_, k) => {
      const a = ((k % 24) / 24) * 2 * Math.PI;
      const rr = r * (0.7 + 0.3 * Math.sin(3 * a + i));
      return [Number((lon + rr * Math.cos(a)).toFixed(6)), Number((lat + rr * Math.sin(a) * 0.8).toFixed(6))];
    });
    return {
      organisation_id: ent.id,
      region_code: pick(counties),
      name: `Mine ${i + 1} (GENERATED)`,
      name_zh: `煤矿${i + 1}（生成）`,
      stage: "production" as const,
      mining_right_boundary: JSON.stringify({ type: "Polygon", coordinates: [ring] }),
    };
  });
  const mineIds: string[] = [];
  for (let i = 0; i < mineRows.length; i += CHUNK) {
    const rows = await db
      .insertInto("mines")
      .values(mineRows.slice(i, i + CHUNK))
      .returning("id")
      .execute();
    mineIds.push(...rows.map((r) => String(r.id)));
  }

  // Targets, plots.
  const targets: Record<string, unknown>[] = [];
  const plots: Record<string, unknown>[] = [];
  mineIds.forEach((mineId, i) => {
    const centre = (
      JSON.parse(mineRows[i]!.mining_right_boundary) as { coordinates: number[][][] }
    ).coordinates[0]!.reduce((c, [a, b]) => [c[0]! + a! / 25, c[1]! + b! / 25], [0, 0]);
    const base = 900_000 * (0.3 + rnd() * 3);
    const t = (target: object) => ({
      mine_id: mineId,
      set_by: "regulator",
      set_by_organisation_id: String(dept.id),
      target: JSON.stringify(target),
    });
    targets.push(
      t({
        kind: "intensity-reduction",
        baseYear: firstYear,
        targetYear: o.lastYear + 2,
        reductionFraction: 0.18,
        horizon: "short",
      }),
      t({
        kind: "emission-cap",
        baseYear: firstYear,
        targetYear: o.lastYear + 5,
        capTCO2ePerYr: Math.round(base * 0.2),
      }),
      t({ kind: "reclamation-area", baseYear: firstYear, targetYear: o.lastYear + 2, areaHa: 40 }),
    );
    for (let p = 0; p < 4; p++) {
      const arable = rnd() * 10;
      const mining = rnd() * 10;
      plots.push({
        mine_id: mineId,
        name: `P-${i + 1}-${p + 1}`,
        // A square of about 300 m near the mine's centre, one beside the other.
        geometry: JSON.stringify({
          type: "Polygon",
          coordinates: [
            [
              [centre[0]! + p * 0.004, centre[1]!],
              [centre[0]! + p * 0.004 + 0.003, centre[1]!],
              [centre[0]! + p * 0.004 + 0.003, centre[1]! + 0.003],
              [centre[0]! + p * 0.004, centre[1]! + 0.003],
              [centre[0]! + p * 0.004, centre[1]!],
            ],
          ],
        }),
        area_ha: arable + mining,
        declared_role: p === 0 ? "arable" : "dump",
        stage: p === 0 ? "planned" : "reclaiming",
        rule_id: rules[p % rules.length],
        observed: JSON.stringify({
          plotId: `P-${i + 1}-${p + 1}`,
          fromYear: o.lastYear - 5,
          toYear: o.lastYear,
          roleAreaHa: { arable, dump: mining },
          transitionsHa: [
            { fromRole: "arable", toRole: "arable", areaHa: arable },
            { fromRole: "arable", toRole: "dump", areaHa: rnd() < 0.1 ? mining : 0 },
          ],
        }),
      });
    }
  });
  await insertAll(db, "targets", targets);
  await insertAll(db, "plots", plots);

  // Annual reports: the Yongning inventory (seed 002) scaled per mine and year.
  const content = (year: number, scale: number) => ({
    inventory: scaledYongningInventory(year, { coal: scale, energy: scale }),
    reclamation: [],
    measures: [
      {
        name: "gas drainage and use",
        kind: "other",
        investmentCny: Math.round(2e6 * scale),
        expectedAbatementTCO2ePerYr: Math.round(3000 * scale),
        status: "done",
      },
    ],
    evidence: [],
    declaration: { name: "GENERATED", position: "mine manager", accepted: true },
  });
  let reports = 0;
  for (const [m, mineId] of mineIds.entries()) {
    const mine = mineRows[m]!;
    const scale = 0.3 + rnd() * 3;
    const yearRows: Record<string, unknown>[] = [];
    const states: (string | null)[] = [];
    for (let year = firstYear; year <= o.lastYear; year++) {
      let state: string | null = "published";
      if (year === o.lastYear) {
        let x = rnd();
        state = null;
        for (const [s, share] of LAST_YEAR_STATES) {
          if (x < share) {
            state = s;
            break;
          }
          x -= share;
        }
      }
      states.push(state);
      if (state === null) continue;
      yearRows.push({
        mine_id: mineId,
        year,
        organisation_id: mine.organisation_id,
        region_code: mine.region_code,
        state,
        draft: JSON.stringify(state === "draft" ? content(year, scale * (0.9 + rnd() * 0.2)) : {}),
        verifier_organisation_id: state === "draft" || state === "submitted" ? null : String(verifier.id),
      });
    }
    const ids = await db
      .insertInto("annual_reports")
      .values(yearRows as never)
      .returning(["id", "year", "state"])
      .execute();
    const versions: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (const r of ids) {
      reports++;
      if (r.state === "draft") continue;
      const at = new Date(Date.UTC(r.year + 1, 2, 1));
      versions.push({
        report_id: String(r.id),
        number: 1,
        content: JSON.stringify(content(r.year, scale * (0.9 + rnd() * 0.2))),
        submitted_at: at,
        submitted_by: String(entUser.id),
      });
      const steps: [string, object][] = [["submit", {}]];
      if (r.state !== "submitted")
        steps.push(["send-to-verification", { verifierOrganisationId: String(verifier.id) }]);
      if (!["submitted", "verification"].includes(r.state))
        steps.push([
          "conclude-verification",
          { conclusion: { conforms: true, statement: "GENERATED", findings: [] } },
        ]);
      if (r.state === "returned")
        steps.push(["return", { reason: "GENERATED: explain the jump in diesel", fieldComments: [] }]);
      if (r.state === "approved" || r.state === "published") steps.push(["approve", {}]);
      if (r.state === "published") steps.push(["publish", {}]);
      steps.forEach(([type, body], k) =>
        events.push({
          report_id: String(r.id),
          seq: k + 1,
          type,
          by_user_id: String(type === "submit" ? entUser.id : regulator.id),
          by_organisation_id: type === "submit" ? mine.organisation_id : String(dept.id),
          at: new Date(at.getTime() + k * 86_400_000),
          body: JSON.stringify(body),
        }),
      );
    }
    await insertAll(db, "annual_report_versions", versions);
    await insertAll(db, "annual_report_events", events);
  }

  // Flags on one mine in ten, a rectification notice on one in twenty.
  const flags: Record<string, unknown>[] = [];
  const notices: Record<string, unknown>[] = [];
  mineIds.forEach((mineId, i) => {
    if (i % 10 === 3)
      flags.push({
        mine_id: mineId,
        kind: "control-rule-broken",
        year: o.lastYear,
        key: `control-rule-broken:${o.lastYear}:plot:P-${i + 1}-1`,
        subject_kind: "plot",
        subject_id: `P-${i + 1}-1`,
        evidence: "GENERATED: arable → dump inside a plot whose rule forbids it",
        numbers: JSON.stringify({ areaHa: 2.5 }),
      });
    if (i % 20 === 7)
      notices.push({
        mine_id: mineId,
        issued_by_organisation_id: String(dept.id),
        text: "GENERATED rectification notice",
        deadline: `${o.lastYear + 1}-12-31`,
      });
  });
  await insertAll(db, "flags", flags);
  for (const n of notices) {
    const r = await db
      .insertInto("notices")
      .values(n as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("notice_events")
      .values({
        notice_id: String(r.id),
        seq: 1,
        type: "issue",
        by_user_id: String(regulator.id),
        by_organisation_id: String(dept.id),
        text: n.text as string,
        evidence: "[]",
      })
      .execute();
  }
  return {
    department: String(dept.id),
    mineIds,
    regulator: String(regulator.id),
    enterpriseUser: String(entUser.id),
    reports,
  };
}
