import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapSession } from './map-session';
import { serverSession } from './test-support/fixtures';

const idle = { pending: false, paymentComplete: null };

test('maps line items with formatted amounts, price id and adjustable quantity', () => {
  const session = mapSession(serverSession(), idle);
  const [item] = session.lineItems;
  assert.equal(session.lineItems.length, 1);
  assert.deepEqual(
    {
      id: item?.id,
      name: item?.name,
      quantity: item?.quantity,
      unitAmount: item?.unitAmount,
      subtotal: item?.subtotal.amount,
      total: item?.total.minorUnitsAmount,
      priceId: item?.priceId,
      adjustable: item?.adjustableQuantity,
      recurring: item?.recurring,
    },
    {
      id: 'li_1',
      name: 'T-shirt',
      quantity: 2,
      unitAmount: { minorUnitsAmount: 1500, amount: '$15.00' },
      subtotal: '$30.00',
      total: 3000,
      priceId: 'price_tee',
      adjustable: { minimum: 1, maximum: 10 },
      recurring: null,
    },
  );
});

test('maps totals, shipping options and the selected one', () => {
  const session = mapSession(serverSession(), idle);
  assert.equal(session.total.total.amount, '$35.00');
  assert.equal(session.total.subtotal.minorUnitsAmount, 3000);
  assert.equal(session.total.shippingRate.minorUnitsAmount, 500);
  assert.deepEqual(
    session.shippingOptions.map((o) => [o.id, o.displayName, o.amount]),
    [
      ['shr_std', 'Standard', '$5.00'],
      ['shr_exp', 'Express', '$15.00'],
    ],
  );
  assert.equal(session.shipping?.shippingOption.id, 'shr_std');
  assert.equal(session.minorUnitsAmountDivisor, 100);
});

test('formats zero-decimal currencies with divisor 1', () => {
  const session = mapSession(serverSession({ currency: 'jpy', amount_total: 1200 }), idle);
  assert.equal(session.minorUnitsAmountDivisor, 1);
  assert.equal(session.total.total.amount, '¥1,200');
});

test('maps recurring prices and an unexpanded selected rate id', () => {
  const base = serverSession();
  const item = base.line_items!.data[0]!;
  const session = mapSession(
    serverSession({
      line_items: {
        data: [{ ...item, price: { ...item.price!, recurring: { interval: 'month', interval_count: 1 } } }],
      },
      shipping_options: [],
      shipping_cost: null,
    }),
    idle,
  );
  assert.deepEqual(session.lineItems[0]?.recurring, { interval: 'month', intervalCount: 1, usageType: 'licensed' });
  assert.equal(session.shipping, null);
});

test('status and canConfirm follow the session, pending actions and the Payment Element', () => {
  assert.equal(mapSession(serverSession(), idle).canConfirm, true);
  assert.equal(mapSession(serverSession(), { pending: true, paymentComplete: null }).canConfirm, false);
  assert.equal(mapSession(serverSession(), { pending: false, paymentComplete: false }).canConfirm, false);
  const complete = mapSession(serverSession({ status: 'complete', payment_status: 'paid' }), idle);
  assert.deepEqual(complete.status, { type: 'complete', paymentStatus: 'paid' });
  assert.equal(complete.canConfirm, false);
  assert.deepEqual(mapSession(serverSession({ status: 'expired' }), idle).status, { type: 'expired' });
});

test('email and shipping address come from the collected information', () => {
  const session = mapSession(
    serverSession({
      customer_email: 'a@b.co',
      collected_information: {
        shipping_details: { name: 'Ada', address: { country: 'US', line1: '1 Main', city: 'X' } },
      },
    }),
    idle,
  );
  assert.equal(session.email, 'a@b.co');
  assert.equal(session.shippingAddress?.name, 'Ada');
  assert.equal(session.shippingAddress?.address.line1, '1 Main');
});

// A one-unit line taxed at one rate: an exclusive rate adds its tax to the total, an inclusive one does not.
function taxedLine(
  id: string,
  name: string,
  amount: number,
  tax: number,
  rate: { display_name: string; percentage: number; inclusive: boolean },
) {
  return {
    id,
    description: name,
    quantity: 1,
    amount_subtotal: amount,
    amount_total: rate.inclusive ? amount : amount + tax,
    amount_tax: tax,
    price: { id: `price_${id}`, unit_amount: amount },
    taxes: [{ amount: tax, rate: { id: `txr_${id}`, ...rate } }],
  };
}
const taxed = taxedLine('li_2', 'Grinder', 10000, 825, {
  display_name: 'Sales tax',
  percentage: 8.25,
  inclusive: false,
});
const vat = taxedLine('li_3', 'Beans', 1200, 200, { display_name: 'VAT', percentage: 20, inclusive: true });

