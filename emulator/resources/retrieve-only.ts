// Objects a completed Checkout Session creates, which the storefront only reads back:
// payment intents, subscriptions, invoices.
import { notFound } from '../core/errors';
import type { TableName } from '../core/store';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';

function byId(pattern: string, table: TableName, what: string): Route {
  return retrieveRoute(pattern, (ctx, id) => {
    const found = ctx.store.get(table, id);
    if (!found) throw notFound(what, id);
    return found;
  });
}

export const retrieveOnlyRoutes: Route[] = [
  byId('/v1/payment_intents/:id', 'payment_intent', 'payment_intent'),
  byId('/v1/subscriptions/:id', 'subscription', 'subscription'),
  byId('/v1/invoices/:id', 'invoice', 'invoice'),
];
