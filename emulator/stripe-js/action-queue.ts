// Stripe.js runs checkout actions one at a time: a second action waits for the first to settle,
// so two updates never race on the session. `size` lets the session report canConfirm false while
// anything is queued or running.
export class ActionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private count = 0;

  constructor(private readonly onSizeChange: (size: number) => void = () => {}) {}

  get size(): number {
    return this.count;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.count += 1;
    this.onSizeChange(this.count);
    const result = this.tail.then(task);
    const settle = () => {
      this.count -= 1;
      this.onSizeChange(this.count);
    };
    this.tail = result.then(settle, settle);
    return result;
  }
}

export class TimeoutError extends Error {
  readonly code = 'timeout';
  constructor(ms: number) {
    super(`The server update did not finish within ${ms / 1000} seconds.`);
    this.name = 'TimeoutError';
  }
}

// Races a promise against a timer, clearing the timer either way so no handle outlives the action.
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
