/** An error as a worker thread posts it back: its message, the error table's code, and why. */
export interface WorkerError {
  message: string;
  code?: string;
  /** RasterInputError's reason: "too-large" for an input over a size limit. */
  reason?: "too-large";
  stack?: string;
}
