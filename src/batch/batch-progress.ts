/**
 * A one-line progress bar on a terminal: mines done, pixels per second (mine pixels × years) and
 * the time left at that rate. Nothing is drawn when the stream is not a terminal.
 */
export class BatchProgress {
  private readonly t0 = performance.now();
  private done = 0;
  private pixelsDone = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly mines: number,
    private readonly pixelsTotal: number,
  ) {}

  /** One mine more, of `pixels` mine pixels × years. */
  add(pixels: number): void {
    this.done++;
    this.pixelsDone += pixels;
    const now = performance.now();
    if (now - this.lastDraw >= 200 || this.done === this.mines) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** Sets how many mines and pixels are done (a queued batch reads them from the database). */
  set(mines: number, pixels: number): void {
    if (mines === this.done && pixels === this.pixelsDone) return;
    this.done = mines;
    this.pixelsDone = pixels;
    const now = performance.now();
    if (now - this.lastDraw >= 200 || this.done === this.mines) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  private draw(now: number): void {
    if (!this.stream.isTTY) return;
    const s = (now - this.t0) / 1000;
    const rate = s > 0 ? this.pixelsDone / s : 0;
    const left = rate > 0 ? (this.pixelsTotal - this.pixelsDone) / rate : NaN;
    const width = 24;
    const filled = Math.round((this.done / Math.max(1, this.mines)) * width);
    const time = Number.isFinite(left)
      ? `${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, "0")} left`
      : "";
    this.stream.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.done}/${this.mines} mines · ${(rate / 1e6).toFixed(1)} Mpx/s · ${time}\x1b[K`,
    );
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
