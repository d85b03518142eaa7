import { describe, expect, it } from "vitest";
import { legendRowsFromCsv } from "./legend-rows.ts";

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
    expect(r.ignored).toEqual(["note"]);
  });

  it("names the file and the row's line (empty lines counted) of a bad colour", () => {
    // Line 1 header, line 2 a class, line 3 empty, line 4 the bad colour.
    expect(() =>
      legendRowsFromCsv("code,name,colour\n1,Arable,#ffff00\n\n2,Forest,green\n", "my-legend.csv"),
    ).toThrow(/^my-legend\.csv: row 4, colour: must be a colour like #228b22; got "green"$/);
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
