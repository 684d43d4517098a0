// Every /v1 route the local Stripe answers, by resource.
import { checkoutRoutes } from './checkout/routes';
import type { Route } from './http/router';
import { paymentPageRoutes } from './payment-pages/routes';
import { chargeRoutes } from './resources/charges';
import { couponRoutes } from './resources/coupons';
import { customerRoutes } from './resources/customers';
import { priceRoutes } from './resources/prices';
import { productRoutes } from './resources/products';
import { invoicePaymentRoutes } from './resources/invoice-payments';
import { promotionCodeRoutes } from './resources/promotion-codes';
import { refundRoutes } from './resources/refunds';
import { retrieveOnlyRoutes } from './resources/retrieve-only';
import { shippingRateRoutes } from './resources/shipping-rates';
import { subscriptionCancelRoutes } from './resources/subscription-cancel';
import { taxRateRoutes } from './resources/tax-rates';
import { webhookRoutes } from './webhooks/routes';

export function allRoutes(webhookSecret: string): Route[] {
  return [
    ...productRoutes,
    ...priceRoutes,
    ...shippingRateRoutes,
    ...taxRateRoutes,
    ...couponRoutes,
    ...promotionCodeRoutes,
    ...customerRoutes,
    ...checkoutRoutes,
    ...retrieveOnlyRoutes,
    // Payments after checkout: charges, refunds, invoice payments, cancelling a subscription.
    ...chargeRoutes,
    ...refundRoutes,
    ...invoicePaymentRoutes,
    ...subscriptionCancelRoutes,
    ...webhookRoutes(webhookSecret),
    ...paymentPageRoutes,
  ];
}
