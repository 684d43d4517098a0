// First-load JS of the storefront's pages beside a bare Next.js page of the bench build: the gzip bytes
// (node:zlib, level 9) of every script chunk a page's HTML references, fetched from the running server.
// Next 16's build no longer prints these sizes.
import { gzipSync } from 'node:zlib';
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { BENCH_ROUTES } from './bench-build';

const PLAN = PLANS[0]!; // the catalog's first plan

const PAGES = [
  { name: 'bare Next.js page (bench build only)', path: BENCH_ROUTES.barePage },
  { name: '/', path: '/' },
  { name: '/checkout', path: planCheckoutPath(PLAN.id, 'monthly') },
];

async function firstLoadGzip(base: string, path: string): Promise<{ bytes: number; chunks: number }> {
  const page = await fetch(`${base}${path}`);
  if (!page.ok) throw new Error(`${path} answered ${page.status}`);
  const html = await page.text();
  // The chunks a current browser loads: not the `noModule` polyfills (only browsers without ES modules
  // fetch them), nor the local Stripe.js the checkout loads (Stripe's, not ours).
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\ssrc="(\/_next\/[^"]+)"/.exec(tag)?.[1] ?? []));
  let bytes = 0;
  for (const src of sources) {
    const chunk = await fetch(`${base}${src.replaceAll('&amp;', '&')}`);
    if (!chunk.ok) throw new Error(`${src} answered ${chunk.status}`);
    bytes += gzipSync(Buffer.from(await chunk.arrayBuffer()), { level: 9 }).length;
  }
  return { bytes, chunks: sources.size };
}

export async function benchFirstLoad(base: string) {
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log('First-load JS (gzip -9 of the script chunks each page references)');
  let bare = 0;
  for (const { name, path } of PAGES) {
    const { bytes, chunks } = await firstLoadGzip(base, path);
    if (path === BENCH_ROUTES.barePage) bare = bytes;
    const delta = path === BENCH_ROUTES.barePage ? '' : `  (+${kB(bytes - bare)} kB over the bare page)`;
    console.log(`${name.padEnd(40)}${kB(bytes).padStart(7)} kB in ${chunks} chunks${delta}`);
  }
}
