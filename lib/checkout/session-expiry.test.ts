import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionExpiresAt } from '@/lib/checkout/session-expiry';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const secondsAhead = (minutes: number) => sessionExpiresAt(minutes, NOW) - NOW / 1000;

test("a session lives the minutes asked, with a minute's slack inside Stripe's 30 min - 24 h bounds", () => {
  assert.equal(secondsAhead(30), 31 * 60);
  assert.equal(secondsAhead(120), 121 * 60);
  assert.equal(secondsAhead(1440), 24 * 3600 - 60, 'never past 24 hours after it is made');
  assert.ok(Number.isInteger(sessionExpiresAt(30, NOW + 123)), 'Unix seconds');
});
