'use client';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import type { BrowserStripeConfig } from '@/lib/checkout/browser-config';

// `@stripe/stripe-js/pure` injects nothing until loadStripe is called, and uses `window.Stripe` when one
// exists. In local mode we put the local Stripe's Stripe.js there first, so no request goes to stripe.com.
// On a retry, a script that never defined window.Stripe (it failed to load) is replaced by a new one.
function injectScript(src: string, reload: boolean): Promise<void> {
  if (window.Stripe) return Promise.resolve();
  let existing = document.querySelector<HTMLScriptElement>(`script[src="${src}"]`);
  if (existing && reload) {
    existing.remove();
    existing = null;
  }
  return new Promise((resolve, reject) => {
    const script = existing ?? Object.assign(document.createElement('script'), { src, async: true });
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`Could not load Stripe.js from ${src}`)), { once: true });
    if (!existing) document.head.appendChild(script);
  });
}

export async function loadStripeFor(config: BrowserStripeConfig, { reload = false } = {}): Promise<Stripe | null> {
  if (typeof window === 'undefined') return null; // the server render: the provider waits for the browser
  if (config.localStripeJsUrl) await injectScript(config.localStripeJsUrl, reload);
  return loadStripe(config.publishableKey, config.betas.length > 0 ? { betas: config.betas } : undefined);
}
