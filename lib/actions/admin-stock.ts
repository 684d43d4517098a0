import 'server-only';
import { findProduct } from '@/lib/catalog';
import { database } from '@/lib/db/client';
import { changeStock } from '@/lib/db/stock-admin';
import { InvalidRequestError } from '@/lib/errors';
import { log } from '@/lib/log';

/** The owner counts the shelf (`set`) or books a delivery (`add`): buyers see it at once; open checkouts keep their holds. */
export async function changeProductStock(
  productId: string,
  change: { set: number } | { add: number },
): Promise<string> {
  const product = findProduct(productId);
  const stock = product ? await changeStock(await database(), productId, change) : null;
  if (stock === null) throw new InvalidRequestError(`No inventory row for ${productId}`, 'There is no such product.');
  log.info('admin.stock_changed', { product: productId, ...change, stock });
  return `${product?.name ?? productId}: ${stock} in stock.`;
}
