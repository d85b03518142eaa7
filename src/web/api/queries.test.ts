import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keys } from "./queries.ts";

describe("query keys", () => {
  it("an area's structure problem and inventories with results sit under the area's key (its invalidation refreshes them)", () => {
    const area = keys.area("a1");
    expect(keys.structureProblem("a1")).toEqual(["areas", "a1", "structure-problem"]);
    expect(keys.inventoryResults("a1")).toEqual(["areas", "a1", "inventories", "with-result"]);
    expect(keys.structureProblem("a1").slice(0, area.length)).toEqual(area);
    expect(keys.inventoryResults("a1").slice(0, area.length)).toEqual(area);
  });

  it("the views build no keys of their own from keys.area", () => {
    const views = join(import.meta.dirname, "..", "views");
    const offenders: string[] = [];
    for (const view of readdirSync(views))
      for (const file of readdirSync(join(views, view)))
        if (
          /\.tsx?$/.test(file) &&
          /\[\.\.\.keys\.area\(/.test(readFileSync(join(views, view, file), "utf8"))
        )
          offenders.push(`${view}/${file}`);
    expect(offenders).toEqual([]);
  });
});

describe("shared code of the views", () => {
  it("the Inventory and Charts views import nothing from each other (what they share is in api/ or components/)", () => {
    const views = join(import.meta.dirname, "..", "views");
    const imports = (view: string, other: string) =>
      readdirSync(join(views, view)).filter(
        (f) => /\.tsx?$/.test(f) && readFileSync(join(views, view, f), "utf8").includes(`from "../${other}/`),
      );
    expect(imports("inventory", "charts")).toEqual([]);
    expect(imports("charts", "inventory")).toEqual([]);
  });
});
