import { describe, expect, it } from "vitest";
import { landuseLayerUrl } from "./area-layers.ts";

describe("landuseLayerUrl(area, map)", () => {
  const map = { year: 2010, sha256: "ab".repeat(32) };
  const legend = (colour: string) => ({
    classes: [
      { code: 1, name: "Arable", key: "arable", colour: "#ffff00" },
      { code: 7, name: "Water body", key: "water", colour },
    ],
  });
  it("changes when the legend's colours change, so a recoloured legend draws a new layer", () => {
    const blue = landuseLayerUrl({ id: "3", legend: legend("#0000ff") }, map);
    const teal = landuseLayerUrl({ id: "3", legend: legend("#008080") }, map);
    expect(blue).toMatch(/^\/api\/areas\/3\/maps\/2010\/layer\.png\?v=abababab[0-9a-f]{8}$/);
    expect(teal).not.toBe(blue);
    expect(landuseLayerUrl({ id: "3", legend: legend("#0000ff") }, map)).toBe(blue);
  });
});