test('maps per-line and session tax amounts, exclusive and inclusive', () => {
  const session = mapSession(
    serverSession({
      line_items: { data: [taxed, vat] },
      amount_subtotal: 11200,
      amount_total: 12525,
      total_details: { amount_shipping: 500, amount_tax: 1025, amount_discount: 0 },
    }),
    idle,
  );
  assert.deepEqual(session.lineItems[0]?.taxAmounts, [
    { minorUnitsAmount: 825, amount: '$8.25', inclusive: false, displayName: 'Sales tax', percentage: 8.25 },
  ]);
  assert.deepEqual(
    [session.lineItems[1]?.taxInclusive.minorUnitsAmount, session.lineItems[1]?.taxExclusive.minorUnitsAmount],
    [200, 0],
  );
  assert.deepEqual(
    [session.total.taxExclusive.amount, session.total.taxInclusive.amount, session.total.total.amount],
    ['$8.25', '$2.00', '$125.25'],
  );
  assert.deepEqual(
    session.taxAmounts?.map((t) => [t.displayName, t.minorUnitsAmount, t.inclusive]),
    [
      ['Sales tax', 825, false],
      ['VAT', 200, true],
    ],
  );
  assert.deepEqual(session.tax, { status: 'ready' });
});

test('cannot confirm a payment session that collects shipping until it has an address and an option', () => {
  const address = {
    name: 'Ada',
    address: { line1: '1 Main St', city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
  };
  const collecting = { shipping_address_collection: { allowed_countries: ['US'] } };
  assert.equal(mapSession(serverSession({ ...collecting }), idle).canConfirm, false);
  const noOption = serverSession({
    ...collecting,
    collected_information: { shipping_details: address },
    shipping_cost: null,
    shipping_options: [],
  });
  assert.equal(mapSession(noOption, idle).canConfirm, false);
  const ready = mapSession(
    serverSession({ ...collecting, collected_information: { shipping_details: address } }),
    idle,
  );
  assert.deepEqual([ready.canConfirm, ready.shippingAddress?.address.state], [true, 'TX']);
  assert.equal(mapSession(serverSession(), idle).canConfirm, true);
});

test('maps the discount to discountAmounts, on the session and on each line', () => {
  const [line] = serverSession().line_items!.data;
  const session = mapSession(
    serverSession({
      line_items: { data: [{ ...line!, amount_discount: 300, amount_total: 2700 }] },
      amount_total: 3200,
      total_details: { amount_shipping: 500, amount_tax: 0, amount_discount: 300 },
      discounts: [
        {
          coupon: { id: 'co_1', name: '10 % off', percent_off: 10, duration: 'repeating', duration_in_months: 3 },
          promotion_code: { id: 'promo_1', code: 'WELCOME10' },
        },
      ],
    }),
    idle,
  );
  const expected = {
    minorUnitsAmount: 300,
    amount: '$3.00',
    displayName: '10 % off',
    promotionCode: 'WELCOME10',
    recurring: { type: 'repeating', durationInMonths: 3 },
    percentOff: 10,
  };
  assert.deepEqual(session.discountAmounts, [expected]);
  assert.deepEqual(session.lineItems[0]?.discountAmounts, [expected]);
  assert.deepEqual([session.total.discount.amount, session.lineItems[0]?.discount.amount], ['$3.00', '$3.00']);
  assert.equal(mapSession(serverSession(), idle).discountAmounts, null);
});

test('maps a subscription with a trial: nothing due today, the next payment and the trial in recurring', () => {
  const plan = {
    id: 'li_plan',
    description: 'Club',
    quantity: 1,
    amount_subtotal: 9000,
    amount_total: 9000,
    price: { id: 'price_year', unit_amount: 9000, recurring: { interval: 'year' as const, interval_count: 1 } },
  };
  const session = mapSession(
    serverSession({
      mode: 'subscription',
      line_items: { data: [plan] },
      amount_subtotal: 0,
      amount_total: 0,
      total_details: { amount_shipping: 0, amount_tax: 0, amount_discount: 0 },
      shipping_cost: null,
      shipping_options: [],
      subscription_data: { trial_end: 1_900_000_000, trial_period_days: 14 },
    }),
    idle,
  );
  assert.equal(session.total.total.amount, '$0.00');
  assert.deepEqual(
    [session.recurring?.interval, session.recurring?.dueNext.total.amount, session.recurring?.trial],
    ['year', '$90.00', { trialEnd: 1_900_000_000, trialPeriodDays: 14 }],
  );
  assert.equal(mapSession(serverSession(), idle).recurring, null);
});
