import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";
import { errorBodySchema } from "../contract/error-body.ts";
import { ERROR_CODES, type ErrorCode } from "../contract/error-codes.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { ApiError } from "./api-error.ts";

/** Schemas that describe a request in the OpenAPI document but that the handler checks itself. */
const DOCUMENTED_ONLY = new WeakSet<z.ZodType>();

/**
 * Marks a request schema as documentation only: the handler checks the request (a multipart upload
 * fastify does not parse; a document checked against the factor library with the domain's own
 * parser, which reports more than the schema can). Its problems still reach the one error handler.
 */
export function documentedOnly<T extends z.ZodType>(schema: T): T {
  DOCUMENTED_ONLY.add(schema);
  return schema;
}

const PART_NAMES: Readonly<Record<string, string>> = {
  body: "the request body",
  querystring: "the query",
  params: "the URL",
  headers: "the headers",
};

/**
 * Checks params, query and body against the route's zod schemas; every problem becomes a detail
 * "`<field>` must …; got …" with its path, answered as `bad-input` (400) by the error handler. An
 * absent body is read as `{}` so that a body of optional fields may be left out.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    if (DOCUMENTED_ONLY.has(schema)) return { value: data };
    const input = httpPart === "body" ? (data ?? {}) : data;
    const r = schema.safeParse(input);
    if (r.success) return { value: r.data };
    return {
      error: new ApiError(
        "bad-input",
        `${PART_NAMES[httpPart ?? ""] ?? "the request"} has problems; see details`,
        zodIssuesToInputIssues(r.error, input),
      ),
    };
  };

/** The error answers of a route by code (the body is always the error body; statuses from the table). */
export function errors(...codes: ErrorCode[]): Record<number, z.ZodType> {
  const byStatus = new Map<number, string[]>();
  for (const c of codes) {
    const s = ERROR_CODES[c].status;
    byStatus.set(s, [...(byStatus.get(s) ?? []), `${c}: ${ERROR_CODES[c].title.en}`]);
  }
  return Object.fromEntries(
    [...byStatus].map(([s, titles]) => [s, errorBodySchema.describe(titles.join("; "))]),
  );
}

/** A file answer: its content type and a binary string schema. */
export const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: "binary" }) } },
});

/** An answer without a body (204): `type: "null"`, which the document shows without content. */
export const empty = (description: string) => z.null().describe(description);

/** A path parameter holding a stored id (bigint identity, as text); any other text is a 404. */
export const idParam = z.string().meta({ description: "a stored id (a positive whole number)" });
export const idParams = z.object({ id: idParam });
