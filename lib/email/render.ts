// The shop's emails, each rendered once into a subject, a text body and an HTML body from the same rows, so the
// two never disagree. Pure: no I/O. Every value from an order is escaped in the HTML (a buyer's name is input).
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { addressLines, formatMoney } from '@/lib/format';

/** The name the emails sign with; a fork changes it here (and EMAIL_FROM for the sender). */
export const SHOP_NAME = 'Ember & Oak Coffee';

export type RenderedEmail = { subject: string; text: string; html: string };

type Row = [label: string, amount: string];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(subject: string, intro: string[], rows: Row[], total: Row, after: string[]): RenderedEmail {
  const width = Math.max(...[...rows, total].map(([label]) => label.length)) + 2;
  const line = ([label, amount]: Row) => `${label.padEnd(width)}${amount}`;
  const text = [
    ...intro,
    '',
    ...rows.map(line),
    '-'.repeat(width + 10),
    line(total),
    '',
    ...after,
    '',
    `— ${SHOP_NAME}`,
  ].join('\n');
  const cell = (value: string, right = false) =>
    `<td style="padding:4px 8px;${right ? 'text-align:right' : ''}">${escapeHtml(value)}</td>`;
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#2b211c">',
    ...intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    '<table style="border-collapse:collapse">',
    ...rows.map(([label, amount]) => `<tr>${cell(label)}${cell(amount, true)}</tr>`),
    `<tr style="font-weight:bold;border-top:1px solid #ccc">${cell(total[0])}${cell(total[1], true)}</tr>`,
    '</table>',
    ...after.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>— ${escapeHtml(SHOP_NAME)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

function shippingLines(shipping: CheckoutReceipt['shipping']): string[] {
  if (!shipping?.address) return [];
  return [
    'Shipping to:',
    ...[shipping.name, ...addressLines(shipping.address)].filter((part): part is string => Boolean(part)),
  ];
}

/** The order confirmation: lines, then the totals in the receipt's order (subtotal, discount, shipping, tax, total), the address. */
export function renderOrderConfirmation(orderId: number, receipt: CheckoutReceipt): RenderedEmail {
  const money = (amount: number) => formatMoney(amount, receipt.currency);
  const rows: Row[] = [
    ...receipt.items.map((item): Row => [
      `${item.quantity} × ${item.description}${item.interval ? ` (${item.interval})` : ''}`,
      money(item.amountSubtotal),
    ]),
    ['Subtotal', money(receipt.amountSubtotal)],
    ...(receipt.amountDiscount > 0 ? [['Discount', `−${money(receipt.amountDiscount)}`] as Row] : []),
    ...(receipt.mode === 'payment'
      ? [
          [
            `Shipping${receipt.shippingMethod ? ` (${receipt.shippingMethod})` : ''}`,
            money(receipt.amountShipping),
          ] as Row,
        ]
      : []),
    ...(receipt.amountTax > 0 ? [['Tax', money(receipt.amountTax)] as Row] : []),
  ];
  return render(
    `Your order #${orderId} at ${SHOP_NAME}`,
    [`Thank you for your order #${orderId}. Here is what you bought.`],
    rows,
    ['Total paid', money(receipt.amountTotal)],
    [...shippingLines(receipt.shipping), 'Reply to this email if anything is not right.'],
  );
}

export type RefundNotice = {
  orderId: number;
  currency: string;
  amount: number;
  amountRefunded: number;
  amountTotal: number;
  lines: Array<{ description: string; quantity: number }>;
};

/** The refund notice: what was refunded now, and how much of the order has been refunded in all. */
export function renderRefundNotice(notice: RefundNotice): RenderedEmail {
  const money = (amount: number) => formatMoney(amount, notice.currency);
  const rows: Row[] = notice.lines.map((line): Row => [`${line.quantity} × ${line.description}`, '']);
  return render(
    `A refund for your order #${notice.orderId} at ${SHOP_NAME}`,
    [
      `We have refunded ${money(notice.amount)} for your order #${notice.orderId}. It reaches your card in 5–10 business days.`,
    ],
    rows,
    ['Refunded now', money(notice.amount)],
    [`Refunded on this order in all: ${money(notice.amountRefunded)} of ${money(notice.amountTotal)}.`],
  );
}
