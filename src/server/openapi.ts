import { z } from "zod";
import { apiErrorSchema, miningAreaInput, miningAreaOutput, miningAreaPatch } from "./area-schemas.ts";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input" }) },
});
const errors = {
  400: {
    description: "the request is malformed or fails validation; details name each field",
    content: json(apiErrorSchema),
  },
  404: { description: "no such resource", content: json(apiErrorSchema) },
};
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];

/** The OpenAPI 3.1 description of the API, built from the same zod schemas that check requests. */
export function openApiDocument(version: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "MineCarbon API",
      version,
      description: "Carbon budgets and land-use change of coal-mining areas",
    },
    paths: {
      "/api/areas": {
        get: {
          summary: "list mining areas",
          responses: { 200: { description: "the areas", content: json(z.array(miningAreaOutput)) } },
        },
        post: {
          summary: "create a mining area",
          requestBody: { required: true, content: json(miningAreaInput) },
          responses: { 201: { description: "created", content: json(miningAreaOutput) }, 400: errors[400] },
        },
      },
      "/api/areas/{id}": {
        parameters: idParam,
        get: {
          summary: "one mining area",
          responses: { 200: { description: "the area", content: json(miningAreaOutput) }, 404: errors[404] },
        },
        patch: {
          summary: "change a mining area",
          requestBody: { required: true, content: json(miningAreaPatch) },
          responses: {
            200: { description: "changed", content: json(miningAreaOutput) },
            400: errors[400],
            404: errors[404],
          },
        },
        delete: {
          summary: "delete a mining area and all stored for it",
          responses: { 204: { description: "deleted" }, 404: errors[404] },
        },
      },
    },
  };
}
