/** A raster or vector input that cannot be used as given; the message names the file and what to do. */
export class RasterInputError extends Error {
  constructor(
    message: string,
    /** "too-large": the input is valid but bigger than a limit set for it (the server answers 413). */
    readonly reason?: "too-large",
  ) {
    super(message);
  }

  /** The error table's code: a map over a size limit is "too-large" (413, exit 2), else bad input. */
  get code(): "bad-input" | "too-large" {
    return this.reason === "too-large" ? "too-large" : "bad-input";
  }
}
