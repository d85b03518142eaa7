/**
 * What the server's log (pino, through Fastify's `logger` option) must never show: credentials in
 * request headers (the session cookie, an API token), a session cookie being set, and a password in
 * a body. Fastify's own request log holds only the method, URL, host and address, and no route logs
 * a body; these paths keep it so when someone logs a request's headers or body (`req.log.info({req})`
 * with other serializers, a debugging line). Use as `Fastify({ logger: { redact: AUTH_LOG_REDACT } })`.
 */
export const AUTH_LOG_REDACT = {
  paths: [
    "req.headers.authorization",
    "req.headers.cookie",
    'res.headers["set-cookie"]',
    "headers.authorization",
    "headers.cookie",
    "body.password",
    "req.body.password",
    "password",
    "*.password",
    // POST /api/me/password {current, new} and an administrator's new password for a user.
    "body.current",
    "body.new",
    "req.body.current",
    "req.body.new",
    "*.newPassword",
    "*.currentPassword",
  ],
  censor: "[redacted]",
};
