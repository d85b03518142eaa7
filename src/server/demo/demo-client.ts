import type { FastifyInstance, InjectOptions } from "fastify";
import { CLIENT_HEADER } from "../request-guard.ts";

/**
 * One demo account talking to the server in-process, through the same routes, checks and audit
 * trail as the web app: it signs in with its password and sends each request with its session
 * cookie, the server's own origin and the client header. A refusal is a bug of the demo (its data
 * no longer fit the API) and throws with the request and the answer.
 */
export class DemoClient {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string>,
    readonly username: string,
  ) {}

  /** Signs `username` in on the server listening at `base` (http://host:port). */
  static async signIn(app: FastifyInstance, base: string, username: string, password: string) {
    const url = new URL(base);
    const headers = { host: url.host, origin: url.origin, [CLIENT_HEADER]: "demo" };
    const r = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      headers,
    });
    if (r.statusCode !== 200)
      throw new Error(`the demo could not sign ${username} in: ${r.statusCode} ${r.body.slice(0, 300)}`);
    const cookie = [r.headers["set-cookie"]]
      .flat()
      .map(String)
      .find((h) => h.startsWith("mc_session="));
    if (!cookie) throw new Error(`the demo's sign-in of ${username} set no session cookie`);
    return new DemoClient(app, { ...headers, cookie: cookie.split(";")[0]! }, username);
  }

  /** A visitor of the public portal: not signed in, the server's own origin and the client header. */
  static anonymous(app: FastifyInstance, base: string) {
    const url = new URL(base);
    return new DemoClient(app, { host: url.host, origin: url.origin, [CLIENT_HEADER]: "demo" }, "public");
  }

  /** Sends a JSON request (or none) and returns the answer's JSON; throws on any status ≥ 300. */
  async call<T = Record<string, unknown>>(
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: unknown,
  ) {
    return this.send<T>({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  /** Sends one file as multipart/form-data with the given fields. */
  async upload<T = Record<string, unknown>>(
    url: string,
    fields: Readonly<Record<string, string>>,
    file: { name: string; type: string; bytes: Buffer },
  ) {
    const boundary = `----minecarbon-demo-${Date.now().toString(16)}`;
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const body = Buffer.concat([
      Buffer.from(parts.join("")),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.send<T>({
      method: "POST",
      url,
      payload: body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
  }

  private async send<T>(o: InjectOptions): Promise<T> {
    const r = await this.app.inject({ ...o, headers: { ...this.headers, ...(o.headers ?? {}) } });
    if (r.statusCode >= 300)
      throw new Error(
        `the demo's ${o.method} ${o.url} as ${this.username} was answered ${r.statusCode}: ${r.body.slice(0, 500)}`,
      );
    return (r.body ? r.json() : {}) as T;
  }
}
