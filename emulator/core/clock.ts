// The emulator's clock: the host clock (or an injected `now`) plus an offset the tests move forward
// with POST /_emulator/clock/advance, so expiry can be tested without waiting 24 hours.
export class Clock {
  private offsetMs = 0;
  constructor(private readonly source: () => number = Date.now) {}

  nowMs(): number {
    return this.source() + this.offsetMs;
  }

  /** Unix seconds, the unit of every Stripe timestamp. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
