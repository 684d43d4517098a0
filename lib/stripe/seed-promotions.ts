import 'server-only';
import type Stripe from 'stripe';
import { PROMOTION_CODES, type PromotionCode } from '@/lib/catalog';
import type { SeedReport } from '@/lib/stripe/seed';

const couponOf = (promo: Stripe.PromotionCode) => {
  const coupon = promo.promotion.coupon;
  return typeof coupon === 'string' ? coupon : (coupon?.id ?? null);
};

const sameProducts = (coupon: Stripe.Coupon, productIds: readonly string[]) =>
  JSON.stringify([...(coupon.applies_to?.products ?? [])].sort()) === JSON.stringify([...productIds].sort());

const sameTerms = (coupon: Stripe.Coupon, code: PromotionCode, productIds: readonly string[]) =>
  coupon.valid &&
  coupon.percent_off === code.percentOff &&
  coupon.duration === code.duration &&
  sameProducts(coupon, productIds);

/**
 * Makes a Stripe account hold the catalog's promotion codes: per code, one coupon with its terms (found by
 * `metadata.catalog_code`), applying to the catalog's products only, and one active promotion code on it. Idempotent. Coupons are immutable, so
 * changed terms make a new coupon, and the old code (same text) is deactivated first: Stripe refuses two
 * active codes with the same text.
 */
export async function syncPromotionCodes(
  client: Stripe,
  report: SeedReport,
  productIds: readonly string[],
): Promise<void> {
  const coupons: Stripe.Coupon[] = [];
  for await (const coupon of client.coupons.list({ limit: 100, expand: ['data.applies_to'] }))
    if (coupon.metadata?.catalog_code) coupons.push(coupon);
  for (const code of PROMOTION_CODES) {
    const active = (await client.promotionCodes.list({ code: code.code, active: true, limit: 100 })).data;
    let coupon = coupons.find(
      (candidate) => candidate.metadata?.catalog_code === code.code && sameTerms(candidate, code, productIds),
    );
    if (coupon && active.some((promo) => couponOf(promo) === coupon!.id)) {
      report.kept.push(`promotion code ${code.code}`);
      continue;
    }
    for (const stale of active) await client.promotionCodes.update(stale.id, { active: false });
    coupon ??= await client.coupons.create({
      name: code.name,
      percent_off: code.percentOff,
      duration: code.duration,
      // The shop's own products only: a line the server prices (the growers' contribution) is never discounted.
      applies_to: { products: [...productIds] },
      metadata: { catalog_code: code.code },
    });
    await client.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: code.code,
      metadata: { catalog_code: code.code },
    });
    report.created.push(`promotion code ${code.code}`);
  }
}
