import Image from 'next/image';
import Link from 'next/link';
import { formatMoney } from '@/lib/format';
import { CURRENCY, type Product } from '@/lib/catalog';

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="card" aria-labelledby={`product-${product.id}`}>
      <Image src={product.image} alt="" width={240} height={200} unoptimized />
      <h3 id={`product-${product.id}`}>{product.name}</h3>
      <p>{product.description}</p>
      <p className="price">{formatMoney(product.unitAmount, CURRENCY)}</p>
      <Link className="button" href={`/checkout?item=${product.id}`}>
        Buy {product.name.split(',')[0]}
      </Link>
    </article>
  );
}
