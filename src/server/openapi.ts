import { z } from "zod";
import { apiErrorSchema, miningAreaInput, miningAreaOutput, miningAreaPatch } from "./area-schemas.ts";
import { analysisInput, jobOutput } from "./job-schemas.ts";
import { reportInput } from "./routes/report-routes.ts";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input" }) },
});
const err = (description: string) => ({ description, content: json(apiErrorSchema) });
const E400 = err("the request is malformed or fails validation; details name each field");
const E404 = err("no such resource");
const E409 = err("the analysis is not finished");
const E422 = err("well-formed but does not fit (wrong grid, unknown codes, missing maps)");
const ok = (description: string, type = "application/json") => ({ description, content: { [type]: {} } });
const path = (...names: string[]) =>
  names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
});

const E403 = err(
  "refused: a write from another site (Origin, Sec-Fetch-Site), or without application/json or the X-MineCarbon-Client header, or a Host this server does not answer to",
);

/** Every write may be refused by the request guard (request-guard.ts): 403 is in each one's responses. */
function withGuard<T extends Record<string, Record<string, unknown>>>(paths: T): T {
  for (const item of Object.values(paths))
    for (const method of ["post", "put", "patch", "delete"]) {
      const op = item[method] as { responses?: Record<string, unknown> } | undefined;
      if (op?.responses) op.responses[403] = E403;
    }
  return paths;
}

