// A response in the shape of the request's API version, where the local Stripe knows the difference
// (version.ts CHANGES). Objects are stored in the newest shape; before clover (2025-09-30) a promotion
// code carried its coupon as a top-level `coupon` object instead of the `promotion.coupon` id, and a
// discount as a top-level `coupon` object instead of `source.coupon` (Stripe's changelog:
// docs.stripe.com/changelog/clover/2025-09-30/polymorphic-coupon and …/add-discount-source-property).
// Applied to every object in a response, nested ones and expanded ones included; idempotent.
import type { RequestCtx } from './context';

type Json = Record<string, unknown>;

export function shapeForVersion(ctx: RequestCtx, value: unknown): void {
  if (ctx.version.features.couponSource) return;
  visit(value, (object) => {
    if (object.object === 'promotion_code') olderCoupon(ctx, object, 'promotion');
    else if (object.object === 'discount') olderCoupon(ctx, object, 'source');
  });
}

/** Moves `<holder>.coupon` (an id, or an expanded coupon) to a top-level `coupon` object. */
function olderCoupon(ctx: RequestCtx, object: Json, holder: 'promotion' | 'source'): void {
  const held = object[holder];
  if (!isJson(held)) return;
  const coupon = held.coupon;
  // A coupon deleted since stays an id: its object is gone (unconfirmed what Stripe shows then).
  object.coupon = typeof coupon === 'string' ? (ctx.expander.object(ctx, coupon, 'coupon') ?? coupon) : coupon;
  delete object[holder];
}

function visit(value: unknown, each: (object: Json) => void): void {
  if (Array.isArray(value)) for (const item of value) visit(item, each);
  else if (isJson(value)) {
    each(value);
    for (const child of Object.values(value)) visit(child, each);
  }
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
