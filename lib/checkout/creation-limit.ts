// How many checkouts one client address may start: CHECKOUT_SESSIONS_PER_MINUTE over any sliding minute. The
// database keeps one count per fixed minute (lib/db/rate-limits.ts); the last sixty seconds are estimated from the
// current minute's count and the previous minute's, weighted by how much of it those sixty seconds still cover (as
// if its requests came evenly). Counting fixed minutes alone let a loop that straddles a minute's edge start twice
// the limit within a few seconds. Only checkouts that are started count: a refused request adds nothing.

/** The fixed windows a moment falls in, and how much of the previous one the last window's length still covers. */
export type Windows = { start: Date; previousStart: Date; previousWeight: number };

export function windowsAt(now: Date, windowMs: number): Windows {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    start: new Date(start),
    previousStart: new Date(start - windowMs),
    previousWeight: 1 - (now.getTime() - start) / windowMs,
  };
}

/** A key's count in the current fixed window and in the one before it. */
export type WindowCounts = { current: number; previous: number };

/**
 * Whether one more request fits: the sliding estimate with it counted stays within `limit`. The database applies
 * this same condition in SQL, on the locked row (lib/db/rate-limits.ts); here it is the rule the tests reason with.
 */
export function admits(counts: WindowCounts, weight: number, limit: number): boolean {
  return counts.current + 1 + counts.previous * weight <= limit;
}

/**
 * Whole seconds (at least 1) until one more request would fit, if no other is admitted before: later in this
 * window as the previous one's weight falls, or in the next, as this one's does.
 */
export function secondsUntilAdmitted(counts: WindowCounts, limit: number, now: Date, windowMs: number): number {
  const { start } = windowsAt(now, windowMs);
  const room = limit - 1 - counts.current;
  const fitsAt =
    room >= 0
      ? // In this window: previous × (1 − elapsed share) ≤ room.
        start.getTime() + windowMs * Math.max(0, 1 - (counts.previous === 0 ? 1 : room / counts.previous))
      : // In the next: current × (1 − elapsed share) ≤ limit − 1.
        start.getTime() + windowMs * (2 - (limit - 1) / counts.current);
  return Math.max(1, Math.ceil((fitsAt - now.getTime()) / 1000));
}
