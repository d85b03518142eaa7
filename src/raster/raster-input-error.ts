/** A raster or vector input that cannot be used as given; the message names the file and what to do. */
export class RasterInputError extends Error {
  readonly code = "bad-input";
}
