import Image from 'next/image';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import { formatMoney, keepUnitsTogether } from '@/lib/format';
import { CURRENCY, type Product } from '@/lib/catalog';

/** `available`: units a buyer can still get (stock less what open checkouts hold). */
export function ProductCard({ product, available }: { product: Product; available: number }) {
  return (
    <article className="card" aria-labelledby={`product-${product.id}`}>
      <Image src={product.image} alt="" width={240} height={200} unoptimized />
      <h3 id={`product-${product.id}`}>{keepUnitsTogether(product.name)}</h3>
      <p>{product.description}</p>
      <p className="price">{formatMoney(product.unitAmount, CURRENCY)}</p>
      <p className="stock" data-testid={`stock-${product.id}`}>
        {available === 0 ? 'Sold out' : `${available} in stock`}
      </p>
      {available > 0 && <AddToCartButton productId={product.id} productName={product.name} />}
    </article>
  );
}
