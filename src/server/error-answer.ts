import { ERROR_CODES, isErrorCode, type ErrorCode } from "../contract/error-codes.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { ApiError } from "./api-error.ts";

/** What the request that failed was sent as, and the limits it was held to (for fastify's refusals). */
export interface RequestFacts {
  /** The Content-Type header, or undefined. */
  readonly contentType: string | undefined;
  /** The most bytes a body of this content type may have (fastify's bodyLimit for it). */
  readonly bodyLimitBytes: number;
  /** The most bytes an uploaded file may have (the multipart `file` field). */
  readonly uploadLimitBytes: number;
}

/** What the API answers for an error: status, body, headers, and whether the error is ours to log. */
export interface ErrorAnswer {
  readonly status: number;
  readonly error: ApiError;
  readonly headers: Readonly<Record<string, string>>;
  readonly internal: boolean;
}

/** The content types the API reads, said to a client that sent another. */
const TAKEN_TYPES =
  "application/json (map uploads: multipart/form-data; legend import: text/csv; writes without a body: none)";

const bytes = (n: number) => n.toLocaleString("en-US");

/**
 * Fastify's (and @fastify/multipart's) own refusals of a malformed request, by their code, as errors
 * of the table: each names the part of the request at fault and what it must be.
 */
function fastifyRefusal(code: string, e: { message?: string }, req: RequestFacts): ApiError | undefined {
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ApiError("bad-json", "the body is not valid JSON", [
        { path: "body", message: "must be a JSON document (RFC 8259), as its Content-Type says" },
      ]);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError("bad-json", "the body is empty but its Content-Type is application/json", [
        { path: "body", message: "must be a JSON document; send no Content-Type when there is no body" },
      ]);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError(
        "unsupported-media-type",
        `a body of Content-Type ${req.contentType ?? "(none)"} is not taken`,
        [{ path: "content-type", message: `must be ${TAKEN_TYPES}; got ${req.contentType ?? "nothing"}` }],
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError(
        "too-large",
        `the body is larger than the limit of ${bytes(req.bodyLimitBytes)} bytes`,
        [{ path: "body", message: `must be at most ${req.bodyLimitBytes} bytes` }],
      );
    case "FST_REQ_FILE_TOO_LARGE":
      return new ApiError(
        "too-large",
        `the file is larger than the limit of ${bytes(req.uploadLimitBytes)} bytes`,
        [
          {
            path: "file",
            message: `must be at most ${req.uploadLimitBytes} bytes; compress it (DEFLATE) or clip it to the area`,
          },
        ],
      );
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new ApiError("too-large", "the form has more parts than the upload takes", [
        { path: "body", message: "must hold one `file` and the fields year and replace" },
      ]);
    case "FST_ERR_NOT_FOUND":
      return new ApiError("unknown-route", String(e.message ?? ERROR_CODES["unknown-route"].title.en));
    default:
      return undefined;
  }
}

/**
 * What the API answers for an error — the one place errors become HTTP: an ApiError as it is; an
 * error of the domain, the raster reader or the upload check by its `code` through the error table
 * (an InputError's issues, a MapRejected's details, or its message at the empty path); fastify's
 * own refusals of malformed requests by their code (bad JSON, a content type not taken, a body or
 * file over its limit, naming the limit), any other 4xx of fastify as "bad-request"; anything else
 * is "internal" (500) and says nothing of the cause. The status is always the table's for the code.
 * `internal` (the caller logs the error with its cause) holds for every answer of status 500 or
 * more — an "internal" error, a stored result that no longer reads ("stored-invalid"), … — since
 * each is the server's fault, not the request's.
 */
export function errorAnswer(error: unknown, req: RequestFacts): ErrorAnswer {
  const answer = (out: ApiError): ErrorAnswer => ({
    status: out.status,
    error: out,
    headers: {},
    internal: out.status >= 500,
  });
  if (error instanceof ApiError) return answer(error);
  const e = error as {
    code?: unknown;
    message?: string;
    issues?: unknown;
    details?: unknown;
    statusCode?: unknown;
  };
  if (isErrorCode(e?.code) && e.code !== "internal") {
    const code: ErrorCode = e.code;
    const listed = Array.isArray(e.issues) ? e.issues : Array.isArray(e.details) ? e.details : undefined;
    const details: InputIssue[] = listed
      ? (listed as InputIssue[]).map((d) => ({ path: String(d.path ?? ""), message: String(d.message) }))
      : [{ path: "", message: String(e.message) }];
    // An InputError's message lists its problems line by line; the details carry them.
    const first = String(e.message ?? ERROR_CODES[code].title.en)
      .split("\n")[0]!
      .replace(/:$/, "");
    const message = Array.isArray(e.issues) ? `${first}; see details` : first;
    return answer(new ApiError(code, message, details));
  }
  const refusal = typeof e?.code === "string" ? fastifyRefusal(e.code, e, req) : undefined;
  if (refusal) return answer(refusal);
  const status = typeof e?.statusCode === "number" ? e.statusCode : undefined;
  if (status && status >= 400 && status < 500) return answer(new ApiError("bad-request", String(e.message)));
  return answer(new ApiError("internal", "an internal error; it has been logged"));
}

/** The methods a route may be asked with, in the order an Allow header lists them. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * What the API answers when no route takes the request: 405 with an Allow header when the path is a
 * route taking other methods (`routes(method, path)` says whether one does), else 404
 * "unknown-route". Both name the method and the path, never the query.
 */
export function noRouteAnswer(
  method: string,
  url: string,
  routes: (method: string, path: string) => boolean,
): ErrorAnswer {
  const path = url.split("?")[0]!;
  const allowed = METHODS.filter((m) => m !== method && routes(m, path));
  if (allowed.length) {
    const error = new ApiError("method-not-allowed", `${path} does not take ${method}`, [
      { path: "method", message: `must be one of ${allowed.join(", ")}; got ${method}` },
    ]);
    return { status: error.status, error, headers: { allow: allowed.join(", ") }, internal: false };
  }
  const error = new ApiError("unknown-route", `no route ${method} ${path}`, [
    {
      path: "url",
      message: "must be a route of the API (GET /openapi.json lists them) or a page of the app",
    },
  ]);
  return { status: error.status, error, headers: {}, internal: false };
}
