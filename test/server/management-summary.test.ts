import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAG_KINDS } from "../../src/domain/manage/supervision.ts";
import { translator, type Lang } from "../../src/presentation/i18n/index.ts";
import { serve } from "../../src/server/serve.ts";
import { freshDatabase, STORE_KINDS } from "../storage/stores.ts";
import { pdfText } from "./pdf-text.ts";

const PASSWORD = "Demo-Summary-Test-42";

/*
 * The regulator's annual summary (issue 13) of the demo province's mines, as XLSX (read back with
 * read-excel-file) and PDF (its text read through the font's ToUnicode map), in English and Chinese:
 * its rows are the overview's mines with the overview's status and report state, the evaluation's
 * score and the ranking's rank; its regions add up to its mines; its flags are the overview's open
 * flags and its notices the mines' notices. An enterprise's summary holds its own mines only.
 */
type Overview = {
  mines: {
    id: string;
    name: string;
    nameZh: string | null;
    status: string;
    regionCode: string;
    report: { state: string } | null;
    openFlags: number;
    openNotices: number;
    escalatedNotices: number;
  }[];
  figures: { openFlags: number };
};
type Cell = string | number | boolean | Date | null;

for (const kind of STORE_KINDS)
  describe(`the annual summary across mines (${kind})`, () => {
    let s: Awaited<ReturnType<typeof serve>>;
    let dir: string;
    let drop = async () => {};
    let base = "";
    const cookies: Record<string, string> = {};
    const get = async (url: string, who = "demo-regulator") => {
      const r = await fetch(`${base}${url}`, { headers: { cookie: cookies[who]! } });
      return {
        status: r.status,
        type: r.headers.get("content-type"),
        body: Buffer.from(await r.arrayBuffer()),
      };
    };
    const json = async <T>(url: string, who = "demo-regulator"): Promise<T> => {
      const r = await get(url, who);
      expect(r.status, `${url}: ${r.body.toString()}`).toBe(200);
      return JSON.parse(r.body.toString()) as T;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "mc-summary-"));
      const database = kind === "postgres" ? await freshDatabase() : null;
      if (database) drop = database.drop;
      s = await serve({
        port: 0,
        dataDir: join(dir, "data"),
        ...(database ? { databaseUrl: database.appUrl, migrationUrl: database.ownerUrl } : {}),
        demo: true,
        demoPassword: PASSWORD,
        warn: () => {},
      });
      await s.demoHistory;
      base = s.url.replace("localhost", "127.0.0.1");
      for (const username of ["demo-regulator", "demo-enterprise-a"]) {
        const login = await fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        expect(login.status).toBe(200);
        cookies[username] = login.headers.getSetCookie()[0]!.split(";")[0]!;
      }
    }, 600_000);
    afterAll(async () => {
      await s?.stop();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }, 120_000);

    const sheetsOf = async (year: number, lang: Lang, who = "demo-regulator") => {
      const r = await get(`/api/management/summary?year=${year}&format=xlsx&lang=${lang}`, who);
      expect(r.status, r.body.toString()).toBe(200);
      expect(r.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const sheets = await readXlsxFile(r.body);
      return Object.fromEntries(sheets.map((x) => [x.sheet, x.data as Cell[][]]));
    };

    it.each(["en", "zh"] as const)(
      "XLSX (%s): one row per mine of the overview, with its status, report, score and rank",
      async (lang) => {
        const m = (key: string, values: Record<string, unknown> = {}) =>
          translator(lang)(`manage:${key}`, { defaultValue: key, ...values });
        for (const year of [2024, 2025]) {
          const overview = await json<Overview>(`/api/management/overview?year=${year}`);
          const ranking = await json<{ ranking: { mineId: string; rank: number; score: number | null }[] }>(
            `/api/evaluation?year=${year}`,
          );
          const sheets = await sheetsOf(year, lang);
          expect(Object.keys(sheets)).toEqual(
            ["mines", "regions", "flags", "notices", "about"].map((k) => m(`summary.sheet.${k}`)),
          );
          const [header, ...rows] = sheets[m("summary.sheet.mines")]!;
          const col = (key: string) => {
            const i = header!.indexOf(m(`summary.col.${key}`));
            expect(i, key).toBeGreaterThanOrEqual(0);
            return i;
          };
          // Units are in the headers.
          expect(header).toContain(lang === "en" ? "Emissions (t CO2e)" : "排放量（t CO2e）");
          expect(header).toContain(lang === "en" ? "Intensity (t CO2e/t coal)" : "排放强度（t CO2e/t 煤）");
          expect(rows.length).toBe(overview.mines.length);
          expect(overview.mines.length).toBe(4);
          const rowOf = new Map(rows.map((r) => [String(r[col("mine")]), r] as const));
          let scored = 0;
          for (const mine of overview.mines) {
            const name = lang === "zh" ? (mine.nameZh ?? mine.name) : mine.name;
            const r = rowOf.get(name);
            expect(r, name).toBeDefined();
            expect(r![col("status")]).toBe(m(`mineStatus.${mine.status}`));
            expect(r![col("report")]).toBe(
              mine.report ? m(`state.${mine.report.state}`) : m("summary.noReport"),
            );
            expect(String(r![col("region")])).toContain(mine.regionCode);
            expect(r![col("openNotices")]).toBe(mine.openNotices + mine.escalatedNotices);
            const flags = FLAG_KINDS.reduce(
              (sum, k) =>
                sum + Number(r![header!.indexOf(m("summary.col.flagsOfKind", { kind: m(`flag.${k}`) }))]),
              0,
            );
            expect(flags).toBe(mine.openFlags);
            const approved = mine.report && ["approved", "published"].includes(mine.report.state);
            const emissions = r![col("emissions")];
            if (approved) {
              expect(typeof emissions).toBe("number");
              expect(emissions as number).toBeGreaterThan(0);
              expect(r![col("intensity")] as number).toBeCloseTo(
                (emissions as number) / (r![col("coalOutput")] as number),
                12,
              );
            } else expect(emissions).toBeNull();
            const evaluation = await json<{ evaluation: { score: number | null } }>(
              `/api/mines/${mine.id}/evaluation?year=${year}`,
            );
            const ranked = ranking.ranking.find((x) => x.mineId === mine.id)!;
            if (evaluation.evaluation.score === null) {
              expect(r![col("score")]).toBeNull();
              expect(r![col("rank")]).toBeNull();
            } else {
              scored++;
              expect(r![col("score")] as number).toBeCloseTo(evaluation.evaluation.score, 9);
              expect(r![col("rank")]).toBe(ranked.rank);
            }
          }
          if (year === 2025) expect(scored).toBeGreaterThanOrEqual(2);

          // Totals per region add up to the mines; the last row is all of them.
          const [rh, ...regions] = sheets[m("summary.sheet.regions")]!;
          const rc = (key: string) => rh!.indexOf(m(`summary.col.${key}`));
          const all = regions.at(-1)!;
          expect(all[0]).toBe(m("summary.allRegions"));
          expect(all[rc("mines")]).toBe(4);
          const sum = (key: string) => rows.reduce((a, r) => a + Number(r[col(key)] ?? 0), 0);
          expect(all[rc("emissions")] as number).toBeCloseTo(sum("emissions"), 6);
          expect(regions.slice(0, -1).reduce((a, r) => a + Number(r[rc("mines")]), 0)).toBe(4);

          // The open flags: as many as the overview counts, each at a mine of the summary.
          const [, ...flags] = sheets[m("summary.sheet.flags")]!;
          expect(flags.length).toBe(overview.figures.openFlags);
          for (const f of flags) expect(rowOf.has(String(f[0]))).toBe(true);
          const notices = await json<{ state: string; createdAt: string }[]>("/api/notices");
          const [nh, ...noticeRows] = sheets[m("summary.sheet.notices")]!;
          expect(nh).toEqual(["mine", "issued", "deadline", "state"].map((k) => m(`summary.col.${k}`)));
          expect(noticeRows.length).toBe(
            notices.filter((n) => n.state !== "closed" || n.createdAt.startsWith(`${year}`)).length,
          );
        }
      },
      300_000,
    );

    it.each(["en", "zh"] as const)(
      "PDF (%s): a PDF of numbered pages naming every mine",
      async (lang) => {
        const overview = await json<Overview>("/api/management/overview?year=2025");
        const r = await get(`/api/management/summary?year=2025&format=pdf&lang=${lang}`);
        expect(r.status, r.body.toString()).toBe(200);
        expect(r.type).toBe("application/pdf");
        expect(r.body.subarray(0, 5).toString()).toBe("%PDF-");
        const { pages, text } = pdfText(r.body);
        expect(pages).toBeGreaterThanOrEqual(1);
        for (let i = 1; i <= pages; i++) expect(text).toContain(`${i}/${pages}`);
        const flat = text.replace(/\s+/g, "");
        const t = translator(lang);
        expect(flat).toContain(
          t("manage:summary.title", { year: 2025, defaultValue: "" }).replace(/\s+/g, ""),
        );
        for (const mine of overview.mines)
          expect(flat).toContain(
            (lang === "zh" ? (mine.nameZh ?? mine.name) : mine.name).replace(/\s+/g, ""),
          );
      },
      120_000,
    );

    it("is in the OpenAPI document: its query, the two file types and the action it needs", async () => {
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
        paths: Record<
          string,
          { get: Record<string, unknown> & { responses: Record<string, { content?: object }> } }
        >;
      };
      const op = doc.paths["/api/management/summary"]!.get;
      expect(op["x-access"]).toBe("mine.read");
      expect(Object.keys(op.responses["200"]!.content ?? {})).toEqual([
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/pdf",
      ]);
      const params = (op.parameters as { name: string; required?: boolean }[]).map((p) => [
        p.name,
        !!p.required,
      ]);
      expect(params).toEqual([
        ["year", false],
        ["format", true],
        ["lang", false],
      ]);
    });

    it("gives an enterprise its own mines only, and no one signed out", async () => {
      const own = await json<Overview>("/api/management/overview?year=2025", "demo-enterprise-a");
      const sheets = await sheetsOf(2025, "en", "demo-enterprise-a");
      const [header, ...rows] = sheets.Mines!;
      expect(rows.map((r) => r[header!.indexOf("Mine")]).sort()).toEqual(own.mines.map((m) => m.name).sort());
      expect(rows.length).toBeLessThan(4);
      const anonymous = await fetch(`${base}/api/management/summary?year=2025&format=pdf`);
      expect(anonymous.status).toBe(401);
      const bad = await get("/api/management/summary?year=2025&format=docx");
      expect(bad.status).toBe(400);
    });
  });
