import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../cli/exit-code.ts";
import { errorCodeOf, ERROR_CODES } from "../contract/error-codes.ts";
import { RasterInputError } from "./raster-input-error.ts";

describe("RasterInputError(message, reason)", () => {
  it("carries the error table's code: too-large (413, exit 2) for a map over a limit, else bad-input", () => {
    const big = new RasterInputError("m.tif: 5e9 px is more than this server takes", "too-large");
    expect(errorCodeOf(big)).toBe("too-large");
    expect(ERROR_CODES[errorCodeOf(big)].status).toBe(413);
    expect(exitCodeOf(big)).toBe(2);
    const bad = new RasterInputError("m.tif: strip 3 lies outside the file");
    expect(errorCodeOf(bad)).toBe("bad-input");
    expect(exitCodeOf(bad)).toBe(2);
  });
});
