import { createWriteStream, rmSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import {
  discardPreparedMap,
  prepareUploadedMap,
  recordUploadedMap,
  removeReplacedFile,
} from "../../app/store-map.ts";
import { areaResource } from "../../storage/mining-area-repository.ts";
import { staleReasonText } from "../../contract/analysis-record.ts";
import { mapRecordSchema, mapUploadAnswerSchema } from "../../contract/landuse-map.ts";
import type { InputIssue } from "../../domain/validation/input-issue.ts";
import type { StoredMap } from "../../storage/landuse-map-repository.ts";
import { ApiError } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { documentedOnly, errors, file, idParams } from "../route-schema.ts";
import { sendFile } from "./area-routes.ts";

const mapJson = (m: StoredMap) => ({
  id: m.id,
  year: m.year,
  sha256: m.sha256,
  bytes: m.bytes,
  grid: m.grid,
  createdAt: m.createdAt.toISOString(),
});

const flag = z.enum(["true", "false"]);

const uploadBody = documentedOnly(
  z.object({
    year: z.string().meta({ description: "the map's year, 1900–2200" }),
    file: z.string().meta({ format: "binary", description: "the classified land-use map (GeoTIFF)" }),
    replace: flag.optional().meta({
      description:
        "true to replace the year's map; its analyses are then marked stale. Without it, a year that has a map is refused (409)",
    }),
  }),
);

/**
 * Land-use maps: upload (multipart: `year`, `file` = a classified GeoTIFF, `replace`), checked on
 * arrival and kept only when it fits the area; a year's map is replaced only when asked; list;
 * download.
 */
export function mapRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/areas/:id/maps",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "the area's land-use maps by year",
        params: idParams,
        response: { 200: z.array(mapRecordSchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      return (await ctx.maps.forArea(area.id)).map(mapJson);
    },
  );

  app.post(
    "/api/areas/:id/maps",
    {
      config: { access: { action: "map.upload" } },
      schema: {
        summary:
          "upload a land-use map (multipart: year, file = classified GeoTIFF, replace); checked on arrival, with warnings when its codes cover the legend badly",
        params: idParams,
        querystring: z.object({
          year: z.string().optional().describe("the year, when not sent as a form field"),
          replace: flag.optional().describe("as the form field"),
        }),
        body: uploadBody,
        consumes: ["multipart/form-data"],
        response: {
          200: mapUploadAnswerSchema.describe("the year's map was replaced"),
          201: mapUploadAnswerSchema.describe("stored"),
          ...errors("bad-input", "not-a-geotiff", "not-found", "map-exists", "too-large", "map-does-not-fit"),
        },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "map.upload");
      if (!req.isMultipart())
        throw new ApiError(
          "bad-input",
          "send multipart/form-data with a `year` field and a `file` (GeoTIFF)",
          [{ path: "body", message: "must be multipart/form-data" }],
        );
      let yearText = req.query.year;
      let replaceText: string | undefined = req.query.replace;
      let temp: string | undefined;
      let fileName = "upload.tif";
      try {
        for await (const part of req.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "file" || temp) {
              part.file.resume();
              continue;
            }
            temp = ctx.folder.temp(".tif");
            fileName = part.filename || fileName;
            await pipeline(part.file, createWriteStream(temp));
          } else if (part.fieldname === "year") yearText = String(part.value);
          else if (part.fieldname === "replace") replaceText = String(part.value);
        }
      } catch (e) {
        // A file over the limit (FST_REQ_FILE_TOO_LARGE) is answered by the one error handler.
        if (temp) rmSync(temp, { force: true });
        throw e;
      }
      const issues: InputIssue[] = [];
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 1900 || year > 2200)
        issues.push({
          path: "year",
          message: `must be a year 1900–2200; got ${yearText === undefined ? "nothing" : `"${yearText}"`}`,
        });
      if (replaceText !== undefined && replaceText !== "true" && replaceText !== "false")
        issues.push({ path: "replace", message: `must be true or false; got "${replaceText}"` });
      if (!temp) issues.push({ path: "file", message: "must be given: the land-use map as a GeoTIFF" });
      if (issues.length) {
        if (temp) rmSync(temp, { force: true });
        throw new ApiError("bad-input", "the upload has problems; see details", issues);
      }
      const previous = (await ctx.maps.forArea(area.id)).find((m) => m.year === year);
      if (previous && replaceText !== "true") {
        rmSync(temp!, { force: true });
        throw new ApiError("map-exists", `area ${area.id} has a map of ${year}; nothing was changed`, [
          {
            path: "replace",
            message: `must be true to replace the ${year} map (${previous.grid.fileName ?? "uploaded"} of ${previous.createdAt.toISOString().slice(0, 10)}); the analyses that used it are then marked stale`,
          },
        ]);
      }
      const prepared = await prepareUploadedMap(ctx.store.db, ctx.folder, area, year, temp!, fileName, {
        maxMapPixels: ctx.maxMapPixels,
      });
      const recorded = await ctx
        .change(req, async (tx) => {
          const { map, previous } = await recordUploadedMap(tx.db, prepared);
          const stale =
            previous && previous.sha256 !== map.sha256
              ? await tx.analyses.markStale(
                  area.id,
                  year,
                  staleReasonText("staleMapReplaced", {
                    year: String(year),
                    date: map.createdAt.toISOString().slice(0, 10),
                    from: previous.sha256.slice(0, 8),
                    to: map.sha256.slice(0, 8),
                  }),
                )
              : [];
          return {
            value: { map, previous, stale },
            audit: {
              action: "map.upload",
              resource: areaResource(area),
              kind: "map",
              id: map.id,
              before: previous,
              after: map,
            },
          };
        })
        .catch(async (e: unknown) => {
          await discardPreparedMap(ctx.store.db, prepared);
          throw e;
        });
      removeReplacedFile(recorded.previous, recorded.map);
      ctx.forgetResults(recorded.stale);
      const stored = { map: recorded.map, check: prepared.check, replaced: recorded.previous !== undefined };
      const staleAnalyses = recorded.stale;
      return reply.status(stored.replaced ? 200 : 201).send({
        ...mapJson(stored.map),
        replaced: stored.replaced,
        warnings: [...stored.check.warnings],
        staleAnalyses,
      });
    },
  );

  app.get(
    "/api/areas/:id/maps/:year",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "download the stored GeoTIFF",
        params: z.object({ id: z.string(), year: z.string() }),
        response: { 200: file("image/tiff", "the map"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const m = (await ctx.maps.forArea(area.id)).find((x) => String(x.year) === req.params.year);
      if (!m) throw new ApiError("not-found", `area ${area.id} has no map of ${req.params.year}`);
      return sendFile(reply, m.path, "image/tiff", `landuse-${m.year}.tif`);
    },
  );
}