/** The OpenAPI 3.1 description of the API, built from the same zod schemas that check requests. */
export function openApiDocument(version: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "MineCarbon API",
      version,
      description:
        "Carbon budgets and land-use change of coal-mining areas. Errors: {error: {code, message, details[]}}. " +
        "Writes (POST, PUT, PATCH, DELETE) are sent as application/json, or carry the header " +
        "`X-MineCarbon-Client: <your client>` (uploads, requests without a body); writes from pages of other " +
        "sites are refused (403), as are Host names the server was not configured for (--allowed-host).",
    },
    paths: withGuard({
      "/api/areas": {
        get: {
          summary: "list mining areas",
          responses: { 200: { description: "the areas", content: json(z.array(miningAreaOutput)) } },
        },
        post: {
          summary: "create a mining area",
          requestBody: { required: true, content: json(miningAreaInput) },
          responses: { 201: { description: "created", content: json(miningAreaOutput) }, 400: E400 },
        },
      },
      "/api/areas/{id}": {
        parameters: path("id"),
        get: {
          summary: "one mining area",
          responses: { 200: { description: "the area", content: json(miningAreaOutput) }, 404: E404 },
        },
        patch: {
          summary: "change a mining area",
          requestBody: { required: true, content: json(miningAreaPatch) },
          responses: {
            200: { description: "changed", content: json(miningAreaOutput) },
            400: E400,
            404: E404,
          },
        },
        delete: {
          summary: "delete a mining area with its maps, analyses, inventories and reports",
          responses: { 204: { description: "deleted" }, 404: E404 },
        },
      },
      "/api/areas/{id}/legend": {
        parameters: path("id"),
        get: {
          summary:
            "the area's legend with every class (a preset resolved); change it with PATCH /api/areas/{id}",
          responses: { 200: ok("the legend"), 404: E404 },
        },
      },
      "/api/areas/{id}/overview": {
        parameters: path("id"),
        get: {
          summary: "key figures with units and sources, maps, inventories",
          parameters: [query("lang", "en (default) or zh: the language of the sources")],
          responses: { 200: ok("the overview"), 404: E404 },
        },
      },
      "/api/areas/{id}/maps": {
        parameters: path("id"),
        get: { summary: "the area's land-use maps by year", responses: { 200: ok("the maps"), 404: E404 } },
        post: {
          summary: "upload a land-use map (multipart: year, file = classified GeoTIFF); checked on arrival",
          parameters: [query("year", "the map's year (or a `year` form field)")],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: { year: { type: "integer" }, file: { type: "string", format: "binary" } },
                  required: ["year", "file"],
                },
              },
            },
          },
          responses: {
            201: ok("stored"),
            200: ok("stored, replacing the year's earlier map"),
            400: err("not multipart, no year or file, or not a GeoTIFF"),
            404: E404,
            413: err("larger than the upload limit"),
            422: E422,
          },
        },
      },
      "/api/areas/{id}/maps/{year}": {
        parameters: path("id", "year"),
        get: {
          summary: "download the stored GeoTIFF",
          responses: { 200: ok("the file", "image/tiff"), 404: E404 },
        },
      },
      "/api/areas/{id}/maps/{year}/layer.png": {
        parameters: path("id", "year"),
        get: {
          summary: "the map as a coloured PNG layer",
          responses: { 200: ok("PNG", "image/png"), 404: E404 },
        },
      },
      "/api/areas/{id}/layers": {
        parameters: path("id"),
        get: {
          summary:
            "map layers (land use, zoning, carbon change, accumulated changes) with extents, CRS and legends",
          parameters: [query("analysis", "analysis id; the latest finished one when omitted")],
          responses: { 200: ok("the layers"), 404: E404 },
        },
      },
      "/api/areas/{id}/pixel": {
        parameters: path("id"),
        get: {
          summary: "class history of the pixel at x, y (map CRS)",
          parameters: [query("x", "x in the maps' CRS"), query("y", "y in the maps' CRS")],
          responses: { 200: ok("the class at each year"), 400: E400, 404: E404 },
        },
      },
      "/api/areas/{id}/analyses": {
        parameters: path("id"),
        get: {
          summary: "the area's analyses, newest first",
          responses: { 200: ok("the analyses"), 404: E404 },
        },
        post: {
          summary: "start a land-use analysis as a job",
          requestBody: { required: false, content: json(analysisInput) },
          responses: {
            202: { description: "queued; poll Location", content: json(jobOutput) },
            400: E400,
            404: E404,
            422: E422,
          },
        },
      },
      "/api/jobs/{id}": {
        parameters: path("id"),
        get: {
          summary: "a job's state, percent and result link",
          responses: { 200: { description: "the job", content: json(jobOutput) }, 404: E404 },
        },
      },
      "/api/analyses/{id}": {
        parameters: path("id"),
        get: {
          summary: "an analysis with its parameters and result (summary JSON)",
          responses: { 200: ok("the analysis"), 404: E404 },
        },
      },
      "/api/analyses/{id}/tables/{table}": {
        parameters: path("id", "table"),
        get: {
          summary:
            "a result table (classes, transitionsMultistep, transitionsOnestep, intensity*, components, componentsOverall, accumulatedChanges, zonesByPeriod, carbon, carbonChange, carbonValue, zoneClasses)",
          parameters: [query("format", "json (default) or csv")],
          responses: { 200: ok("rows"), 404: E404, 409: E409 },
        },
      },
      "/api/analyses/{id}/files/{name}": {
        parameters: path("id", "name"),
        get: {
          summary:
            "an output file: CSV, GeoTIFF (zones, carbon, accumulated changes), PNG, SVG (chord diagram), summary.json",
          responses: { 200: ok("the file", "application/octet-stream"), 404: E404, 409: E409 },
        },
      },
      "/api/analyses/{id}/layers/{layer}": {
        parameters: path("id", "layer"),
        get: {
          summary: "a zoning, carbon-change or accumulated-changes layer as PNG",
          responses: { 200: ok("PNG", "image/png"), 404: E404, 409: E409 },
        },
      },
      "/api/analyses/{id}/reports": {
        parameters: path("id"),
        post: {
          summary: "make a report of an analysis",
          requestBody: { required: false, content: json(reportInput) },
          responses: { 201: ok("made; download from url"), 400: E400, 404: E404, 409: E409 },
        },
      },
      "/api/areas/{id}/inventories": {
        parameters: path("id"),
        get: {
          summary: "the area's inventories per mine and year, with totals",
          responses: { 200: ok("the inventories"), 404: E404 },
        },
        post: {
          summary:
            "store and compute a mine-inventory document (the YAML file format as JSON); one row per year",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "object", description: "see examples/yongning.yaml" } },
            },
          },
          responses: { 201: ok("stored and computed"), 400: E400, 404: E404 },
        },
      },
      "/api/inventories/{id}": {
        parameters: path("id"),
        get: {
          summary: "an inventory with its input and result",
          responses: { 200: ok("the inventory"), 404: E404 },
        },
        put: {
          summary: "replace the year's activity data and recompute",
          responses: { 200: ok("stored"), 400: E400, 404: E404, 422: E422 },
        },
        delete: { summary: "delete an inventory", responses: { 204: { description: "deleted" }, 404: E404 } },
      },
      "/api/inventories/{id}/compute": {
        parameters: path("id"),
        post: {
          summary: "recompute with the current factor library",
          responses: { 200: ok("recomputed"), 404: E404 },
        },
      },
      "/api/inventories/{id}/reports": {
        parameters: path("id"),
        post: {
          summary: "make a report of an inventory",
          requestBody: { required: false, content: json(reportInput) },
          responses: { 201: ok("made"), 400: E400, 404: E404 },
        },
      },
      "/api/pathways": {
        post: {
          summary:
            "project pathway scenarios to 2060 (body {scenarios: [pathway-scenario with baseline.inventoryId]}); economics when given",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "object", description: "see docs/pathways.md" } },
            },
          },
          responses: { 200: ok("one result per scenario"), 400: E400, 404: E404 },
        },
      },
      "/api/optimize": {
        post: {
          summary:
            "land-use structure optimization (a landuse-structure problem; see docs/structure-optimization.md)",
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            200: ok("optimal, infeasible (with the conflicting constraints) or unbounded"),
            400: E400,
          },
        },
      },
      "/api/examples/{name}": {
        parameters: path("name"),
        get: {
          summary: "a shipped example document (yongning-pathway, pingshuo-structure)",
          responses: { 200: ok("the document"), 404: E404 },
        },
      },
      "/api/reports/{id}": {
        parameters: path("id"),
        get: {
          summary: "download a report",
          responses: { 200: ok("HTML or PDF", "application/pdf"), 404: E404 },
        },
      },
    }),
  };
}
