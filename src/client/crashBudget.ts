// How many worker crashes the page recovers from: at most `limit` within any `windowMs`, not over the page's life.
export class CrashBudget {
  private readonly times: number[] = [];

  constructor(readonly limit = 3, readonly windowMs = 60_000) {}

  /** Records a crash at `now` (ms); true while the crashes of the last window stay within the limit. */
  record(now: number): boolean {
    this.times.push(now);
    while (this.times.length && this.times[0]! <= now - this.windowMs) this.times.shift();
    return this.times.length <= this.limit;
  }

  /** Crashes within the window ending at `now`. */
  recent(now: number): number {
    return this.times.filter((t) => t > now - this.windowMs).length;
  }
}
