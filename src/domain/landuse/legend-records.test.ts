import { describe, expect, it } from "vitest";
import { legendFromRecords } from "./legend-records.ts";

/** A CSV-like table: the header and its rows as records (as both parsers give them). */
const table = (header: string[], ...rows: string[][]) =>
  [header, rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])))] as const;

describe("legendFromRecords(header, rows, source)", () => {
  it("reads MineCarbon's columns: code, name, role, group, colour, name_zh", () => {
    const [h, rows] = table(
      ["code", "name", "role", "group", "colour", "name_zh", "note"],
      ["1", "Arable", "arable", "sink", "#FFFF00", "耕地", "x"],
    );
    const r = legendFromRecords(h, rows, "legend.csv");
    expect(r.problems).toEqual([]);
    expect(r.classes).toEqual([
      { row: 2, code: "1", name: "Arable", nameZh: "耕地", role: "arable", group: "sink", colour: "#ffff00" },
    ]);
    expect(r.ignored).toEqual(["note"]);
    expect(r.withoutRole).toEqual([]);
  });

  it("reads OpenLand's columns (categoryValue, category, legend, class, color)", () => {
    const [h, rows] = table(
      ["categoryValue", "legend", "class", "category", "color"],
      ["3", "forest", "sink", "Forest land", "#228B22"],
    );
    const r = legendFromRecords(h, rows, "openland.csv");
    expect(r.problems).toEqual([]);
    expect(r.classes).toEqual([
      { row: 2, code: "3", name: "Forest land", role: "forest", group: "sink", colour: "#228b22" },
    ]);
  });

  it("reads InVEST's columns (lucode, LULC_name) and lists the others as ignored", () => {
    const [h, rows] = table(["lucode", "LULC_name", "c_above"], ["7", "Open pit", "0"]);
    const r = legendFromRecords(h, rows, "pools.csv");
    expect(r.classes).toEqual([{ row: 2, code: "7", name: "Open pit" }]);
    expect(r.ignored).toEqual(["c_above"]);
  });

  it("keeps a row without a role without one (never guessed from its name) and says which rows", () => {
    const [h, rows] = table(["code", "name", "key"], ["1", "forest", "forest"], ["2", "arable", ""]);
    const r = legendFromRecords(h, rows, "legend.csv");
    expect(r.classes[1]).toEqual({ row: 3, code: "2", name: "arable" });
    expect(r.classes[1]).not.toHaveProperty("role");
    expect(r.withoutRole).toEqual([3]);
    expect(r.problems).toEqual([]);
  });

  it("a colour that is not #rrggbb is a problem naming its row and column", () => {
    const [h, rows] = table(
      ["code", "name", "colour"],
      ["1", "forest", "#228b22"],
      ["2", "arable", "yellow"],
    );
    const r = legendFromRecords(h, rows, "legend.csv");
    expect(r.problems).toEqual([
      { path: "row 3, colour", message: 'must be a colour like #228b22; got "yellow"' },
    ]);
    expect(r.classes[1]).not.toHaveProperty("colour");
  });

  it("a table without a code or a name column has one problem at the header, naming the columns", () => {
    const [h, rows] = table(["id", "title"], ["1", "forest"]);
    const r = legendFromRecords(h, rows, "legend.csv");
    expect(r.classes).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe("header");
    expect(r.problems[0]!.message).toMatch(/code column .*categoryValue.*lucode.*got id, title/);
  });
});
