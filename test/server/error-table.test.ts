import { describe, expect, it } from "vitest";
import { MapRejected } from "../../src/app/check-uploaded-map.ts";
import { ERROR_CODES } from "../../src/contract/error-codes.ts";
import { exitCodeOf } from "../../src/cli/exit-code.ts";
import { InputError } from "../../src/domain/validation/input-issue.ts";
import { GasBasisMismatchError } from "../../src/units/gas-volume.ts";
import { NonFiniteQuantityError } from "../../src/units/quantity.ts";
import { ApiError } from "../../src/server/api-error.ts";
import { errorAnswer as answerWith } from "../../src/server/error-answer.ts";

/** The answer for an error of a JSON request (limits as the server's). */
const errorAnswer = (e: unknown) =>
  answerWith(e, { contentType: "application/json", bodyLimitBytes: 4 << 20, uploadLimitBytes: 64 << 20 });

describe("one error table for the API and the CLI", () => {
  it("answers every code with the table's status, and the CLI exits with the table's code", () => {
    for (const [code, row] of Object.entries(ERROR_CODES)) {
      const e = Object.assign(new Error(`a ${code}`), { code });
      expect(errorAnswer(e).status, code).toBe(row.status);
      expect(exitCodeOf(e), code).toBe(row.exit);
      expect(new ApiError(code as keyof typeof ERROR_CODES, "m").status).toBe(row.status);
    }
  });

  it("answers the domain's errors by their code, with their issues as details", () => {
    const a = errorAnswer(
      new InputError("body", [{ path: "years[0].energy[1].amount", message: "must be ≥ 0" }]),
    );
    expect(a.status).toBe(400);
    expect(a.error.body()).toEqual({
      error: {
        code: "bad-input",
        message: "body has 1 problem; see details",
        details: [{ path: "years[0].energy[1].amount", message: "must be ≥ 0" }],
      },
    });
    expect(errorAnswer(new NonFiniteQuantityError("x", Infinity)).error.body().error).toMatchObject({
      code: "non-finite-quantity",
      details: [{ path: "", message: "x must be a finite number; got Infinity" }],
    });
    expect(errorAnswer(new GasBasisMismatchError("m")).status).toBe(400);
    const rejected = new MapRejected(422, "map-does-not-fit", "m", [{ path: "file", message: "d" }]);
    expect(errorAnswer(rejected)).toMatchObject({ status: 422, error: { details: [{ path: "file" }] } });
    expect(exitCodeOf(new InputError("x", []))).toBe(2);
  });

  it("says nothing of an internal error's cause, and answers fastify's own 4xx refusals by the table", () => {
    const a = errorAnswer(new TypeError("Cannot read properties of null (reading '0') at /srv/secret.ts"));
    expect(a).toMatchObject({ status: 500, internal: true });
    expect(a.error.message).not.toMatch(/secret/);
    expect(exitCodeOf(new TypeError("boom"))).toBe(1);
    const media = Object.assign(new Error("Unsupported Media Type"), { statusCode: 415 });
    expect(errorAnswer(Object.assign(media, { code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" }))).toMatchObject({
      status: 415,
      error: { code: "unsupported-media-type" },
    });
    // Any other 4xx of fastify is a malformed request, with the table's status for it.
    const url = Object.assign(new Error("'%' is not a valid url component"), {
      code: "FST_ERR_BAD_URL",
      statusCode: 400,
    });
    expect(errorAnswer(url)).toMatchObject({ status: 400, error: { code: "bad-request" } });
    const tooLong = Object.assign(new Error("URI too long"), {
      code: "FST_ERR_MAX_PARAM_LENGTH",
      statusCode: 414,
    });
    expect(errorAnswer(tooLong)).toMatchObject({ status: 400, error: { code: "bad-request" } });
  });

  it("has every answer of status 500 or more logged (internal), whatever its code", () => {
    for (const [code, row] of Object.entries(ERROR_CODES)) {
      const e = Object.assign(new Error(`a ${code}`), { code });
      expect(errorAnswer(e).internal, code).toBe(row.status >= 500);
      expect(errorAnswer(new ApiError(code as keyof typeof ERROR_CODES, "m")).internal, code).toBe(
        row.status >= 500,
      );
    }
    expect(errorAnswer(Object.assign(new Error("m"), { code: "stored-invalid" }))).toMatchObject({
      status: 500,
      internal: true,
    });
  });
});
