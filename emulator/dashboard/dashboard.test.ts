// The dashboard over real HTTP: its pages show what the API holds (escaped), its forms change the local
// Stripe through the controls, and a form from another site changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  paySession,
  seedCatalog,
  startLocalStripe,
  startWebhookReceiver,
} from '../test-helpers';
import { REQUESTS_PER_PAGE } from './requests-page';
import { SESSIONS_PER_PAGE } from './sessions-page';

let h: Harness;
let c: Catalog;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let paid: Stripe.Checkout.Session;
const HOSTILE = '<script>alert("x")</script>';

before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
  receiver = await startWebhookReceiver();
  await h.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['checkout.session.completed'] });
  paid = await createPaymentSession(h.stripe, {
    line_items: [{ price: c.tee.id, quantity: 2 }],
    metadata: { note: HOSTILE, cart: 'c_1' },
  });
  assert.equal((await paySession(h, paid)).status, 200);
  await until(() => receiver.received.length === 1);
});
after(async () => {
  await h.close();
  receiver.close();
});

async function until(done: () => boolean) {
  for (let tries = 0; tries < 200 && !done(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(done(), 'timed out waiting');
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${h.url}${path}`, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
};
/** A form post as the dashboard's own page sends it (or, with other headers, as another site would). */
const post = async (
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { Origin: h.url, 'Sec-Fetch-Site': 'same-origin' },
) => {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
};
const deliveryRows = (page: string) => page.match(/data-testid="delivery"/g)?.length ?? 0;

describe('the dashboard pages', () => {
  it('lists the session at the root, with its status and total', async () => {
    const { status, text, headers } = await get('/');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^text\/html/);
    assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.ok(text.includes(`data-session="${paid.id}"`));
    assert.match(
      text,
      new RegExp(`${paid.id}[\\s\\S]*?<td>complete</td><td>paid</td><td>payment</td><td>\\$50\\.00</td>`),
    );
  });

  it('shows a session: line items, metadata escaped, the completion event and its delivery', async () => {
    const { status, text } = await get(`/checkout/sessions/${paid.id}`);
    assert.equal(status, 200);
    assert.match(text, /<td>Tee<\/td>/);
    assert.ok(
      text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'),
      'the metadata value is shown, escaped',
    );
    assert.ok(!text.includes(HOSTILE), 'never as markup');
    assert.match(text, /checkout\.session\.completed/);
    assert.equal(deliveryRows(text), 1);
    assert.match(text, /class="ok">Succeeded<\/td><td>200<\/td>/);
  });

  it('shows the discount and the shipping options of a session', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const s = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.mug.id, quantity: 1 }],
      discounts: [{ coupon: coupon.id }],
      shipping_options: [{ shipping_rate: c.ground.id }],
    });
    const { text } = await get(`/checkout/sessions/${s.id}`);
    assert.ok(text.includes(`Coupon <code>${coupon.id}</code>`));
    assert.ok(text.includes(`<code>${c.ground.id}</code> $5.00`));
    assert.match(text, /<dt>Discount<\/dt><dd>\$1\.30<\/dd>/);
  });

  it('answers 404 for an unknown session and 403 for a foreign Host', async () => {
    const missing = await get('/checkout/sessions/cs_test_nope');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /No such checkout\.session/);
    // fetch will not send another Host: ask in-process, as a page on a name rebound to 127.0.0.1 would.
    const rebound = await h.local.handle({
      method: 'GET',
      path: '/',
      headers: { host: 'attacker.example:80' },
      body: '',
    });
    assert.equal(rebound.status, 403);
    assert.ok(!rebound.body.includes(paid.id));
  });
});

describe('the dashboard lists, a page at a time', () => {
  /** The ids in a page's rows (data-session) or code cells matching `pattern`, in page order. */
  const idsIn = (page: string, pattern: RegExp) => [...page.matchAll(pattern)].map((match) => match[1]!);
  const olderLink = (page: string) => /<a href="([^"]+)" rel="next">Older<\/a>/.exec(page)?.[1]?.replace(/&amp;/g, '&');

  it("sessions: the newest page, then older ones through the cursor, each session once, in the API's order", async () => {
    const more = SESSIONS_PER_PAGE + 3;
    for (let i = 0; i < more; i++)
      await createPaymentSession(h.stripe, { line_items: [{ price: c.mug.id, quantity: 1 }] });
    const expected = (await h.stripe.checkout.sessions.list({ limit: 100 })).data.map((s) => s.id);
    const seen: string[] = [];
    let path: string | undefined = '/';
    for (let pages = 0; path && pages < 10; pages++) {
      const { status, text } = await get(path);
      assert.equal(status, 200);
      const ids = idsIn(text, /data-session="(cs_\w+)"/g);
      assert.ok(ids.length <= SESSIONS_PER_PAGE);
      seen.push(...ids);
      path = olderLink(text);
    }
    assert.deepEqual(seen, expected);
    assert.match((await get(`/?starting_after=${expected[0]}`)).text, /<a href="\/">Newest<\/a>/);
    const gone = await get('/?starting_after=cs_test_gone');
    assert.equal(gone.status, 404);
    assert.match(gone.text, /role="alert">No such checkout\.session: &#39;cs_test_gone&#39;/);
  });

  it('requests: the newest page, then older ones by request id, each request once', async () => {
    for (let i = 0; i < REQUESTS_PER_PAGE + 5; i++) await h.stripe.checkout.sessions.retrieve(paid.id);
    const kept = ((await h.control('GET', '/_emulator/requests')) as { data: { requestId: string }[] }).data;
    const seen: string[] = [];
    let path: string | undefined = '/requests';
    for (let pages = 0; path && pages < 20; pages++) {
      const text: string = (await get(path)).text;
      seen.push(...idsIn(text, /<code>(req_\w+)<\/code>/g));
      path = olderLink(text);
    }
    // The page views are not /v1 requests: the log is what it was, newest first.
    assert.deepEqual(seen, kept.map((entry) => entry.requestId).reverse());
    const gone = await get('/requests?older_than=req_gone');
    assert.equal(gone.status, 200);
    assert.match(gone.text, /Request <code>req_gone<\/code> has left the log/);
  });
});

describe('the dashboard forms', () => {
  it('redeliver sends the same event again and the page shows a second delivery', async () => {
    const completed = await h.stripe.events.list({ type: 'checkout.session.completed' });
    const eventId = completed.data.find((event) => (event.data.object as { id: string }).id === paid.id)?.id ?? '';
    assert.ok((await get(`/checkout/sessions/${paid.id}`)).text.includes(`action="/events/${eventId}/redeliver"`));
    const res = await post(`/events/${eventId}/redeliver`, { session: paid.id });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/checkout/sessions/${paid.id}#events`);
    assert.deepEqual(receiver.received, [eventId, eventId], 'the receiver got the same event id twice');
    const after = await get(`/checkout/sessions/${paid.id}`);
    assert.equal(deliveryRows(after.text), 2);
    assert.match(after.text, /1 \(redelivery\)/);
  });

  it('refuses a cross-site post (Origin or Sec-Fetch-Site) and changes nothing', async () => {
    const before = (await h.control('GET', '/_emulator/latency')).ms;
    const foreign = await post('/controls/latency', { ms: '999' }, { Origin: 'http://evil.example' });
    assert.equal(foreign.status, 403);
    const crossSite = await post('/controls/reset', {}, { 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(crossSite.status, 403);
    assert.equal((await h.control('GET', '/_emulator/latency')).ms, before);
    assert.equal((await get(`/checkout/sessions/${paid.id}`)).status, 200, 'the reset did not run');
  });

  it('arms and clears a fault, advances the clock and sets the latency', async () => {
    const armed = await post('/controls/faults', {
      method: 'POST',
      path: '/v1/checkout/sessions/*',
      count: '2',
      kind: 'error_500',
      delayMs: '',
    });
    assert.equal(armed.status, 303);
    assert.match(
      (await get('/controls')).text,
      /<td>POST<\/td><td><code>\/v1\/checkout\/sessions\/\*<\/code><\/td><td>2<\/td><td>error_500<\/td>/,
    );
    assert.equal((await post('/controls/faults/clear', {})).status, 303);
    assert.match((await get('/controls')).text, /No faults armed/);

    const { now } = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })) as { now: number };
    assert.equal((await post('/controls/clock', { seconds: '7200' })).status, 303);
    const { now: later } = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })) as { now: number };
    assert.ok(later - now >= 7200 && later - now < 7300);

    assert.equal((await post('/controls/latency', { ms: '5-10' })).status, 303);
    assert.equal((await h.control('GET', '/_emulator/latency')).ms, '5-10');
    assert.match((await get('/controls')).text, /data-testid="latency">5-10 ms</);
    const bad = await post('/controls/latency', { ms: 'slow' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /role="alert">The latency must be milliseconds/);
    await h.control('POST', '/_emulator/latency', { ms: 0 });
  });

  it('reset empties the local Stripe', async () => {
    assert.equal((await post('/controls/reset', {})).location, '/');
    assert.match((await get('/')).text, /No Checkout Sessions yet/);
  });
});
