import { describe, expect, it } from "vitest";
import { problemsAtFields } from "./problems-at-fields.ts";

describe("problemsAtFields(details, fields)", () => {
  const fields = [
    { name: "coalOutputT", apiPath: "years[0].coalOutputT" },
    { name: "diesel", apiPath: "years[0].fuels.diesel.amount" },
  ];

  it("puts each problem at the field it names, lies under or is the parent of; lists the rest", () => {
    const { at, unclaimed } = problemsAtFields(
      [
        { path: "years[0].coalOutputT", message: "must be ≥ 0" },
        { path: "years[0].fuels.diesel.amount.value", message: "not a number" },
        { path: "years[0].fuels.diesel", message: "is required" },
        { path: "mine", message: "is required" },
      ],
      fields,
    );
    expect([...at]).toEqual([
      ["coalOutputT", ["must be ≥ 0"]],
      ["diesel", ["not a number", "is required"]],
    ]);
    expect(unclaimed).toEqual([{ path: "mine", message: "is required" }]);
  });
});
