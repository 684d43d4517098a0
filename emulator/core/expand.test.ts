// `expand[]` finds a coupon by the field that holds its id (coupon ids have no prefix), at the paths
// of the request's version (issue 21, N2), and a virtual field inside a hash by its dotted path.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type Stripe from 'stripe';
import { Clock } from './clock';
import type { RequestCtx } from './context';
import { createExpander, respond } from './respond';
import { Store } from './store';
import { parseApiVersion } from './version';

function ctxAt(version: string, virtual = {}): RequestCtx {
  const store = new Store();
  const expander = createExpander({ render: {}, virtual });
  return {
    store,
    clock: new Clock(),
    events: {
      emit: () => {
        throw new Error('no events here');
      },
    },
    expander,
    requestId: 'req_1',
    idempotencyKey: null,
    version: parseApiVersion(version),
    auth: 'secret',
  };
}

const coupon = { id: 'SUMMER20', object: 'coupon', percent_off: 20 } as Stripe.Coupon;
const discount = {
  id: 'di_1',
  object: 'discount',
  promotion_code: null,
  source: { coupon: 'SUMMER20', type: 'coupon' },
};

it('expands source.coupon of a discount, whose id has no prefix', () => {
  const ctx = ctxAt('2026-10-28.endive');
  ctx.store.put('coupon', coupon.id, coupon);
  const out = respond(ctx, discount, ['source.coupon']) as { source: { coupon: { percent_off: number } } };
  assert.equal(out.source.coupon.percent_off, 20);
  const unexpanded = respond(ctx, discount, []) as { source: { coupon: string } };
  assert.equal(unexpanded.source.coupon, 'SUMMER20');
});

it('shows the discount’s coupon object as `coupon` before clover', () => {
  const ctx = ctxAt('2025-08-27.basil');
  ctx.store.put('coupon', coupon.id, coupon);
  const out = respond(ctx, discount, []) as { coupon: { id: string }; source?: unknown };
  assert.equal(out.coupon.id, 'SUMMER20');
  assert.equal(out.source, undefined);
  assert.throws(() => respond(ctx, discount, ['source.coupon']), /cannot be expanded \(source\.coupon\)\.$/);
});

it('computes a virtual field inside a hash by its dotted path, with the object around it', () => {
  const ctx = ctxAt('2026-10-28.endive', {
    thing: { 'totals.breakdown': (_c: RequestCtx, _owner: unknown, object: { id: string }) => ({ of: object.id }) },
  });
  const out = respond(ctx, { id: 'th_1', object: 'thing', totals: { amount: 1 } }, ['totals.breakdown']) as {
    totals: { breakdown: { of: string } };
  };
  assert.deepEqual(out.totals.breakdown, { of: 'th_1' });
  assert.throws(
    () => respond(ctx, { id: 'th_1', object: 'thing', totals: {} }, ['totals.nothing']),
    (e: Error) => !e.message.includes('data.'),
  );
});
