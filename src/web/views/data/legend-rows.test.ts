import { describe, expect, it } from "vitest";
import {
  checkRows,
  LegendCsvError,
  legendRowsFromCsv,
  newRow,
  rowIssuesFromApi,
  rowsFromClasses,
  withSuggestedRole,
} from "./legend-rows.ts";

describe("legendRowsFromCsv(text, source)", () => {
  it("reads each row's own role and counts the rows without one", () => {
    const r = legendRowsFromCsv(
      "code,name,name_zh,role,colour,note\n1,Water body,水体,water,#1F78B4,x\n3,Quarry,采石场,,,y\n",
      "legend.csv",
    );
    expect(r.rows.map((x) => [x.code, x.name, x.nameZh, x.role, x.colour])).toEqual([
      ["1", "Water body", "水体", "water", "#1f78b4"],
      ["3", "Quarry", "采石场", "", "#999999"],
    ]);
    expect(r.withoutRole).toBe(1);
    expect(r.suggested).toBe(0);
    expect(r.ignored).toEqual(["note"]);
  });

  it("fills a row without a role with the role its name suggests, marked to confirm; a stated role is the user's", () => {
    const r = legendRowsFromCsv(
      "code,name,name_zh,role\n1,Orchard,,\n2,Quarry,采石场,\n3,Other,,forest\n4,x,排土场,\n",
      "legend.csv",
    );
    expect(r.rows.map((x) => [x.code, x.role, x.suggested])).toEqual([
      ["1", "garden", true],
      ["2", "", false],
      ["3", "forest", false],
      ["4", "dump", true],
    ]);
    expect(r.withoutRole).toBe(3);
    expect(r.suggested).toBe(2);
  });

  it("names the file and the row's line (empty lines counted) of a bad colour", () => {
    // Line 1 header, line 2 a class, line 3 empty, line 4 the bad colour.
    expect(() =>
      legendRowsFromCsv("code,name,colour\n1,Arable,#ffff00\n\n2,Forest,green\n", "my-legend.csv"),
    ).toThrow(/^my-legend\.csv: row 4, colour: must be a colour like #228b22; got "green"$/);
    try {
      legendRowsFromCsv("code,name,colour\n1,Arable,#ffff00\n\n2,Forest,green\n", "my-legend.csv");
    } catch (e) {
      // The problems kept as the domain wrote them, for the editor to show in the language.
      expect(e).toBeInstanceOf(LegendCsvError);
      expect((e as LegendCsvError).source).toBe("my-legend.csv");
      expect((e as LegendCsvError).problems).toEqual([
        { path: "row 4, colour", message: 'must be a colour like #228b22; got "green"' },
      ]);
    }
  });

  it("names the file and the line of a CSV that cannot be read", () => {
    expect(() => legendRowsFromCsv('code,name\n1,"Arable"x\n', "broken.csv")).toThrow(
      /^broken\.csv: .*line 2/,
    );
  });

  it("names the file when the code or name column is missing", () => {
    expect(() => legendRowsFromCsv("value_x,label_y\n1,a\n", "columns.csv")).toThrow(
      /^columns\.csv: header: a legend needs a code column/,
    );
  });
});

describe("suggested roles", () => {
  it("a new row gets the role its typed name suggests; a role the user chose is kept when the name changes", () => {
    const typed = withSuggestedRole({ ...newRow(), name: "Water body" });
    expect([typed.role, typed.suggested]).toEqual(["water", true]);
    const renamed = withSuggestedRole({ ...typed, name: "Pine forest" });
    expect([renamed.role, renamed.suggested]).toEqual(["forest", true]);
    const unknown = withSuggestedRole({ ...typed, name: "Quarry" });
    expect([unknown.role, unknown.suggested]).toEqual(["", false]);
    const chosen = withSuggestedRole({ ...typed, role: "wetland", suggested: false, name: "Pine forest" });
    expect([chosen.role, chosen.suggested]).toEqual(["wetland", false]);
  });

  it("a stored class without a role is given a suggestion to confirm", () => {
    const rows = rowsFromClasses([
      { code: 1, key: "", name: "Orchard" },
      { code: 2, key: "forest", name: "Orchard" },
    ]);
    expect(rows.map((r) => [r.role, r.suggested])).toEqual([
      ["garden", true],
      ["forest", false],
    ]);
  });

  it("saving is refused while a suggested role is not confirmed, at the row's role", () => {
    const say = {
      code: "code",
      duplicate: () => "dup",
      name: "name",
      role: "role",
      confirm: "confirm",
      none: "none",
    };
    const row = withSuggestedRole({ ...newRow(), code: "5", name: "Orchard" });
    expect(checkRows([row], say)).toEqual({
      issues: [{ path: "legend.classes[0].key", message: "confirm" }],
    });
    expect(checkRows([{ ...row, suggested: false }], say)).toEqual({
      classes: [{ code: 5, name: "Orchard", key: "garden", group: "sink", colour: "#999999" }],
    });
  });
});

describe("rowIssuesFromApi", () => {
  it("puts the API's problems of PUT (classes[i]) and PATCH (legend.classes[i]) at the row's cells", () => {
    expect(
      rowIssuesFromApi([
        { path: "classes[2].key", message: "a" },
        { path: "legend.classes[1].key", message: "b" },
        { path: "classes", message: "c" },
        { path: "name", message: "d" },
      ]),
    ).toEqual([
      { path: "legend.classes[2].key", message: "a" },
      { path: "legend.classes[1].key", message: "b" },
      { path: "legend.classes", message: "c" },
      { path: "name", message: "d" },
    ]);
  });
});
