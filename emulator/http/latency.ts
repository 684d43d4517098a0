// Realistic latency for /v1 answers: Stripe takes 150-500 ms where the local Stripe takes ~1 ms, and a
// buyer's pending states, double clicks and slow Pay only show with the real feel. The setting is a fixed
// number of milliseconds or a range `min-max`; a range is drawn from a seeded PRNG, so a run (a test, a
// bench) sees the same sequence of delays each time. Set by STRIPE_EMULATOR_LATENCY_MS (and
// STRIPE_EMULATOR_LATENCY_SEED) at start, `latencyMs` in-process, or POST /_emulator/latency at run time.
export type LatencyRange = { min: number; max: number };

export const DEFAULT_LATENCY_SEED = 1;
/** A minute: past it a delay is a fault (POST /_emulator/faults, kind `delay`), not latency. */
export const MAX_LATENCY_MS = 60_000;

export class LatencyError extends Error {}

/** `150`, `"150"` or `"150-400"` (milliseconds, whole numbers, min ≤ max ≤ 60000); `0` or `""` is none. */
export function parseLatency(value: string | number): LatencyRange {
  const text = String(value).trim();
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text === '' ? '0' : text);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || min > max || max > MAX_LATENCY_MS) {
    throw new LatencyError(
      `The latency must be milliseconds, a number or a range like "150-400" (at most ${MAX_LATENCY_MS}), not "${text}".`,
    );
  }
  return { min, max };
}

export function describeLatency({ min, max }: LatencyRange): string {
  if (max === 0) return 'none';
  return min === max ? `${min} ms` : `${min}-${max} ms`;
}

/** mulberry32: a tiny, well-spread 32-bit PRNG; only repeatability matters here. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Latency {
  private range: LatencyRange;
  private random: () => number;

  constructor(
    setting: string | number = 0,
    readonly seed: number = DEFAULT_LATENCY_SEED,
  ) {
    this.range = parseLatency(setting);
    this.random = mulberry32(seed);
  }

  get(): LatencyRange {
    return { ...this.range };
  }

  /** A new setting restarts the sequence from the seed, so the delays after a change repeat too. */
  set(setting: string | number): LatencyRange {
    this.range = parseLatency(setting);
    this.random = mulberry32(this.seed);
    return this.get();
  }

  /** The next delay in milliseconds. */
  next(): number {
    const { min, max } = this.range;
    return min === max ? min : min + Math.floor(this.random() * (max - min + 1));
  }

  /** Waits out the next delay (nothing when the setting is 0). */
  async wait(): Promise<void> {
    const ms = this.next();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  toJSON() {
    return {
      ms: this.range.min === this.range.max ? String(this.range.min) : `${this.range.min}-${this.range.max}`,
      ...this.range,
      seed: this.seed,
      description: describeLatency(this.range),
    };
  }
}

/** The setting from STRIPE_EMULATOR_LATENCY_MS and STRIPE_EMULATOR_LATENCY_SEED, for the CLIs that start the emulator. */
export function latencyFromEnv(env: Record<string, string | undefined> = process.env): {
  latencyMs: string;
  latencySeed: number;
} {
  const latencyMs = env.STRIPE_EMULATOR_LATENCY_MS ?? '0';
  parseLatency(latencyMs);
  const rawSeed = env.STRIPE_EMULATOR_LATENCY_SEED;
  const latencySeed = rawSeed ? Number(rawSeed) : DEFAULT_LATENCY_SEED;
  if (!Number.isInteger(latencySeed))
    throw new LatencyError(`STRIPE_EMULATOR_LATENCY_SEED must be an integer, not "${rawSeed}".`);
  return { latencyMs, latencySeed };
}
