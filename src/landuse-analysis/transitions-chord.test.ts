import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTransitionsChord } from "./transitions-chord.ts";

describe("writeTransitionsChord(path, classes, one-step rows)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-chord-"));
  const HOSTILE = `<img src=x onerror=alert(1)>"><svg onload=alert(2)>'&`;

  it("writes an SVG with an arc per class and date, and a user's class name as text, never markup", () => {
    const path = join(dir, "chord.svg");
    writeTransitionsChord(
      path,
      [
        { code: 1, key: "a", name: HOSTILE },
        { code: 2, key: "b", name: "forest" },
      ],
      [
        { from_year: 2000, to_year: 2010, from_code: 1, to_code: 1, area_ha: 30 },
        { from_year: 2000, to_year: 2010, from_code: 1, to_code: 2, area_ha: 3 },
        { from_year: 2000, to_year: 2010, from_code: 2, to_code: 2, area_ha: 10 },
      ],
    );
    const svg = readFileSync(path, "utf8");
    expect(svg).toMatch(/^<svg [^>]*width="760" height="760"/);
    expect(svg).toContain("Land-use transitions 2000 → 2010 (ha)");
    for (const label of ["forest 2000", "forest 2010"]) expect(svg).toContain(label);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(svg.slice(4)).not.toMatch(/<img|<svg onload/);
  });
});
