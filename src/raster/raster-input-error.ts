/** A raster or vector input that cannot be used as given; the message names the file and what to do. */
export class RasterInputError extends Error {
  readonly code = "bad-input";
  constructor(
    message: string,
    /** "too-large": the input is valid but bigger than a limit set for it (the server answers 413). */
    readonly reason?: "too-large",
  ) {
    super(message);
  }
}
