// A bounded ring: past `capacity` entries the oldest is overwritten, so a log of a long run stays flat
// in memory (the request log, the webhook delivery log).
export class Ring<T> {
  private entries: T[] = [];
  /** Where the next entry goes once the ring is full (then also the oldest entry). */
  private next = 0;

  constructor(
    readonly capacity: number,
    what = "A log's size",
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`${what} must be a positive integer, not ${capacity}.`);
  }

  add(entry: T): void {
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  all(): T[] {
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
  }
}
