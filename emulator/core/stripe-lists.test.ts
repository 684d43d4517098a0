// The lists the local Stripe carries from Stripe's spec (API versions, countries, tax types, error
// codes) are checked here against the installed SDK's generated types, Stripe's own copy of them: an
// SDK upgrade that changes a list fails this test until the copy follows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { TAX_TYPES } from '../resources/tax-rates';
import { PUBLISHED_API_VERSIONS } from './api-versions';
import { STRIPE_COUNTRIES } from './countries';
import { STRIPE_ERROR_CODES } from './errors';

const RESOURCES = join(dirname(createRequire(import.meta.url).resolve('stripe')), '..', 'esm', 'resources');

/** The string members of the first `type <name> = 'a' | 'b' | …;` in one of the SDK's resource types. */
function sdkUnion(file: string, name: string): string[] {
  const body = readFileSync(join(RESOURCES, file), 'utf8').match(new RegExp(`type ${name} = ([^;]+);`))?.[1] ?? '';
  return [...body.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
}

it('carries every API version Stripe lists for webhook endpoints, in order', () => {
  const listed = sdkUnion('WebhookEndpoints.d.ts', 'ApiVersion');
  assert.ok(listed.length >= 126, `the SDK lists ${listed.length}`);
  assert.deepEqual([...PUBLISHED_API_VERSIONS], listed);
});

it('carries the country codes of allowed_countries', () => {
  assert.deepEqual([...STRIPE_COUNTRIES], sdkUnion('Checkout/Sessions.d.ts', 'AllowedCountry'));
});

it('carries the 28 tax types', () => {
  assert.deepEqual([...TAX_TYPES], sdkUnion('TaxRates.d.ts', 'TaxType'));
  assert.equal(TAX_TYPES.length, 28);
});

it('sends only error codes Stripe publishes', () => {
  // PaymentIntent.LastPaymentError.Code is Stripe's whole list (the file has a smaller `Code` union too).
  const unions = readFileSync(join(RESOURCES, 'PaymentIntents.d.ts'), 'utf8').match(/type Code = [^;]+;/g) ?? [];
  const published = new Set(
    unions.flatMap((union) => [...union.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '')),
  );
  assert.ok(published.has('resource_missing'));
  for (const code of STRIPE_ERROR_CODES) assert.ok(published.has(code), `${code} is not one of Stripe's error codes`);
});
