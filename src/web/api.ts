/** One problem the API reported, with the field path it concerns. */
export interface Detail {
  readonly path: string;
  readonly message: string;
}

/** An API error answer: status, code, message and the field details. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly Detail[],
  ) {
    super(message);
  }
}

/**
 * The header that marks a request as the web app's own. The server refuses writes without it (or
 * without a JSON body): a page on another site cannot add it without asking the server first.
 */
export const CLIENT_HEADERS: Readonly<Record<string, string>> = { "x-minecarbon-client": "web" };

/** Calls the API; answers JSON, or throws an ApiFailure with the server's details. */
export async function api<T = unknown>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: {
      ...CLIENT_HEADERS,
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(headers as Record<string, string> | undefined),
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; details: Detail[] };
  } | null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiFailure(res.status, e?.code ?? "http", e?.message ?? `HTTP ${res.status}`, e?.details ?? []);
  }
  return body as T;
}
