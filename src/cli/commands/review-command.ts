import { reviewYear, type YearReview } from "../../domain/pathway/review-year.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { readScenarioFile } from "../../io/read-scenario.ts";

/** `minecarbon pathway <scenario> --actual <inventory>`: the year's review against the plan. */
export function runReview(
  files: readonly string[],
  o: { actual: string; year?: number; target?: number; factors?: string[] },
): YearReview {
  if (files.length !== 1)
    throw new InputError("--actual", [
      { path: "", message: `reviews one scenario at a time; got ${files.length}` },
    ]);
  const table = factorTable(o.factors ?? []);
  const { scenario, baseline, baselinePath } = readScenarioFile(files[0]!, table);
  const actual = readInputFile(o.actual) as { years?: { year?: number }[] };
  const year = o.year ?? actual.years?.at(-1)?.year;
  if (typeof year !== "number")
    throw new InputError(o.actual, [
      { path: "years", message: "must hold the year to review (or give --year)" },
    ]);
  return reviewYear(scenario, baseline, actual, year, o.target ?? scenario.endYear, table, baselinePath);
}
