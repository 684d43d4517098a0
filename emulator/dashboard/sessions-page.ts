// The Checkout Sessions list, newest first, a page at a time as GET /v1/checkout/sessions returns them
// (`?starting_after=<id>` for the next page, as the API pages).
import type Stripe from 'stripe';
import type { DashboardDeps } from './deps';
import { html, money, pager, time, type Html } from './html';

/** Rows a page: enough to find a session by eye; a page of hundreds is slow to read, render and check. */
export const SESSIONS_PER_PAGE = 25;

export function sessionsPage(deps: DashboardDeps, query: URLSearchParams): Html {
  const after = query.get('starting_after');
  const cursor = after ? `&starting_after=${encodeURIComponent(after)}` : '';
  // The API's own JSON for this route, which the SDK types describe.
  const list = deps.readApi(
    `/v1/checkout/sessions?limit=${SESSIONS_PER_PAGE}${cursor}`,
  ) as Stripe.ApiList<Stripe.Checkout.Session>;
  if (list.data.length === 0 && !after)
    return html`<p>No Checkout Sessions yet. Open the storefront's checkout to make one.</p>`;
  const older = list.has_more ? `/?starting_after=${encodeURIComponent(list.data.at(-1)!.id)}` : null;
  return html`<table><caption>Checkout Sessions, newest first${after ? ' (older)' : ''}</caption>
<thead><tr><th scope="col">Session</th><th scope="col">Status</th><th scope="col">Payment</th><th scope="col">Mode</th>
<th scope="col">Subtotal</th><th scope="col">Total</th><th scope="col">Email</th><th scope="col">Created</th><th scope="col">Expires</th></tr></thead>
<tbody>${list.data.map(
    (
      s,
    ) => html`<tr data-session="${s.id}"><td><a href="/checkout/sessions/${encodeURIComponent(s.id)}"><code>${s.id}</code></a></td>
<td>${s.status}</td><td>${s.payment_status}</td><td>${s.mode}</td><td>${money(s.amount_subtotal, s.currency)}</td><td>${money(s.amount_total, s.currency)}</td>
<td>${s.customer_details?.email ?? s.customer_email ?? '—'}</td><td>${time(s.created)}</td><td>${time(s.expires_at)}</td></tr>`,
  )}</tbody></table>
${pager('Checkout Sessions pages', { newest: after ? '/' : null, older })}`;
}
