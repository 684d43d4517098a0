// Which e2e specs also run against Stripe test mode (`npm run test:e2e:stripe`), and why the others do not.
// Real Stripe has none of the local Stripe's controls (/_emulator: faults, clock, request log, latency, reset,
// deliveries) and cannot send webhooks to a CI runner (that needs Stripe's CLI, which no package registry here
// offers). A spec needing either is local-only; so is one whose units are only given back by a webhook.
// support.ts's `test` reads this at run time and skips with the reason; scripts/real-stripe-e2e.test.ts checks
// that every spec is listed, that every skip has a reason, and that what runs touches no local-only control.

/** Set by playwright.real-stripe.config.ts for itself and its workers. */
export const REAL_STRIPE = process.env.E2E_REAL_STRIPE === '1';

const EXPIRY_NEEDS_WEBHOOK =
  'gives its held units back by expiring sessions, which frees them only when checkout.session.expired reaches the storefront (no webhook reaches this machine from real Stripe)';
const COUNTS_STRIPE_CALLS =
  "counts Stripe calls in the local Stripe's request log (/_emulator/requests) and arms its faults";
const ARMS_FAULTS = "arms the local Stripe's faults (/_emulator/faults), which real Stripe has no equivalent of";

/** A spec that runs on real Stripe, with the tests in it that still cannot (title → reason). */
type Runs = { runs: string; except?: Record<string, string> };
/** A spec that runs on the local Stripe only. */
type LocalOnly = { localOnly: string };

export const REAL_STRIPE_SPECS: Record<string, Runs | LocalOnly> = {
  'smoke.spec.ts': {
    runs: 'the home page and headers',
    except: {
      'every page carries the security headers':
        "asserts the local-Stripe build's CSP, which admits no stripe.com host; a real-Stripe build admits Stripe's",
    },
  },
  'api-cart.spec.ts': {
    runs: 'the cart API, and one Checkout Session made from it, read back from Stripe',
    except: {
      'more than is available (stock less what checkouts hold): 409 "Only N left", and nothing changes':
        EXPIRY_NEEDS_WEBHOOK,
    },
  },
  'cart.spec.ts': { runs: 'a cart checked out and paid; the return page records the order and empties the cart' },
  'checkout-products.spec.ts': { runs: 'a one-off purchase with a shipping option, paid, its receipt' },
  'checkout-shipping.spec.ts': {
    runs: "the shipping address step, its options and tax computed by Stripe's seeded rates, paid",
  },
  'promotion-codes.spec.ts': {
    runs: 'promotion codes validated by Stripe itself (WELCOME10 is made by `npm run stripe:seed`)',
  },
  'contribution.spec.ts': {
    runs: "the growers' contribution priced with price_data, re-priced with the cart, not discounted by WELCOME10, paid",
  },
  'checkout.spec.ts': {
    runs: 'the subscription checkout: interval switches, a declined card, resuming',
    except: {
      'a failed update shows an alert and changes nothing': ARMS_FAULTS,
      'keyboard only: from the shop to the receipt, address, card fields and email included; focus stays after each step':
        "tabs through the local Stripe.js's three card fields; real Stripe's Payment Element adds its own (country, postal code, Link), in its own order",
    },
  },
  'axe.spec.ts': { runs: 'the axe helper on a page of its own, which asks nothing of Stripe' },
  'accessibility.spec.ts': {
    runs: "axe on every state of the storefront's pages, with real Stripe.js in them",
    except: {
      'checkout: updating, then failed': ARMS_FAULTS,
      'checkout: the session cannot be created': ARMS_FAULTS,
    },
  },
  'inventory.spec.ts': {
    runs: 'a paid order lowers the stock',
    except: {
      'the last grinders: once held, a 409 names the product and what is left, and Stripe makes no session':
        EXPIRY_NEEDS_WEBHOOK,
    },
  },
  'checkout-resume.spec.ts': {
    runs: 'one open checkout per browser across reloads, tabs and cart edits; paid in another tab',
  },
  'orders-unlosable.spec.ts': {
    localOnly:
      "turns the local Stripe's webhook endpoints off and redelivers its events (/_emulator/events), and reads the server's own log",
  },
  'checkout-trust.spec.ts': {
    localOnly: "reads the address element's own fields, labels and errors, which real Stripe renders inside its iframe",
  },
  'checkout-limits.spec.ts': {
    localOnly: 'starts a storefront server of its own on the local Stripe to test the creation limit',
  },
  'back-office.spec.ts': {
    localOnly:
      'refunds a payment directly at the local Stripe and delivers its webhooks twice, signed with the local secret',
  },
  'checkout-interactions.spec.ts': { localOnly: EXPIRY_NEEDS_WEBHOOK },
  'shop-flow.spec.ts': { localOnly: EXPIRY_NEEDS_WEBHOOK },
  'api-checkout.spec.ts': { localOnly: COUNTS_STRIPE_CALLS },
  'api-checkout-cart.spec.ts': { localOnly: COUNTS_STRIPE_CALLS },
  'api-shipping-address.spec.ts': { localOnly: COUNTS_STRIPE_CALLS },
  'checkout-load.spec.ts': {
    localOnly: `${ARMS_FAULTS}, blocks the local Stripe.js, and checks the return URL the local mode derives from the request`,
  },
  'fault-drills.spec.ts': { localOnly: ARMS_FAULTS },
  'api-webhooks.spec.ts': { localOnly: 'posts to the webhook route with the secret the local Stripe signs with' },
  'hostile-requests.spec.ts': {
    localOnly:
      'posts to the webhook route and sends thousands of generated requests (Stripe asks not to load-test test mode)',
  },
  'local-stripe-dashboard.spec.ts': { localOnly: "tests the local Stripe's own dashboard and webhook deliveries" },
  'local-stripe-js.spec.ts': { localOnly: 'tests the local Stripe.js itself, on objects made in the local Stripe' },
  'seed-profile.spec.ts': {
    localOnly:
      'runs on the preview API version (checkout_server_update_beta), which a Stripe account must be enrolled in',
  },
  'seed-profile-loyalty.spec.ts': {
    localOnly: `runs on the preview API version (checkout_server_update_beta), which a Stripe account must be enrolled in, and ${ARMS_FAULTS}`,
  },
};

