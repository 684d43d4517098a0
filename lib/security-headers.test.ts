import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

test('live mode admits Stripe.js and Stripe frames, and no local origin', () => {
  const csp = contentSecurityPolicy({ kind: 'live' });
  assert.match(directive(csp, 'script-src'), /https:\/\/js\.stripe\.com/);
  assert.match(directive(csp, 'frame-src'), /https:\/\/js\.stripe\.com/);
  assert.match(directive(csp, 'connect-src'), /https:\/\/api\.stripe\.com/);
  assert.doesNotMatch(csp, /127\.0\.0\.1/);
});

test("local mode admits only the local Stripe's host, on any port (one build, a local Stripe per e2e worker)", () => {
  const csp = contentSecurityPolicy({ kind: 'local', emulatorOrigin: 'http://127.0.0.1:12111' });
  assert.doesNotMatch(csp, /stripe\.com/);
  for (const name of ['script-src', 'frame-src', 'connect-src']) {
    assert.deepEqual(
      directive(csp, name)
        .split(' ')
        .filter((source) => source.includes('127.0.0.1')),
      ['http://127.0.0.1:*'],
    );
  }
  assert.match(
    contentSecurityPolicy({ kind: 'local', emulatorOrigin: 'http://[::1]:12111' }),
    /frame-src http:\/\/\[::1\]:\*(;|$)/,
  );
});

test('pages cannot be framed, and unsafe-eval appears only in development', () => {
  assert.match(contentSecurityPolicy({ kind: 'live' }), /frame-ancestors 'none'/);
  assert.doesNotMatch(contentSecurityPolicy({ kind: 'live' }), /unsafe-eval/);
  assert.match(contentSecurityPolicy({ kind: 'live' }, { dev: true }), /unsafe-eval/);
});

test('the other headers are set', () => {
  const headers = Object.fromEntries(securityHeaders({ kind: 'live' }).map((h) => [h.key, h.value]));
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.equal(headers['Referrer-Policy'], 'strict-origin-when-cross-origin');
});
