// The browser files of the local Stripe.js (emulator/stripe-js), built once on first request and
// served before auth with CORS and a short cache, as js.stripe.com serves them.
import { buildStripeJsAssets, type Asset } from '../stripe-js/assets';

export class AssetCache {
  private built: Promise<Map<string, Asset>> | null = null;

  get(path: string): Promise<Asset | undefined> {
    this.built ??= buildStripeJsAssets().catch((error: unknown) => {
      this.built = null;
      throw error;
    });
    return this.built.then((assets) => assets.get(path));
  }
}