export const NO_KEYS_REASON =
  'real-Stripe run without test keys: set STRIPE_SECRET_KEY=sk_test_… and NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_…';

/** Why a test does not run in this configuration, or undefined when it runs. `file` is the spec's file name. */
export function realStripeSkipReason(file: string, title: string, keysSet: boolean): string | undefined {
  const entry = REAL_STRIPE_SPECS[file];
  if (!entry) return `${file} is not classified in e2e/real-stripe.ts, so it does not run on real Stripe`;
  if ('localOnly' in entry) return `local Stripe only: ${entry.localOnly}`;
  const reason = entry.except?.[title];
  if (reason) return `local Stripe only: ${reason}`;
  return keysSet ? undefined : NO_KEYS_REASON;
}

/**
 * For a spec with a `test` of its own (support.ts's fixture cannot skip it): the manifest's reason, for its
 * top-level `test.skip(REAL_STRIPE, localOnlyReason('x.spec.ts'))`.
 */
export function localOnlyReason(file: string): string {
  const entry = REAL_STRIPE_SPECS[file];
  if (!entry || !('localOnly' in entry)) throw new Error(`${file} is not listed as local-only in e2e/real-stripe.ts`);
  return `local Stripe only: ${entry.localOnly}`;
}

export type RealStripeKeys = { secretKey: string; publishableKey: string } | undefined;

/** The test keys from the environment, none when both are unset; anything else (a live key, one of the pair) throws. */
export function realStripeKeys(source: Record<string, string | undefined>): RealStripeKeys {
  const secretKey = source.STRIPE_SECRET_KEY || undefined;
  const publishableKey = source.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY || undefined;
  if (!secretKey && !publishableKey) return undefined;
  if (!secretKey || !publishableKey) {
    throw new Error(
      'Set both STRIPE_SECRET_KEY and NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY (test mode) to run the e2e suite on real Stripe',
    );
  }
  // The suite pays with test cards and creates coupons: never on a live account.
  if (!/^(sk|rk)_test_\w+$/.test(secretKey) || !/^pk_test_\w+$/.test(publishableKey)) {
    throw new Error(
      'The e2e suite runs on Stripe test mode only: STRIPE_SECRET_KEY must start with sk_test_ (or rk_test_) and NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY with pk_test_',
    );
  }
  return { secretKey, publishableKey };
}
