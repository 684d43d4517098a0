// The buyer-side API Stripe.js calls with a publishable key (the contract of the local Stripe.js):
//   GET  /v1/payment_pages/:id?client_secret=…          the session view
//   POST /v1/payment_pages/:id                            email, shipping_rate, line item quantities,
//                                                         shipping_details, promotion_code
//   POST /v1/payment_pages/:id/confirm                    pay with a test card, complete the session
// Each validates the whole request before changing anything.
import { str } from '../http/params';
import { route, type Route } from '../http/router';
import { CONFIRM_FIELDS, confirmSession } from './confirm';
import { BUYER_UPDATE_FIELDS, updatePaymentPage } from './update';
import { clientView, loadWithSecret } from './view';

export const paymentPageRoutes: Route[] = [
  route({
    method: 'GET',
    pattern: '/v1/payment_pages/:id',
    auth: 'publishable',
    params: { client_secret: str({ required: true }) },
    handle: (ctx, params, path) => clientView(ctx, loadWithSecret(ctx, path.id ?? '', params.client_secret)),
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_pages/:id',
    auth: 'publishable',
    params: BUYER_UPDATE_FIELDS,
    handle: (ctx, params, path) => updatePaymentPage(ctx, params, path.id ?? ''),
  }),
  route({
    method: 'POST',
    pattern: '/v1/payment_pages/:id/confirm',
    auth: 'publishable',
    params: CONFIRM_FIELDS,
    handle: (ctx, params, path) => confirmSession(ctx, params, path.id ?? ''),
  }),
];
