import type { FastifyReply } from "fastify";
import { z } from "zod";
import {
  managementSummaryQuery,
  SUMMARY_CONTENT_TYPES,
  SUMMARY_FORMATS,
} from "../../../contract/management-summary.ts";
import { queryScope } from "../../../domain/access/policy.ts";
import { gatherMines } from "../../../app/manage/supervision-gather.ts";
import { buildSummary } from "../../../app/manage/summary-build.ts";
import { summaryPdf } from "../../../app/manage/summary-pdf.ts";
import { summaryDocument } from "../../../app/manage/summary-tables.ts";
import { summaryXlsx } from "../../../app/manage/summary-xlsx.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../route-schema.ts";

/** The reporting year whose reports are being handed in or reviewed at `today`: last year's (as the overview). */
const currentReportingYear = (today: Date) => new Date(today.getTime() + 8 * 3_600_000).getUTCFullYear() - 1;

/**
 * The regulator's annual summary across mines (issue 13), as XLSX or PDF: the mines of the
 * management overview (`mine.read`, the same scope: a regulator's jurisdiction, an enterprise's own
 * mines, a verifier's assigned ones) with the year's figures, targets, flags, notices, score and
 * rank; totals per region; the open flags; the notices (docs/management-overview.md).
 */
export function summaryRoutes(api: ApiApp, ctx: AppContext): void {
  api.get(
    "/api/management/summary",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary:
          "the annual summary of the mines the actor may read (one row per mine, totals per region, open flags, notices) as XLSX or PDF",
        querystring: managementSummaryQuery,
        response: {
          200: {
            description: "the summary, as the format asks",
            content: Object.fromEntries(
              SUMMARY_FORMATS.map((f) => [
                SUMMARY_CONTENT_TYPES[f],
                { schema: z.string().meta({ format: "binary" }) },
              ]),
            ),
          },
          ...errors("bad-input", "not-signed-in", "forbidden"),
        },
      },
    },
    async (req, reply) => {
      const now = new Date();
      const year = req.query.year ?? currentReportingYear(now);
      const scope = queryScope(req.actor, "mine.read");
      const [mines, openFlags, notices, regions] = await Promise.all([
        ctx.overview.mines(scope, year),
        ctx.flags.list(scope, { status: "open" }),
        ctx.notices.list(scope),
        ctx.regions.list(),
      ]);
      const gathered = await gatherMines(
        ctx.db,
        mines.map((m) => m.mineId),
        year,
      );
      const summary = buildSummary({
        year,
        now,
        mines,
        gathered,
        openFlags,
        notices,
        regions: new Map(regions.map((r) => [r.code, { name: r.name, nameZh: r.nameZh }])),
      });
      const document = summaryDocument(summary, req.query.lang);
      const format = req.query.format;
      const body = format === "xlsx" ? await summaryXlsx(document) : await summaryPdf(document);
      // A file answer: sent as bytes (the typed reply expects the schema's binary string).
      const file: FastifyReply = reply;
      return file
        .type(SUMMARY_CONTENT_TYPES[format])
        .header(
          "content-disposition",
          `attachment; filename="minecarbon-summary-${year}-${req.query.lang}.${format}"`,
        )
        .send(body);
    },
  );
}
