import type { ServerSession } from '../server-session';
import type { ParamObject } from '../../core/form-encoding';
import type { CheckoutTransport } from '../transport';

// A small REST-shaped session like the local Stripe's /v1/payment_pages answer.
export function serverSession(overrides: Partial<ServerSession> = {}): ServerSession {
  return {
    id: 'cs_test_a1',
    status: 'open',
    payment_status: 'unpaid',
    mode: 'payment',
    currency: 'usd',
    amount_subtotal: 3000,
    amount_total: 3500,
    total_details: { amount_shipping: 500, amount_tax: 0, amount_discount: 0 },
    shipping_cost: { amount_total: 500, shipping_rate: 'shr_std' },
    shipping_options: [
      {
        shipping_amount: 500,
        shipping_rate: { id: 'shr_std', display_name: 'Standard', fixed_amount: { amount: 500, currency: 'usd' } },
      },
      {
        shipping_amount: 1500,
        shipping_rate: { id: 'shr_exp', display_name: 'Express', fixed_amount: { amount: 1500, currency: 'usd' } },
      },
    ],
    line_items: {
      data: [
        {
          id: 'li_1',
          description: 'T-shirt',
          quantity: 2,
          amount_subtotal: 3000,
          amount_total: 3000,
          amount_tax: 0,
          amount_discount: 0,
          price: { id: 'price_tee', unit_amount: 1500, recurring: null, product: 'prod_tee' },
          adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 },
        },
      ],
    },
    customer_email: null,
    permissions: { update_shipping_details: null },
    return_url: 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}',
    ...overrides,
  };
}

export const CLIENT_SECRET = 'cs_test_a1_secret_xyz';

// Records every call; `next` decides the answer to each.
export function fakeTransport(initial: ServerSession) {
  const calls: Array<{ op: 'get' | 'update'; params?: ParamObject }> = [];
  let current = initial;
  const transport: CheckoutTransport & { calls: typeof calls; set(s: ServerSession): void; fail?: Error } = {
    calls,
    set: (s) => {
      current = s;
    },
    async getSession() {
      calls.push({ op: 'get' });
      return current;
    },
    async updateSession(params) {
      calls.push({ op: 'update', params });
      if (transport.fail) throw transport.fail;
      return current;
    },
  };
  return transport;
}
