import type { ErrorBody } from "../../contract/error-body.ts";

/** One problem the API reported, with the field path it concerns. */
export type ApiErrorDetail = ErrorBody["error"]["details"][number];

/** An API error answer: HTTP status, the error code, message and the field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * The header that marks a request as the web app's own. The server refuses writes without it: a
 * page on another site cannot add it without asking the server first.
 */
export const CLIENT_HEADERS: Readonly<Record<string, string>> = { "x-minecarbon-client": "web" };

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Options of an API call: fetch's, plus a JSON body or a raw one (an uploaded file). */
export interface ApiInit extends Omit<RequestInit, "body"> {
  json?: unknown;
  body?: BodyInit;
}

/**
 * What happens when the API answers 401 (nobody is signed in, or the session ended): the one place
 * that sends the user to the login page. The app sets it to a router navigation to `/login?next=…`;
 * until then, a full page load of the login page.
 */
let signInNeeded: () => void = () => {
  const next = location.pathname + location.search;
  location.assign(`/login?next=${encodeURIComponent(next)}`);
};

/** Sets what a 401 from the API does (the app's router navigation to the login page). */
export function onSignInNeeded(handler: () => void): void {
  signInNeeded = handler;
}

/**
 * Calls whose 401 is an answer, not a lost session: the login's refusal, and the question "who is
 * signed in" asked by pages open to the public.
 */
const ANSWERS_401 = ["/api/auth/login", "/api/auth/logout", "/api/public/"];

/**
 * Calls the API; answers its JSON (undefined for 204), or throws an ApiError with the server's
 * details. A 401 (outside the login and the public portal) also sends the user to the login page.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, headers, body, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: {
      ...CLIENT_HEADERS,
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(headers as Record<string, string> | undefined),
    },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  if (res.status === 204) return undefined as T;
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && !ANSWERS_401.some((p) => path.startsWith(p)) && !init.signal?.aborted)
      signInNeeded();
    if (isErrorBody(parsed))
      throw new ApiError(res.status, parsed.error.code, parsed.error.message, parsed.error.details ?? []);
    throw new ApiError(res.status, "http", `HTTP ${res.status}`, []);
  }
  return parsed as T;
}
