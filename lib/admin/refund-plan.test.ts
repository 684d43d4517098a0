import assert from 'node:assert/strict';
import { it } from 'node:test';
import { planRefund, RefundPlanError, unitsAmount, type RefundableOrder } from '@/lib/admin/refund-plan';

const order = (refunded = { a: 0, b: 0, amount: 0 }): RefundableOrder => ({
  amountTotal: 3 * 1000 + 1299 + 600,
  amountRefunded: refunded.amount,
  lines: [
    { position: 0, description: 'Beans', quantity: 3, amountTotal: 1000, refundedUnits: refunded.a },
    { position: 1, description: 'Mug', quantity: 1, amountTotal: 1299, refundedUnits: refunded.b },
  ],
});

it('units of a line add up to exactly its total, however they are split', () => {
  const line = { quantity: 3, amountTotal: 1000 };
  const oneByOne = [0, 1, 2].map((from) => unitsAmount(line, from, 1));
  assert.equal(
    oneByOne.reduce((a, b) => a + b, 0),
    1000,
  );
  assert.equal(unitsAmount(line, 0, 2) + unitsAmount(line, 2, 1), 1000);
});

it('a line refund gives back what was charged for its units', () => {
  assert.deepEqual(planRefund(order(), { kind: 'lines', lines: [{ position: 1, quantity: 1 }] }), {
    amount: 1299,
    lines: [{ position: 1, quantity: 1 }],
  });
  assert.equal(planRefund(order(), { kind: 'lines', lines: [{ position: 0, quantity: 2 }] }).amount, 666);
});

it('a whole-order refund gives back what is left, shipping included, and the units not yet refunded', () => {
  const plan = planRefund(order({ a: 0, b: 1, amount: 1299 }), { kind: 'order' });
  assert.deepEqual(plan, { amount: 3000 + 600, lines: [{ position: 0, quantity: 3 }] });
});

const table: Array<[string, RefundableOrder, Parameters<typeof planRefund>[1], RegExp]> = [
  ['nothing chosen', order(), { kind: 'lines', lines: [{ position: 0, quantity: 0 }] }, /at least one/],
  [
    'more units than are left',
    order({ a: 2, b: 0, amount: 666 }),
    { kind: 'lines', lines: [{ position: 0, quantity: 2 }] },
    /Only 1 of/,
  ],
  ['an unknown line', order(), { kind: 'lines', lines: [{ position: 7, quantity: 1 }] }, /not on this order/],
  ['a refunded order', order({ a: 3, b: 1, amount: 4899 }), { kind: 'order' }, /in full already/],
  [
    'more than is left after a Dashboard refund',
    order({ a: 0, b: 0, amount: 4500 }),
    { kind: 'lines', lines: [{ position: 1, quantity: 1 }] },
    /more than is left/,
  ],
];
for (const [name, given, request, message] of table) {
  it(`refuses ${name}`, () =>
    assert.throws(
      () => planRefund(given, request),
      (error: Error) => error instanceof RefundPlanError && message.test(error.message),
    ));
}

it("a refund's lines and restock survive the trip through Stripe's metadata; junk reads as none", async () => {
  const { refundFromMetadata, refundMetadata } = await import('@/lib/admin/refund-plan');
  const plan = {
    amount: 1299,
    lines: [
      { position: 1, quantity: 1 },
      { position: 0, quantity: 2 },
    ],
  };
  assert.deepEqual(refundFromMetadata(refundMetadata(7, plan, true)), { lines: plan.lines, restock: true });
  assert.deepEqual(refundFromMetadata({ lines: '1x; drop table', restock: 'true' }), { lines: [], restock: false });
  assert.deepEqual(refundFromMetadata(null), { lines: [], restock: false });
});
