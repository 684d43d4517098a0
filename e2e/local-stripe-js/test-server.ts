import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Stripe from 'stripe';

export type TestShop = { url: string; close(): Promise<void> };

// Bundles the test page like a storefront would (React in production mode).
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'test-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// A tiny merchant: GET /checkout?session=…[&shipping=1] renders the page with the local Stripe.js loaded
// from the local Stripe's origin; POST /update?session=… adds a gift on the server through the stripe
// SDK; POST /shipping?session=… sets the address, one shipping option and the tax rate of every line.
export async function startTestShop(opts: {
  stripe: Stripe;
  stripeOrigin: string;
  publishableKey: string;
  giftPrice: string;
  shippingRate: string;
  taxRate: string;
  secrets: Map<string, string>;
}): Promise<TestShop> {
  const appJs = await bundlePage();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const session = url.searchParams.get('session') ?? '';
    try {
      if (req.method === 'GET' && url.pathname === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(appJs);
      } else if (req.method === 'GET' && url.pathname === '/checkout') {
        const config = {
          publishableKey: opts.publishableKey,
          clientSecret: opts.secrets.get(session),
          sessionId: session,
          shipping: url.searchParams.get('shipping') === '1',
        };
        res.writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html><html lang="en"><head><title>Test checkout</title>
<script src="${opts.stripeOrigin}/v3/stripe.js"></script>
<script>window.PAGE_CONFIG = ${JSON.stringify(config)};</script></head>
<body><div id="root"></div><script src="/app.js"></script></body></html>`);
      } else if (req.method === 'POST' && url.pathname === '/update') {
        const current = await opts.stripe.checkout.sessions.listLineItems(session);
        await opts.stripe.checkout.sessions.update(session, {
          line_items: [...current.data.map((item) => ({ id: item.id })), { price: opts.giftPrice, quantity: 1 }],
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"success"}');
      } else if (req.method === 'POST' && url.pathname === '/shipping') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const details = JSON.parse(
          Buffer.concat(chunks).toString('utf8'),
        ) as Stripe.Checkout.SessionUpdateParams.CollectedInformation.ShippingDetails;
        const current = await opts.stripe.checkout.sessions.listLineItems(session);
        await opts.stripe.checkout.sessions.update(session, {
          collected_information: { shipping_details: { name: details.name, address: details.address } },
          shipping_options: [{ shipping_rate: opts.shippingRate }],
          line_items: current.data.map((item) => ({ id: item.id, tax_rates: [opts.taxRate] })),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"success"}');
      } else if (req.method === 'GET' && url.pathname === '/return') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Thanks</title><h1>Thanks for your order</h1>');
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
