import { parse as parseYaml } from "yaml";
import { InputError } from "../domain/validation/input-issue.ts";
import { readTextFile } from "./read-text-file.ts";

/** Reads a YAML or JSON input file into plain data; a missing file or a syntax error is an InputError naming the file. */
export function readInputFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    const doc = parseYaml(text, { prettyErrors: true });
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      throw new InputError(path, [
        { path: "", message: "must hold a mapping of fields (YAML or JSON object)" },
      ]);
    }
    return doc;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, [{ path: "", message: `is not valid YAML or JSON: ${(e as Error).message}` }]);
  }
}
