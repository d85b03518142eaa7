import { describe, expect, it } from "vitest";
import { isCreditCode } from "./organisation.ts";

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) as published on the national
 * enterprise credit information publicity system. The check character, worked by hand for Huawei
 * Technologies Co., Ltd., 914403001922038216:
 *   characters 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 (their values in 0-9A-HJ-NPQRTUWXY: themselves)
 *   weights    1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 (3^i mod 31)
 *   products   9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831
 *   831 mod 31 = 25 (31 × 26 = 806); 31 − 25 = 6 → check character "6".
 */
const PUBLISHED = [
  "914403001922038216", // Huawei Technologies Co., Ltd. (Shenzhen)
  "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
  "91110108551385082Q", // Beijing Xiaomi Technology Co., Ltd.
  "91330100799655058B", // Alibaba (China) Co., Ltd.
];

describe("isCreditCode (GB 32100-2015)", () => {
  it("accepts published codes with their check characters (a digit or a letter)", () => {
    for (const c of PUBLISHED) expect(isCreditCode(c), c).toBe(true);
  });

  it("refuses a code with any other check character", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (const c of PUBLISHED)
      for (const x of alphabet) if (x !== c[17]) expect(isCreditCode(c.slice(0, 17) + x), c + x).toBe(false);
  });

  it("refuses a changed character or two swapped ones (what the check character is for)", () => {
    expect(isCreditCode("914403001922038226")).toBe(false);
    expect(isCreditCode("914403001922038126")).toBe(false);
    expect(isCreditCode("914403001922083216")).toBe(false);
  });

  it("refuses the letters I, O, S, V and Z, lower case, wrong lengths and a non-digit region", () => {
    for (const bad of [
      "",
      "91440300192203821",
      "9144030019220382166",
      "91440300708461136t",
      "9144030070846113OT",
      "9144030070846113IT",
      "91440300708461136S",
      "9144A3001922038216",
      " 914403001922038216",
    ])
      expect(isCreditCode(bad), bad).toBe(false);
  });
});
