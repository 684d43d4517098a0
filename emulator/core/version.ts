// API versions (API-NOTES §1) as a small table: the versions the local Stripe knows, and the dated
// changes that matter to the Checkout Sessions it emulates. A request's `Stripe-Version` header is
// `<base>` or `<base>; <beta>=<value>; …`; an unknown base or beta is refused, as Stripe refuses it.
import StripeSdk from 'stripe';
import { PUBLISHED_API_VERSIONS } from './api-versions';
import { invalid, MSG } from './errors';

export const DEFAULT_API_VERSION: string = StripeSdk.API_VERSION;

// Every version Stripe has published (api-versions.ts, with its source) is accepted: Stripe answers a
// request at any of them, in that version's shape. The local Stripe knows the differences listed in
// CHANGES (and version-shapes.ts); fields a version predates may still be present (unconfirmed which,
// field by field), but no request fails for its version alone. `2025-03-31.preview` is not in that
// list: Stripe's docs name it for the trial-duration preview. Whatever the installed SDK pins is known.
const KNOWN_BASES: ReadonlySet<string> = new Set([
  ...PUBLISHED_API_VERSIONS,
  '2025-03-31.preview',
  DEFAULT_API_VERSION,
]);

/** The private-preview beta of the seed page: server updates of line items before they were GA. */
export const SERVER_UPDATE_BETA = 'checkout_server_update_beta';
const KNOWN_BETAS: Record<string, readonly string[]> = { [SERVER_UPDATE_BETA]: ['v1'] };

/** What changed, and from which release (the date part of the base version). */
const CHANGES = {
  /** `ui_mode` `custom` became `elements` (and hosted/embedded were renamed). */
  uiModeElements: '2026-03-25',
  /** `line_items` became updatable on custom-UI sessions without a beta. */
  lineItemUpdates: '2025-12-15',
  /**
   * A promotion code's coupon moved from `coupon` (a coupon object) to `promotion.coupon` (an id), and a
   * discount's from `coupon` (a coupon object) to `source.coupon` (an id): Stripe's changelog,
   * docs.stripe.com/changelog/clover/2025-09-30/polymorphic-coupon and …/add-discount-source-property.
   */
  couponSource: '2025-09-30',
} as const;

/**
 * What only the server-update beta (`checkout_server_update_beta=v1`, API-NOTES §6) adds, on any
 * base version (the seed's `2025-03-31.basil`, or `2025-03-31.preview` for trials). Without the beta
 * these params are unknown, and refused as Stripe refuses any unknown parameter.
 */
const BETA_ONLY = {
  /** `permissions[update_line_items]` on create, shown on the session. */
  lineItemPermission: true,
  /** `permissions[update_discounts]` on create, shown on the session; `discounts` on update (Discounts page). */
  discountUpdates: true,
  /** `subscription_data[trial_period_days]` / `[trial_end]` on update (Trial durations page). */
  trialUpdates: true,
} as const;

/** What a request's version lets it do, derived once from the header. */
export type VersionFeatures = {
  /** The ui_mode name of a custom-UI (Elements) session: `custom` before dahlia, `elements` after. */
  elementsUiMode: 'custom' | 'elements';
  /** `line_items` accepted on a session update. */
  lineItemUpdates: boolean;
  /** `promotion.coupon` / `source.coupon` ids (clover on), or the older top-level `coupon` objects. */
  couponSource: boolean;
} & { [K in keyof typeof BETA_ONLY]: boolean };

export type ApiVersion = { header: string; base: string; betas: Record<string, string>; features: VersionFeatures };

export function featuresOf(base: string, betas: Record<string, string>): VersionFeatures {
  const date = base.slice(0, 10);
  const beta = betas[SERVER_UPDATE_BETA] === 'v1';
  return {
    elementsUiMode: date >= CHANGES.uiModeElements ? 'elements' : 'custom',
    lineItemUpdates: beta || date >= CHANGES.lineItemUpdates,
    couponSource: date >= CHANGES.couponSource,
    lineItemPermission: beta && BETA_ONLY.lineItemPermission,
    discountUpdates: beta && BETA_ONLY.discountUpdates,
    trialUpdates: beta && BETA_ONLY.trialUpdates,
  };
}

export function parseApiVersion(header: string | undefined): ApiVersion {
  const raw = (header ?? '').trim();
  if (!raw)
    return {
      header: DEFAULT_API_VERSION,
      base: DEFAULT_API_VERSION,
      betas: {},
      features: featuresOf(DEFAULT_API_VERSION, {}),
    };
  const [base = '', ...rest] = raw.split(';').map((part) => part.trim());
  if (!KNOWN_BASES.has(base)) throw invalid(MSG.invalidVersion(raw));
  const betas: Record<string, string> = {};
  for (const part of rest.filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((piece) => piece.trim());
    if (!KNOWN_BETAS[name]?.includes(value)) throw invalid(MSG.invalidVersion(raw));
    betas[name] = value;
  }
  // Stripe echoes the version it used without the trailing separator.
  return { header: raw.replace(/;\s*$/, ''), base, betas, features: featuresOf(base, betas) };
}
