// Placeholder owned by the local Stripe.js work (issue 4): the browser files the local Stripe serves.
// Keys are URL paths (e.g. '/v3/stripe.js'); the server serves them before auth, with CORS.
export type Asset = { contentType: string; body: string };

export async function buildStripeJsAssets(): Promise<Map<string, Asset>> {
  return new Map();
}
