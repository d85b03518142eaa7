import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

type Schema = Record<string, unknown>;
type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * Writes that take no input but their URL: the only operations allowed without a request body.
 * Each says why; a new write lands here only on purpose.
 */
const BODYLESS_WRITES = new Set([
  "delete /api/areas/{id}", // the id is the whole request
  "delete /api/inventories/{id}",
  "post /api/inventories/{id}/compute", // recomputes the stored input with the current factors
  "post /api/auth/logout", // the session cookie is the whole request
  "delete /api/tokens/{id}", // the id is the whole request
  "delete /api/sessions/{id}",
  "delete /api/areas/{id}/verifiers/{organisationId}", // the ids are the whole request
  "delete /api/annual-reports/{id}", // a draft, by its id
  "delete /api/annual-reports/{id}/evidence/{fileId}",
  "delete /api/plots/{id}", // the id is the whole request
]);

/** A schema that says something: a type, a $ref, a union or an enum (not `{}`, which accepts anything unsaid). */
const isDeclared = (s: Schema | undefined) =>
  s !== undefined && ["type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"].some((k) => k in s);

describe("the generated OpenAPI document", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let doc: Doc;
  beforeAll(async () => {
    t = await testApp("pglite");
    const r = await t.app.inject({ url: "/openapi.json" });
    expect(r.statusCode).toBe(200);
    doc = r.json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]!, id: `${m} ${path}` })),
    );

  it("is OpenAPI 3 in shape: version, info, paths with operations, every $ref resolving", () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe("MineCarbon API");
    expect(typeof doc.info.version).toBe("string");
    expect(operations().length).toBeGreaterThan(30);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path, path).toMatch(/^\/api\//);
      for (const key of Object.keys(item))
        expect([...METHODS, "parameters"], `${path} ${key}`).toContain(key);
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(doc.components?.schemas?.[name!], ref).toBeDefined();
    }
    // Pages and assets are not API operations.
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/assets") || p === "/" || p === "/docs")).toBe(
      false,
    );
  });

  it("declares a request schema for every operation that takes input", () => {
    const lacking: string[] = [];
    for (const { path, method, op, id } of operations()) {
      if (!op.summary) lacking.push(`${id}: no summary`);
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
        const p = op.parameters?.find((x) => x.in === "path" && x.name === name);
        if (!p || !p.required || !isDeclared(p.schema)) lacking.push(`${id}: path parameter ${name}`);
      }
      for (const q of op.parameters?.filter((x) => x.in === "query") ?? [])
        if (!isDeclared(q.schema)) lacking.push(`${id}: query parameter ${q.name}`);
      if (method === "get" || BODYLESS_WRITES.has(id)) {
        if (op.requestBody) lacking.push(`${id}: a body where none is read`);
        continue;
      }
      const content = Object.entries(op.requestBody?.content ?? {});
      if (!content.length) lacking.push(`${id}: no request body`);
      for (const [type, c] of content)
        if (!isDeclared(c.schema)) lacking.push(`${id}: ${type} body has no schema`);
    }
    expect(lacking).toEqual([]);
  });

  it("declares every answer: a schema per status and content type, the error body for errors", () => {
    const lacking: string[] = [];
    for (const { op, id, method } of operations()) {
      const statuses = Object.keys(op.responses);
      if (!statuses.some((s) => /^2\d\d$/.test(s))) lacking.push(`${id}: no success answer`);
      if (!statuses.includes("500")) lacking.push(`${id}: no 500`);
      if (method !== "get" && !statuses.includes("403")) lacking.push(`${id}: no 403 (request guard)`);
      for (const [status, r] of Object.entries(op.responses)) {
        if (!r.description) lacking.push(`${id} ${status}: no description`);
        if (status === "204") {
          if (r.content) lacking.push(`${id} 204: a body`);
          continue;
        }
        const content = Object.entries(r.content ?? {});
        if (!content.length) lacking.push(`${id} ${status}: no content`);
        for (const [type, c] of content) {
          if (!isDeclared(c.schema)) lacking.push(`${id} ${status} ${type}: no schema`);
          if (/^[45]/.test(status) && c.schema?.$ref !== "#/components/schemas/ErrorBody")
            lacking.push(`${id} ${status}: not the error body`);
        }
      }
    }
    expect(lacking).toEqual([]);
  });

  it("documents uploads and files with their content types", () => {
    const upload = doc.paths["/api/areas/{id}/maps"]!.post!;
    const form = upload.requestBody!.content["multipart/form-data"]!.schema as {
      properties: Record<string, Schema>;
    };
    expect(form.properties.file).toMatchObject({ type: "string", format: "binary" });
    expect(Object.keys(form.properties)).toEqual(["year", "file", "replace"]);
    expect(Object.keys(upload.responses)).toEqual(
      expect.arrayContaining(["201", "200", "409", "413", "422"]),
    );
    const types = (path: string) => Object.keys(doc.paths[path]!.get!.responses["200"]!.content ?? {});
    expect(types("/api/areas/{id}/maps/{year}")).toEqual(["image/tiff"]);
    expect(types("/api/areas/{id}/maps/{year}/layer.png")).toEqual(["image/png"]);
    expect(types("/api/reports/{id}")).toEqual(["text/html; charset=utf-8", "application/pdf"]);
    expect(types("/api/analyses/{id}/tables/classes")).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(doc.paths["/api/areas/{id}/legend/csv"]!.post!.requestBody!.content)).toEqual([
      "text/csv",
    ]);
  });

  it("shows each result table's columns, their units in the names, and the inventory's input document", () => {
    const rows = (table: string) =>
      doc.paths[`/api/analyses/{id}/tables/${table}`]!.get!.responses["200"]!.content!["application/json"]!
        .schema as { type: string; items: Schema };
    const columns = (table: string) => {
      const ref = String(rows(table).items.$ref).replace("#/components/schemas/", "");
      return Object.keys((doc.components!.schemas![ref] as { properties: Schema }).properties);
    };
    expect(rows("carbon").type).toBe("array");
    expect(columns("carbon")).toEqual(["year", "pool", "total_tC"]);
    expect(columns("classes")).toEqual(["year", "code", "class", "pixels", "area_ha", "percent"]);
    expect(columns("carbonValue")).toContain("npv_CNY");
    const row = (name: string) =>
      (doc.components!.schemas![name] as { properties: Record<string, Schema> }).properties;
    expect(row("CarbonRow").total_tC).toMatchObject({ "x-unit": "t C", description: "stock, t C" });
    expect(row("ClassesRow").area_ha).toMatchObject({ "x-unit": "ha" });
    expect(row("IntensityIntervalRow").St_percent_per_year).toMatchObject({ "x-unit": "%/yr" });
    const inventory = doc.components!.schemas!.Inventory as { properties: Record<string, Schema> };
    expect(JSON.stringify(inventory.properties.input)).toMatch(/"kind":\{[^}]*"const":"mine-inventory"/);
  });

  it("carries the specs' field metadata: unit, label in en and zh, description, range", () => {
    const body = doc.paths["/api/areas/{id}/inventories"]!.post!.requestBody!.content["application/json"]!
      .schema as { properties: Record<string, Schema> };
    expect(body.properties.gwp).toMatchObject({
      title: "GWP-100 set",
      "x-label": { en: "GWP-100 set", zh: expect.stringMatching(/GWP/) },
      "x-description": { en: expect.any(String), zh: expect.any(String) },
    });
    const text = JSON.stringify(doc.paths["/api/pathways"]!.post!.requestBody);
    expect(text).toMatch(/"x-unit":"ha\/yr"/);
    expect(text).toMatch(/"x-label":\{"en":"hectares per year","zh":"年复垦面积"\}/);
    expect(text).toMatch(/"maximum":/);
  });
});
