import { Plans } from '@/components/catalog/plans';
import { ProductCard } from '@/components/catalog/product-card';
import { shelfStock } from '@/lib/actions/shelf-stock';
import { PLANS, PRODUCTS } from '@/lib/catalog';

// Stock changes with every checkout: rendered per request, never at build.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const stock = await shelfStock();
  return (
    <>
      <Plans plans={PLANS} />
      <section aria-labelledby="shop-heading">
        <h2 id="shop-heading">From the roastery</h2>
        <div className="grid">
          {PRODUCTS.map((product) => (
            <ProductCard key={product.id} product={product} available={Math.max(0, stock.get(product.id) ?? 0)} />
          ))}
        </div>
      </section>
    </>
  );
}
