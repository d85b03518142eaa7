import { describe, expect, it } from "vitest";
import { inClientTerms } from "./job-error-text.ts";

describe("inClientTerms(text, files)", () => {
  const files = [
    { path: "/srv/data/tmp/h+1+2-abc-inputs/legend.csv", term: "the area's legend", field: "legend" },
  ];

  it("names the job's files as the client knows them and flags as API fields", () => {
    expect(
      inClientTerms("/srv/data/tmp/h+1+2-abc-inputs/legend.csv: code 3; give a table with --rules", files),
    ).toBe("the area's legend: code 3; give a table with zoning");
    expect(inClientTerms("see /var/lib/other/file.csv", files)).toBe("see a file on the server");
  });

  it("leaves user text that only looks like a flag alone", () => {
    // A class named "open--pit" or "slope-->25%" is the user's own text, not a CLI flag.
    expect(inClientTerms('class "open--pit" and slope-->25 % are unknown', files)).toBe(
      'class "open--pit" and slope-->25 % are unknown',
    );
  });
});
