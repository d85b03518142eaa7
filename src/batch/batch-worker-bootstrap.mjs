// Worker threads start without the TypeScript loader the main thread registered; register it here,
// then load the batch worker itself.
import { register } from "tsx/esm/api";

register();
await import("./batch-worker.ts");
