import { corpusTest } from "./corpus-test.ts";

corpusTest("api", 1);
