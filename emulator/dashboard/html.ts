// HTML for the dashboard, built with one tagged template that escapes every interpolated value: only
// another `html` fragment (or an array of them) goes in unescaped, so a session's metadata, an email or
// a URL can never become markup.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(
    strings.reduce(
      (out, text, index) => out + text + (index < values.length ? render(values[index] as Value) : ''),
      '',
    ),
  );
}

/** A money amount in the currency's minor unit, shown as Stripe's Dashboard shows it ($12.50, ¥500). */
export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  if (!currency) return String(amount);
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A Unix timestamp as UTC, to the second. */
export function time(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  return new Date(seconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** A key → value table (metadata), or a dash when empty. */
export function pairs(caption: string, values: Record<string, string> | null | undefined): Html {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return html`<p>${caption}: none.</p>`;
  return html`<table><caption>${caption}</caption><thead><tr><th scope="col">Key</th><th scope="col">Value</th></tr></thead>
<tbody>${entries.map(([key, value]) => html`<tr><td><code>${key}</code></td><td>${value}</td></tr>`)}</tbody></table>`;
}

/** The links between a list's pages: back to the newest, and on to older rows; nothing when there is one page. */
export function pager(label: string, links: { newest: string | null; older: string | null }): Html {
  if (!links.newest && !links.older) return html``;
  return html`<nav aria-label="${label}" class="pager">${links.newest ? html`<a href="${links.newest}">Newest</a>` : ''}
${links.older ? html`<a href="${links.older}" rel="next">Older</a>` : ''}</nav>`;
}
