import { createWriteStream, rmSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import { MapRejected } from "../../app/check-uploaded-map.ts";
import { storeUploadedMap } from "../../app/store-map.ts";
import type { InputIssue } from "../../domain/validation/input-issue.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";
import { sendFile } from "./area-routes.ts";

const mapJson = (m: Awaited<ReturnType<AppContext["maps"]["forArea"]>>[number]) => ({
  id: m.id,
  year: m.year,
  sha256: m.sha256,
  bytes: m.bytes,
  grid: m.grid,
  createdAt: m.createdAt.toISOString(),
});

/**
 * Land-use maps: upload (multipart: `year` and `file`, a classified GeoTIFF), checked on arrival
 * and kept only when it fits the area; list; download.
 */
export function mapRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>("/api/areas/:id/maps", async (req) => {
    const area = await ctx.area(req.params.id);
    return (await ctx.maps.forArea(area.id)).map(mapJson);
  });

  app.post<{ Params: { id: string }; Querystring: { year?: string } }>(
    "/api/areas/:id/maps",
    async (req, reply) => {
      const area = await ctx.area(req.params.id);
      if (!req.isMultipart())
        throw new ApiError(
          400,
          "bad-input",
          "send multipart/form-data with a `year` field and a `file` (GeoTIFF)",
          [{ path: "body", message: "must be multipart/form-data" }],
        );
      let yearText = req.query.year;
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
        }
      } catch (e) {
        if (temp) rmSync(temp, { force: true });
        if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
          throw new ApiError(
            413,
            "too-large",
            `the file is larger than the limit of ${ctx.maxUploadBytes.toLocaleString("en-US")} bytes`,
            [
              {
                path: "file",
                message: `must be at most ${ctx.maxUploadBytes} bytes; compress it (DEFLATE) or clip it to the area`,
              },
            ],
          );
        throw e;
      }
      const issues: InputIssue[] = [];
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 1900 || year > 2200)
        issues.push({
          path: "year",
          message: `must be a year 1900–2200; got ${yearText === undefined ? "nothing" : `"${yearText}"`}`,
        });
      if (!temp) issues.push({ path: "file", message: "must be given: the land-use map as a GeoTIFF" });
      if (issues.length) {
        if (temp) rmSync(temp, { force: true });
        throw new ApiError(400, "bad-input", "the upload has problems; see details", issues);
      }
      try {
        const stored = await storeUploadedMap(ctx.store, ctx.folder, area, year, temp!, fileName, {
          maxMapPixels: ctx.maxMapPixels,
        });
        return reply
          .status(stored.replaced ? 200 : 201)
          .send({ ...mapJson(stored.map), replaced: stored.replaced, warnings: stored.check.warnings });
      } catch (e) {
        if (e instanceof MapRejected) throw new ApiError(e.status, e.code, e.message, e.details);
        throw e;
      }
    },
  );

  app.get<{ Params: { id: string; year: string } }>("/api/areas/:id/maps/:year", async (req, reply) => {
    const area = await ctx.area(req.params.id);
    const m = (await ctx.maps.forArea(area.id)).find((x) => String(x.year) === req.params.year);
    if (!m) throw new ApiError(404, "not-found", `area ${area.id} has no map of ${req.params.year}`);
    return sendFile(reply, m.path, "image/tiff", `landuse-${m.year}.tif`);
  });
}
