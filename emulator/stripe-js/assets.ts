// The browser files the local Stripe serves. Keys are URL paths (e.g. '/v3/stripe.js'); the server
// serves them before auth, with CORS. Built once, lazily, with esbuild from the TypeScript beside this.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAME_PATH, FRAME_SCRIPT_PATH } from './frame-protocol';

export type Asset = { contentType: string; body: string };

const JS = 'text/javascript; charset=utf-8';
// This module may run as CommonJS (tsx, Playwright) or as ESM; find its folder either way.
const DIR = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
const here = (file: string) => join(DIR, file);

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// The frame page loads its script by a relative path, so it works on any origin and port.
const FRAME_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Payment details</title></head>
<body><script src="${FRAME_SCRIPT_PATH}"></script></body></html>`;

export async function buildStripeJsAssets(): Promise<Map<string, Asset>> {
  const [stripeJs, frameJs] = await Promise.all([
    bundle('./browser/stripe-js-entry.ts'),
    bundle('./frame/payment-frame.ts'),
  ]);
  return new Map<string, Asset>([
    ['/v3/stripe.js', { contentType: JS, body: stripeJs }],
    ['/v3', { contentType: JS, body: stripeJs }],
    // The path @stripe/stripe-js 10 would load from js.stripe.com, for a page that keeps it.
    ['/endive/stripe.js', { contentType: JS, body: stripeJs }],
    [FRAME_PATH, { contentType: 'text/html; charset=utf-8', body: FRAME_HTML }],
    [FRAME_SCRIPT_PATH, { contentType: JS, body: frameJs }],
  ]);
}
