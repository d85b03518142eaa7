import { describe, expect, it } from "vitest";
import { nextPath } from "./next-path.ts";

describe("nextPath", () => {
  it("follows a path of the app", () => {
    expect(nextPath("?next=%2Fareas%2Fa1%2Fmap%3Flang%3Dzh")).toBe("/areas/a1/map?lang=zh");
    expect(nextPath("?next=/audit")).toBe("/audit");
  });
  it("goes to the start for anything else", () => {
    for (const next of [
      "",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/login?next=/x",
    ])
      expect(nextPath(`?next=${encodeURIComponent(next)}`), next).toBe("/");
    expect(nextPath("")).toBe("/");
  });
});
