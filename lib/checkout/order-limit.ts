// The per-order limit: one rule, one message, one status, wherever a quantity is set (the cart page, the
// checkout, a "Buy now" link).
import type { Product } from '@/lib/catalog';
import { AppError } from '@/lib/errors';

export class OrderLimitError extends AppError {
  constructor(product: Pick<Product, 'id' | 'name' | 'maxQuantity'>, quantity: number) {
    super(
      'order_limit',
      409,
      `${product.id}: ${quantity} over the limit of ${product.maxQuantity}`,
      orderLimitMessage(product),
    );
  }
}

export const orderLimitMessage = (product: Pick<Product, 'name' | 'maxQuantity'>) =>
  `You can buy at most ${product.maxQuantity} of ${product.name} per order.`;

/** Throws OrderLimitError when `quantity` is over the product's per-order limit. */
export function assertWithinOrderLimit(product: Pick<Product, 'id' | 'name' | 'maxQuantity'>, quantity: number): void {
  if (quantity > product.maxQuantity) throw new OrderLimitError(product, quantity);
}
