#!/usr/bin/env node
// Entry point of the `minecarbon` command: runs the TypeScript CLI through tsx's loader, so that
// `npx minecarbon …` works right after `npm ci` with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
