import { config } from "zod";

// The app runs under a Content-Security-Policy without 'unsafe-eval': zod must not compile its
// parsers with `new Function` (it would try, be refused and report a CSP violation).
config({ jitless: true });
