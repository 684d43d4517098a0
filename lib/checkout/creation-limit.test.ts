import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { admits, secondsUntilAdmitted, windowsAt } from '@/lib/checkout/creation-limit';

const MINUTE = 60_000;
const EDGE = Date.UTC(2026, 11, 6, 12, 0, 0);
const at = (ms: number) => new Date(EDGE + ms);

test('a moment falls in its minute; the previous minute weighs what the last sixty seconds still cover of it', () => {
  assert.deepEqual(windowsAt(at(15_000), MINUTE), {
    start: at(0),
    previousStart: at(-MINUTE),
    previousWeight: 0.75,
  });
  assert.equal(windowsAt(at(0), MINUTE).previousWeight, 1);
});

test('one more fits while this minute, the previous one weighted, and it stay within the limit', () => {
  const cases: [current: number, previous: number, weight: number, limit: number, fits: boolean][] = [
    [0, 0, 1, 1, true],
    [1, 0, 1, 1, false],
    [2, 4, 0.5, 5, true], // 2 + 1 + 2 = 5
    [2, 4, 0.51, 5, false],
    [0, 5, 0.99, 5, false], // just past the edge, the previous minute's five still count
    [0, 5, 0.8, 5, true],
  ];
  for (const [current, previous, weight, limit, fits] of cases)
    assert.equal(admits({ current, previous }, weight, limit), fits, JSON.stringify({ current, previous, weight }));
});

test('Retry-After: later in this minute as the previous one fades, or in the next as this one does', () => {
  // Room for one in this minute once the previous minute's 2 weigh at most 1: 30 s in.
  assert.equal(secondsUntilAdmitted({ current: 1, previous: 2 }, 3, at(2_000), MINUTE), 28);
  // This minute is full (3 of 3): the next one, once these 3 weigh at most 2, 20 s into it.
  assert.equal(secondsUntilAdmitted({ current: 3, previous: 0 }, 3, at(10_000), MINUTE), 70);
  // A limit of one: this minute's one must fade entirely.
  assert.equal(secondsUntilAdmitted({ current: 1, previous: 0 }, 1, at(59_500), MINUTE), 61);
  assert.equal(secondsUntilAdmitted({ current: 0, previous: 0 }, 3, at(0), MINUTE), 1, 'never less than a second');
});

test('Retry-After is right: waited out, one more fits; a second earlier, it does not', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: MINUTE - 1 }),
      (limit, current, previous, offset) => {
        const now = at(offset);
        const { previousWeight } = windowsAt(now, MINUTE);
        fc.pre(!admits({ current, previous }, previousWeight, limit));
        const wait = secondsUntilAdmitted({ current, previous }, limit, now, MINUTE);
        // Counts as they would be at a later moment, with nothing admitted meanwhile.
        const fitsAfter = (ms: number) => {
          const later = at(offset + ms);
          const moved = windowsAt(later, MINUTE).start.getTime() - EDGE;
          const counts =
            moved === 0
              ? { current, previous }
              : moved === MINUTE
                ? { current: 0, previous: current }
                : { current: 0, previous: 0 };
          return admits(counts, windowsAt(later, MINUTE).previousWeight, limit);
        };
        assert.ok(fitsAfter(wait * 1000), `fits after ${wait} s`);
        if (wait > 1) assert.ok(!fitsAfter((wait - 1) * 1000 - 1), `not ${wait - 1} s before`);
      },
    ),
  );
});
