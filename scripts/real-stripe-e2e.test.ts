// The real-Stripe e2e configuration, checked offline: every spec is classified, every skip gives its reason, and
// nothing that runs on real Stripe reaches a local-only control (the local Stripe's /_emulator routes, its
// request log, the webhook route, the second server on the preview API version).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  localOnlyReason,
  NO_KEYS_REASON,
  REAL_STRIPE_SPECS,
  realStripeKeys,
  realStripeSkipReason,
} from '../e2e/real-stripe';

const E2E = join(import.meta.dirname, '..', 'e2e');
const specFiles = readdirSync(E2E)
  .filter((name) => name.endsWith('.spec.ts'))
  .sort();
const source = (file: string) => readFileSync(join(E2E, file), 'utf8');

/** What only the local Stripe (or the local setup) has; helpers that reach them are named here too. */
const LOCAL_ONLY_MARKERS = [
  '/_emulator',
  'webhooks/stripe',
  'injectFault',
  'stripeCalls',
  'LOCAL_STRIPE_URL',
  'holdAllBut',
  'SEED_ORIGIN',
  'SEED_PROFILE_PORT',
  'generateTestHeaderString',
];

type SpecTest = { title: string; body: string };

/** The file's top-level tests, each with its text up to the next; `rest` is everything else but the imports. */
function splitTests(text: string): { tests: SpecTest[]; rest: string } {
  const starts = [...text.matchAll(/^\s*test\((['"`])((?:(?!\1).)*)\1/gm)];
  const tests = starts.map((match, i) => ({
    title: match[2]!,
    body: text.slice(match.index, starts[i + 1]?.index ?? text.length),
  }));
  const rest = text.slice(0, starts[0]?.index ?? text.length).replace(/^import [^;]+;$/gm, '');
  return { tests, rest };
}

test('every e2e spec is classified, and every entry names a spec that exists', () => {
  assert.deepEqual(Object.keys(REAL_STRIPE_SPECS).sort(), specFiles);
});

test("every spec can be skipped: it uses support.ts's test, or skips itself with its local-only reason", () => {
  for (const file of specFiles) {
    const text = source(file);
    if (/import \{[^}]*\btest\b[^}]*\} from '\.\/support'/.test(text)) continue;
    assert.ok(
      text.includes(`test.skip(REAL_STRIPE, localOnlyReason('${file}'))`),
      `${file} has a test of its own and no skip on real Stripe`,
    );
    assert.match(localOnlyReason(file), /^local Stripe only: /);
  }
});

test('every skip gives its reason, and each excepted test exists in its spec', () => {
  for (const [file, entry] of Object.entries(REAL_STRIPE_SPECS)) {
    const titles = splitTests(source(file)).tests.map((t) => t.title);
    if ('localOnly' in entry) {
      assert.ok(entry.localOnly.length > 20, `${file}: a local-only spec says why`);
      for (const title of titles)
        assert.match(realStripeSkipReason(file, title, true) ?? '', /^local Stripe only: .{20,}/);
      continue;
    }
    for (const [title, reason] of Object.entries(entry.except ?? {})) {
      assert.ok(titles.includes(title), `${file}: no test titled "${title}"`);
      assert.ok(reason.length > 20, `${file}: "${title}" says why it skips`);
      assert.equal(realStripeSkipReason(file, title, true), `local Stripe only: ${reason}`);
    }
  }
});

test('the real-Stripe set is not empty and touches no local-only control', () => {
  const running: string[] = [];
  for (const [file, entry] of Object.entries(REAL_STRIPE_SPECS)) {
    if ('localOnly' in entry) continue;
    const { tests, rest } = splitTests(source(file));
    for (const marker of LOCAL_ONLY_MARKERS)
      assert.ok(!rest.includes(marker), `${file} uses ${marker} outside its tests`);
    for (const { title, body } of tests) {
      if (realStripeSkipReason(file, title, true) !== undefined) continue;
      running.push(`${file} › ${title}`);
      for (const marker of LOCAL_ONLY_MARKERS)
        assert.ok(!body.includes(marker), `${file} › "${title}" runs on real Stripe but uses ${marker}`);
    }
  }
  // Above a floor, so a classification that quietly drops most of the suite fails here.
  assert.ok(running.length >= 20, `only ${running.length} tests run on real Stripe:\n${running.join('\n')}`);
});

test('without keys every test skips, saying which keys to set; an unlisted spec skips, saying so', () => {
  assert.equal(
    realStripeSkipReason(
      'cart.spec.ts',
      'removing a line moves focus to the cart heading; another tab sees the same cart',
      true,
    ),
    undefined,
  );
  assert.equal(
    realStripeSkipReason(
      'cart.spec.ts',
      'removing a line moves focus to the cart heading; another tab sees the same cart',
      false,
    ),
    NO_KEYS_REASON,
  );
  assert.match(realStripeSkipReason('fault-drills.spec.ts', 'anything', false) ?? '', /^local Stripe only: /);
  assert.match(
    realStripeSkipReason('new-thing.spec.ts', 'anything', true) ?? '',
    /not classified in e2e\/real-stripe\.ts/,
  );
});

test('test keys are taken, live keys and half a pair are refused, none is no run', () => {
  assert.deepEqual(
    realStripeKeys({ STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_def' }),
    {
      secretKey: 'sk_test_abc',
      publishableKey: 'pk_test_def',
    },
  );
  assert.equal(realStripeKeys({}), undefined);
  assert.equal(realStripeKeys({ STRIPE_SECRET_KEY: '', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: '' }), undefined);
  assert.throws(
    () => realStripeKeys({ STRIPE_SECRET_KEY: 'sk_live_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_def' }),
    /test mode only/,
  );
  assert.throws(
    () => realStripeKeys({ STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_def' }),
    /test mode only/,
  );
  assert.throws(
    () => realStripeKeys({ STRIPE_SECRET_KEY: 'rk_live_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_def' }),
    /test mode only/,
  );
  assert.throws(() => realStripeKeys({ STRIPE_SECRET_KEY: 'sk_test_abc' }), /both/);
});
