/**
 * At most `running` logins checked at once and `waiting` more queued in arrival order; a login
 * beyond that is turned away at once. A password check is an argon2id hash of 64 MiB, run on
 * libuv's thread pool (4 threads by default), which the server's file reads share: without a bound,
 * a flood of logins from many addresses (each under its own rate limit) would queue without end,
 * hold 64 MiB a hash and starve map uploads and downloads of threads.
 */
export class LoginGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly running = 2,
    readonly waiting = 32,
  ) {}

  /** Runs `check` when a place is free; undefined, without running it, when the queue is full. */
  async run<T>(check: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) return undefined;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.active++;
    try {
      return { value: await check() };
    } finally {
      // Hand the place to the next in line (it stays taken), or free it.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
