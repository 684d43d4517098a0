/** What the browser needs to load Stripe.js: public values only, chosen by the server's configuration. */
export type BrowserStripeConfig = {
  publishableKey: string;
  /** The local Stripe's Stripe.js; null means Stripe's own, loaded by @stripe/stripe-js from js.stripe.com. */
  localStripeJsUrl: string | null;
  betas: string[];
};
