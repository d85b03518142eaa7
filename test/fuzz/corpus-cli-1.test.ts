import { corpusTest } from "./corpus-test.ts";

corpusTest("cli", 1);
