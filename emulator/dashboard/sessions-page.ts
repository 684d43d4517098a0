// The Checkout Sessions list: the newest 100, as GET /v1/checkout/sessions returns them.
import type Stripe from 'stripe';
import type { DashboardDeps } from './deps';
import { html, money, time, type Html } from './html';

export function sessionsPage(deps: DashboardDeps): Html {
  // The API's own JSON for this route, which the SDK types describe.
  const list = deps.readApi('/v1/checkout/sessions?limit=100') as Stripe.ApiList<Stripe.Checkout.Session>;
  if (list.data.length === 0) return html`<p>No Checkout Sessions yet. Open the storefront's checkout to make one.</p>`;
  return html`<table><caption>Checkout Sessions, newest first${list.has_more ? ' (the newest 100)' : ''}</caption>
<thead><tr><th scope="col">Session</th><th scope="col">Status</th><th scope="col">Payment</th><th scope="col">Mode</th>
<th scope="col">Subtotal</th><th scope="col">Total</th><th scope="col">Email</th><th scope="col">Created</th><th scope="col">Expires</th></tr></thead>
<tbody>${list.data.map(
    (
      s,
    ) => html`<tr data-session="${s.id}"><td><a href="/checkout/sessions/${encodeURIComponent(s.id)}"><code>${s.id}</code></a></td>
<td>${s.status}</td><td>${s.payment_status}</td><td>${s.mode}</td><td>${money(s.amount_subtotal, s.currency)}</td><td>${money(s.amount_total, s.currency)}</td>
<td>${s.customer_details?.email ?? s.customer_email ?? '—'}</td><td>${time(s.created)}</td><td>${time(s.expires_at)}</td></tr>`,
  )}</tbody></table>`;
}
