// The controls as forms: faults armed (arm one, clear them), the clock (advance it), the latency (set it)
// and a reset. Each form POSTs to the dashboard, which calls the /_emulator control of the same name.
import { FAULT_KINDS } from '../http/faults';
import type { DashboardDeps } from './deps';
import { html, type Html } from './html';

export function controlsPage(deps: DashboardDeps): Html {
  const faults = deps.controls.faults.list();
  const latency = deps.controls.latency.toJSON();
  return html`<h2>Faults</h2>
${
  faults.length === 0
    ? html`<p data-testid="no-faults">No faults armed.</p>`
    : html`<table data-testid="faults"><caption>Armed faults (the next matching /v1 requests fail)</caption><thead><tr><th scope="col">Method</th><th scope="col">Path</th>
<th scope="col">Remaining</th><th scope="col">Kind</th><th scope="col">Delay (ms)</th></tr></thead>
<tbody>${faults.map((f) => html`<tr><td>${f.method}</td><td><code>${f.path}</code></td><td>${f.count}</td><td>${f.kind}</td><td>${f.delayMs ?? ''}</td></tr>`)}</tbody></table>
<form method="post" action="/controls/faults/clear"><button type="submit" class="danger">Clear all faults</button></form>`
}
<form method="post" action="/controls/faults"><fieldset><legend>Arm a fault</legend>
<label>Method <select name="method">${['POST', 'GET', 'DELETE'].map((m) => html`<option>${m}</option>`)}</select></label>
<label>Path <input name="path" required value="/v1/checkout/sessions/*" size="32"></label>
<label>Count <input name="count" type="number" min="1" value="1" required></label>
<label>Kind <select name="kind">${FAULT_KINDS.map((k) => html`<option>${k}</option>`)}</select></label>
<label>Delay (ms, for delay) <input name="delayMs" type="number" min="0" placeholder="1000"></label>
<button type="submit">Arm</button></fieldset></form>
<h2>Clock</h2><p>The emulator's time is <strong>${new Date(deps.nowMs()).toISOString()}</strong>. Advancing it expires the sessions whose time is up.</p>
<form method="post" action="/controls/clock"><fieldset><legend>Advance the clock</legend>
<label>Seconds <input name="seconds" type="number" min="0" value="3600" required></label><button type="submit">Advance</button></fieldset></form>
<h2>Latency</h2><p>Every /v1 answer waits <strong data-testid="latency-setting">${latency.description}</strong> (seed ${latency.seed}).</p>
<form method="post" action="/controls/latency"><fieldset><legend>Set the latency</legend>
<label>Milliseconds, or a range like 150-400 <input name="ms" value="${latency.ms}" required pattern="\\d+(-\\d+)?"></label><button type="submit">Set</button></fieldset></form>
<h2>Reset</h2><p>Forgets every object, event, idempotency key, logged request and delivery, the faults and the clock offset (the latency stays). The storefront's catalog is gone until it is seeded again (restart <code>npm run dev</code>).</p>
<form method="post" action="/controls/reset"><button type="submit" class="danger">Reset the local Stripe</button></form>`;
}
