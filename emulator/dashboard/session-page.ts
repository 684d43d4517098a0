// One Checkout Session: its amounts, line items, discounts, shipping and metadata as the API returns them,
// then its events with every webhook delivery attempt and a button to redeliver each event.
import type Stripe from 'stripe';
import type { DeliveryAttempt } from '../webhooks/deliveries';
import type { DashboardDeps } from './deps';
import { html, money, pairs, time, type Html } from './html';

/** How many events (newest first) the page looks through for this session's: a bound, not a promise. */
const EVENTS_SCANNED = 1000;

// The API's own JSON for these routes, which the SDK types describe.
type List<T> = Stripe.ApiList<T>;

export function sessionPage(deps: DashboardDeps, id: string): Html {
  const s = deps.readApi(`/v1/checkout/sessions/${encodeURIComponent(id)}`) as Stripe.Checkout.Session;
  const items = deps.readApi(
    `/v1/checkout/sessions/${encodeURIComponent(id)}/line_items?limit=100`,
  ) as List<Stripe.LineItem>;
  const events = eventsOf(deps, s);
  const cur = s.currency;
  return html`<dl>
<dt>Id</dt><dd><code>${s.id}</code></dd><dt>Status</dt><dd data-testid="session-status">${s.status}</dd><dt>Payment status</dt><dd>${s.payment_status}</dd>
<dt>Mode</dt><dd>${s.mode}</dd><dt>UI mode</dt><dd>${s.ui_mode}</dd><dt>Created</dt><dd>${time(s.created)}</dd><dt>Expires</dt><dd>${time(s.expires_at)}</dd>
<dt>Email</dt><dd>${s.customer_details?.email ?? s.customer_email ?? '—'}</dd><dt>Customer</dt><dd>${typeof s.customer === 'string' ? s.customer : '—'}</dd>
<dt>Payment intent</dt><dd>${typeof s.payment_intent === 'string' ? s.payment_intent : '—'}</dd><dt>Subscription</dt><dd>${typeof s.subscription === 'string' ? s.subscription : '—'}</dd>
<dt>Subtotal</dt><dd>${money(s.amount_subtotal, cur)}</dd><dt>Discount</dt><dd>${money(s.total_details?.amount_discount, cur)}</dd>
<dt>Shipping</dt><dd>${money(s.total_details?.amount_shipping, cur)}</dd><dt>Tax</dt><dd>${money(s.total_details?.amount_tax, cur)}</dd>
<dt>Total</dt><dd data-testid="session-total">${money(s.amount_total, cur)}</dd></dl>
<h2>Line items</h2>${lineItems(items, cur)}
<h2>Discounts</h2>${discounts(s)}
<h2>Shipping</h2>${shipping(s)}
<h2>Metadata</h2>${pairs('Session metadata', s.metadata)}
<h2 id="events">Events and webhook deliveries</h2>${events.length === 0 ? html`<p>No events yet.</p>` : events.map((event) => eventSection(deps, event, s.id))}`;
}

function lineItems(items: List<Stripe.LineItem>, currency: string | null): Html {
  if (items.data.length === 0) return html`<p>No line items.</p>`;
  return html`<table><caption>Line items</caption><thead><tr><th scope="col">Item</th><th scope="col">Price</th><th scope="col">Quantity</th>
<th scope="col">Subtotal</th><th scope="col">Discount</th><th scope="col">Tax</th><th scope="col">Total</th><th scope="col">Metadata</th></tr></thead>
<tbody>${items.data.map(
    (
      item,
    ) => html`<tr><td>${item.description}</td><td><code>${item.price?.id}</code> ${money(item.price?.unit_amount, currency)}</td><td>${item.quantity}</td>
<td>${money(item.amount_subtotal, currency)}</td><td>${money(item.amount_discount, currency)}</td><td>${money(item.amount_tax, currency)}</td>
<td>${money(item.amount_total, currency)}</td><td>${Object.entries(item.metadata ?? {}).map(([k, v]) => html`<code>${k}</code>=${v} `)}</td></tr>`,
  )}</tbody></table>`;
}

