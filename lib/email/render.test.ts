import assert from 'node:assert/strict';
import { it } from 'node:test';
import { renderOrderConfirmation, renderRefundNotice } from '@/lib/email/render';
import { paidReceipt } from '@/lib/db/testing';

const receipt = paidReceipt('cs_test_mail', {
  items: [
    { productId: 'beans', description: 'House Blend, 340 g', quantity: 2, unitAmount: 1800 },
    { productId: 'mug', description: 'Mug <b>', quantity: 1, unitAmount: 1200 },
  ],
  amountDiscount: 480,
  amountTax: 310,
  shipping: {
    name: 'Ada <script>',
    address: { line1: '1 Pine St', line2: null, city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
  },
});

it('the confirmation lists the lines, then the totals in the receipt order, the address and the order number', () => {
  const email = renderOrderConfirmation(42, receipt);
  assert.match(email.subject, /#42/);
  const order = [
    '2 × House Blend, 340 g',
    '1 × Mug <b>',
    'Subtotal',
    'Discount',
    'Shipping (Standard shipping)',
    'Tax',
    'Total paid',
    'Portland, OR 97201',
    'United States',
  ];
  const positions = order.map((text) => email.text.indexOf(text));
  assert.deepEqual(
    order.filter((_, i) => positions[i] === -1),
    [],
    'every part is there',
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
  );
  assert.match(email.text, /Total paid\s+\$[\d.,]+/);
  assert.match(email.text, /Subtotal\s+\$48\.00/);
  assert.ok(email.text.includes('−$4.80') && email.text.includes('$3.10'));
  assert.ok(
    email.html.includes('Mug &#60;b&#62;') && !email.html.includes('<script>'),
    'values are escaped in the HTML',
  );
  assert.ok(email.html.includes('#42'));
});

it('a plan confirmation has no shipping line, and the refund notice says what came back and in all', () => {
  const plan = renderOrderConfirmation(7, { ...receipt, mode: 'subscription', shipping: null });
  assert.ok(!plan.text.includes('Shipping'));
  const notice = renderRefundNotice({
    orderId: 7,
    currency: 'usd',
    amount: 1200,
    amountRefunded: 1200,
    amountTotal: 5000,
    lines: [{ description: 'Mug', quantity: 1 }],
  });
  assert.match(notice.text, /Refunded now\s+\$12\.00/);
  assert.match(notice.text, /\$12\.00 of \$50\.00/);
  assert.match(notice.html, /1 × Mug/);
});
