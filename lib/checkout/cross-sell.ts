// What to offer beside a cart ("You might also like"): what its products go with, not already in it, not
// the gift, and in stock. Pure: the server decides with it, and the checkout page shows the same offers.
import { findProductForSale, PRODUCTS, type Product } from '@/lib/catalog';
import { addProduct, CartRuleError, type CartIntent } from '@/lib/checkout/checkout-cart';
import { isGift } from '@/lib/checkout/gift';

export function crossSellOffers(
  productIdsInCart: readonly string[],
  available: ReadonlyMap<string, number>,
): Product[] {
  const inCart = new Set(productIdsInCart);
  const wanted = new Set(
    PRODUCTS.filter((product) => inCart.has(product.id)).flatMap((product) => product.goesWith ?? []),
  );
  return [...wanted].flatMap((id) => {
    const product = findProductForSale(id);
    return product && !inCart.has(id) && !isGift(id) && (available.get(id) ?? 0) > 0 ? [product] : [];
  });
}

/** The cross-sell "add": one unit of a product the rule offers for this cart right now. */
export function addCrossSell(productId: string, available: ReadonlyMap<string, number>): CartIntent {
  return (cart) => {
    const offered = crossSellOffers(
      cart.map((line) => line.productId),
      available,
    ).some((product) => product.id === productId);
    if (!offered) {
      const product = findProductForSale(productId);
      throw new CartRuleError(
        `${productId} is not offered with this cart`,
        product ? `${product.name} can't be added right now.` : "That item isn't in our shop.",
      );
    }
    return addProduct(productId)(cart);
  };
}