function discounts(s: Stripe.Checkout.Session): Html {
  const applied = s.discounts ?? [];
  if (applied.length === 0) return html`<p>No discount.</p>`;
  const name = (value: unknown) => (typeof value === 'string' ? value : ((value as { id?: string } | null)?.id ?? '—'));
  return html`<ul>${applied.map((d) => html`<li>Coupon <code>${name(d.coupon)}</code>${d.promotion_code ? html`, promotion code <code>${name(d.promotion_code)}</code>` : ''}</li>`)}</ul>`;
}

function shipping(s: Stripe.Checkout.Session): Html {
  const details = s.collected_information?.shipping_details;
  const address = details?.address;
  const to = address
    ? html`<p>To ${details.name}: ${[address.line1, address.line2, address.city, address.state, address.postal_code, address.country].filter(Boolean).join(', ')}</p>`
    : html`<p>No shipping address.</p>`;
  const cost = s.shipping_cost;
  const chosen = cost
    ? html`<p>Option <code>${typeof cost.shipping_rate === 'string' ? cost.shipping_rate : cost.shipping_rate?.id}</code>: ${money(cost.amount_total, s.currency)}</p>`
    : '';
  const offered = (s.shipping_options ?? []).map(
    (o) =>
      html`<li><code>${typeof o.shipping_rate === 'string' ? o.shipping_rate : o.shipping_rate.id}</code> ${money(o.shipping_amount, s.currency)}</li>`,
  );
  return html`${to}${chosen}${offered.length ? html`<p>Options offered:</p><ul>${offered}</ul>` : ''}`;
}

/** The events about this session or the objects it made (its PaymentIntent, Subscription, Invoice), oldest first. */
function eventsOf(deps: DashboardDeps, s: Stripe.Checkout.Session): Stripe.Event[] {
  const related = new Set(
    [s.id, s.payment_intent, s.subscription, s.invoice].filter((id): id is string => typeof id === 'string'),
  );
  const found: Stripe.Event[] = [];
  let after: string | undefined;
  for (let scanned = 0; scanned < EVENTS_SCANNED;) {
    const page = deps.readApi(
      `/v1/events?limit=100${after ? `&starting_after=${encodeURIComponent(after)}` : ''}`,
    ) as List<Stripe.Event>;
    found.push(...page.data.filter((event) => related.has((event.data.object as { id?: string }).id ?? '')));
    scanned += page.data.length;
    after = page.data.at(-1)?.id;
    if (!page.has_more || !after) break;
  }
  return found.reverse();
}

function eventSection(deps: DashboardDeps, event: Stripe.Event, sessionId: string): Html {
  const attempts = deps.controls.deliveries.of(event.id);
  return html`<section aria-labelledby="${event.id}" data-event="${event.id}"><h3 id="${event.id}"><code>${event.type}</code> <small>${event.id} · ${time(event.created)} · pending webhooks: ${event.pending_webhooks}</small></h3>
${
  attempts.length === 0 && event.pending_webhooks === 0
    ? html`<p>No delivery attempts (no endpoint listened to this event).</p>`
    : html`${attempts.length === 0 ? html`<p>No delivery attempts yet.</p>` : deliveryTable(event.id, attempts)}
<form method="post" action="/events/${encodeURIComponent(event.id)}/redeliver"><input type="hidden" name="session" value="${sessionId}">
<button type="submit" aria-label="Redeliver ${event.type} (${event.id})">Redeliver</button></form>`
}</section>`;
}

function deliveryTable(eventId: string, attempts: DeliveryAttempt[]): Html {
  return html`<table data-testid="deliveries"><caption>Deliveries of ${eventId}</caption><thead><tr><th scope="col">At</th><th scope="col">Endpoint</th>
<th scope="col">Attempt</th><th scope="col">Result</th><th scope="col">Response code</th><th scope="col">Error</th></tr></thead>
<tbody>${attempts.map(
    (
      a,
    ) => html`<tr data-testid="delivery"><td>${a.at}</td><td><code>${a.url}</code></td><td>${a.attempt}${a.redelivery ? ' (redelivery)' : ''}</td>
<td class="${a.ok ? 'ok' : 'bad'}">${a.ok ? 'Succeeded' : 'Failed'}</td><td>${a.status ?? '—'}</td><td>${a.error ?? ''}</td></tr>`,
  )}</tbody></table>`;
}
