// Fault injection for /v1 requests (POST /_emulator/faults): the next `count` requests matching a
// method and a path glob (`*` = one segment) fail as a 500, a 429, a delay, or a dropped socket.
export type FaultKind = 'error_500' | 'error_429' | 'delay' | 'drop';
export const FAULT_KINDS: readonly FaultKind[] = ['error_500', 'error_429', 'delay', 'drop'];

export type Fault = { method: string; path: string; count: number; kind: FaultKind; delayMs?: number };
type Armed = Fault & { re: RegExp };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Faults {
  private armed: Armed[] = [];
  private held = 0;

  add(fault: Fault): void {
    const pattern = fault.path
      .split('/')
      .map((seg) => (seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    this.armed.push({ ...fault, method: fault.method.toUpperCase(), re: new RegExp(`^${pattern}$`) });
  }

  /** Consumes one use of the first fault matching this request. */
  take(method: string, path: string): Fault | null {
    const hit = this.armed.find((f) => f.method === method && f.re.test(path));
    if (!hit) return null;
    hit.count -= 1;
    if (hit.count <= 0) this.armed = this.armed.filter((f) => f !== hit);
    return hit;
  }

  /** Holds a request for its delay fault's time, counted by `delayed()` until then. */
  async hold(fault: Fault): Promise<void> {
    this.held += 1;
    try {
      await sleep(fault.delayMs ?? 1000);
    } finally {
      this.held -= 1;
    }
  }

  /** Requests a delay fault still holds: their answers, and what they change, are yet to come. */
  delayed(): number {
    return this.held;
  }

  list(): Fault[] {
    return this.armed.map(({ method, path, count, kind, delayMs }) => ({
      method,
      path,
      count,
      kind,
      ...(delayMs !== undefined ? { delayMs } : {}),
    }));
  }

  clear(): void {
    this.armed = [];
  }
}
