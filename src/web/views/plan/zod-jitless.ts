import { z } from "zod";

// The page's Content-Security-Policy forbids eval. Zod decides when an object schema is built
// whether to compile its fast path with `new Function` (a CSP violation in the console); so this
// runs before any spec module builds its schemas: import it first. TODO(shell): once in main.tsx.
z.config({ jitless: true });
