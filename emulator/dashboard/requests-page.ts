// The request log (GET /_emulator/requests), newest first: what the storefront asked of Stripe.
import type { DashboardDeps } from './deps';
import { html, type Html } from './html';

const SHOWN = 300;

export function requestsPage(deps: DashboardDeps): Html {
  const entries = deps.controls.log.all().reverse();
  if (entries.length === 0) return html`<p>No /v1 requests yet.</p>`;
  return html`<p>Durations are the local Stripe's own work; the latency setting is added on top of them.</p>
<table><caption>/v1 requests, newest first (${Math.min(SHOWN, entries.length)} of ${entries.length} kept)</caption>
<thead><tr><th scope="col">At</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">ms</th>
<th scope="col">Idempotency key</th><th scope="col">Request id</th></tr></thead>
<tbody>${entries.slice(0, SHOWN).map(
    (
      r,
    ) => html`<tr><td>${r.at}</td><td>${r.method}</td><td><code>${r.path}</code></td><td class="${r.status < 400 ? 'ok' : 'bad'}">${r.status}</td>
<td>${r.durationMs}</td><td><code>${r.idempotencyKey ?? ''}</code></td><td><code>${r.requestId}</code></td></tr>`,
  )}</tbody></table>`;
}
