// The request log (GET /_emulator/requests), newest first, a page at a time: what the storefront asked of
// Stripe. `?older_than=<request id>` is the next page, as a cursor: new requests do not shift it.
import type { DashboardDeps } from './deps';
import { html, pager, type Html } from './html';

/** Rows a page (see SESSIONS_PER_PAGE). */
export const REQUESTS_PER_PAGE = 50;

export function requestsPage(deps: DashboardDeps, query: URLSearchParams): Html {
  const entries = deps.controls.log.all().reverse();
  if (entries.length === 0) return html`<p>No /v1 requests yet.</p>`;
  const olderThan = query.get('older_than');
  const from = olderThan ? entries.findIndex((entry) => entry.requestId === olderThan) + 1 : 0;
  if (olderThan && from === 0)
    return html`<p>Request <code>${olderThan}</code> has left the log, which keeps the newest ${entries.length}.</p>
<p><a href="/requests">The newest requests</a></p>`;
  const shown = entries.slice(from, from + REQUESTS_PER_PAGE);
  const last = from + shown.length;
  const older = last < entries.length ? `/requests?older_than=${encodeURIComponent(shown.at(-1)!.requestId)}` : null;
  return html`<p>Durations are the local Stripe's own work; the latency setting is added on top of them.</p>
<table><caption>/v1 requests, newest first (${from + 1}–${last} of ${entries.length} kept)</caption>
<thead><tr><th scope="col">At</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">ms</th>
<th scope="col">Idempotency key</th><th scope="col">Request id</th></tr></thead>
<tbody>${shown.map(
    (
      r,
    ) => html`<tr><td>${r.at}</td><td>${r.method}</td><td><code>${r.path}</code></td><td class="${r.status < 400 ? 'ok' : 'bad'}">${r.status}</td>
<td>${r.durationMs}</td><td><code>${r.idempotencyKey ?? ''}</code></td><td><code>${r.requestId}</code></td></tr>`,
  )}</tbody></table>
${pager('Request log pages', { newest: from > 0 ? '/requests' : null, older })}`;
}
