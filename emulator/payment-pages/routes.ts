// The buyer-side API Stripe.js calls with a publishable key (the contract of the local Stripe.js):
//   GET  /v1/payment_pages/:id?client_secret=…          the session view
//   POST /v1/payment_pages/:id                            email, shipping_rate, line item quantities,
//                                                         shipping_details, promotion_code
//   POST /v1/payment_pages/:id/confirm                    pay with a test card, complete the session
// Each validates the whole request before changing anything.
import { str } from '../http/params';
import type { Route } from '../http/router';
import { confirmSession, CONFIRM_PARAMS } from './confirm';
import { UPDATE_PARAMS, updatePaymentPage } from './update';
import { clientView, loadWithSecret } from './view';

export const paymentPageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/payment_pages/:id',
    auth: 'publishable',
    params: { client_secret: str({ required: true }) },
    handle: (ctx, p, path) => clientView(ctx, loadWithSecret(ctx, path.id ?? '', p.client_secret)),
  },
  { method: 'POST', pattern: '/v1/payment_pages/:id', auth: 'publishable', params: UPDATE_PARAMS, handle: (ctx, p, path) => updatePaymentPage(ctx, p, path.id ?? '') },
  {
    method: 'POST',
    pattern: '/v1/payment_pages/:id/confirm',
    auth: 'publishable',
    params: CONFIRM_PARAMS,
    handle: (ctx, p, path) => confirmSession(ctx, p, path.id ?? ''),
  },
];
